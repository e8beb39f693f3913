// Times in the activity record are Rome's (see TIME_ZONE), whichever server
// or browser renders them: a day begins at midnight in Italy for everyone.
import { TIME_ZONE, intlLocale } from '../dates.ts';
import type { Locale } from '../i18n/translate.ts';

const numeric = new Intl.DateTimeFormat('en-CA', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});

/** "2026-11-23 17:05:09": the local date and time in Rome, sortable, for files. */
export function romeDateTime(date: Date): string {
	const part = Object.fromEntries(numeric.formatToParts(date).map((p) => [p.type, p.value]));
	return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
}

/** "2026-11-23": the day in Rome. */
export const romeDay = (date: Date): string => romeDateTime(date).slice(0, 10);

/** "lunedì 23 novembre 2026". */
export function formatDay(locale: Locale, date: Date): string {
	return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'full', timeZone: TIME_ZONE }).format(date);
}

/** "17:05". */
export function formatTime(locale: Locale, date: Date): string {
	return new Intl.DateTimeFormat(intlLocale(locale), { timeStyle: 'short', timeZone: TIME_ZONE }).format(date);
}

/** Consecutive items of the same day in Rome together, in the order given. */
export function groupByDay<T extends { createdAt: Date }>(items: T[]): { day: string; items: T[] }[] {
	const groups: { day: string; items: T[] }[] = [];
	for (const item of items) {
		const day = romeDay(new Date(item.createdAt));
		const last = groups.at(-1);
		if (last?.day === day) last.items.push(item);
		else groups.push({ day, items: [item] });
	}
	return groups;
}
