// Dates as the people of a network read them. The networks are Italian, so
// times are Rome's whichever server or browser renders them: the page the
// server writes and the one the browser hydrates say the same, and an export
// made at 00:30 is not dated the day before.
import type { Locale } from './i18n/translate.ts';

export const TIME_ZONE = 'Europe/Rome';

export const intlLocale = (locale: Locale) => (locale === 'it' ? 'it-IT' : 'en-GB');

/** "12 marzo 2027". */
export function formatDate(locale: Locale, value: Date | string): string {
	return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: TIME_ZONE }).format(new Date(value));
}

/** "12 marzo 2027 alle ore 10:32". */
export function formatDateTime(locale: Locale, value: Date | string): string {
	return new Intl.DateTimeFormat(intlLocale(locale), {
		dateStyle: 'long',
		timeStyle: 'short',
		timeZone: TIME_ZONE
	}).format(new Date(value));
}
