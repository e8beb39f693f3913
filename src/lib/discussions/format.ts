import type { Locale } from '$lib/i18n/translate';

/** A date with the time of day, the way the page's language writes it: "12 marzo 2027, 10:32". */
export function formatDateTime(value: Date | string, locale: Locale): string {
	return new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' }).format(
		new Date(value)
	);
}
