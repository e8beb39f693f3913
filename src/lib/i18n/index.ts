import { page } from '$app/state';
import { DEFAULT_LOCALE, isLocale, translate, type Locale, type MessageKey } from './translate.ts';
import { formatDate as formatDateIn, intlLocale } from '../dates.ts';

export * from './translate.ts';

function pageLocale(): Locale {
	const locale = page.data?.locale;
	return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/** translate() in the locale of the page being rendered; reactive in components. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
	return translate(pageLocale(), key, params);
}

/** Formats a date the way the page's language writes it, in Rome's time. */
export const formatDate = (value: Date | string): string => formatDateIn(pageLocale(), value);

/** Formats a count the way the page's language writes it (1.000 in Italian, 1,000 in English): grouped from the thousands, as Italian offices write amounts. */
export const formatNumber = (value: number): string =>
	new Intl.NumberFormat(intlLocale(pageLocale()), { useGrouping: 'always' }).format(value);
