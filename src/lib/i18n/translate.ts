import { en } from './en.ts';
import { it, type MessageKey } from './it.ts';

export type Locale = 'it' | 'en';
export type { MessageKey };
export const LOCALES: readonly Locale[] = ['it', 'en'];
export const DEFAULT_LOCALE: Locale = 'it';
/** Each language named in itself, the way a language switcher shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { it: 'Italiano', en: 'English' };

const catalogues: Record<Locale, Record<MessageKey, string>> = { it, en };

export function isLocale(value: unknown): value is Locale {
	return value === 'it' || value === 'en';
}

export function isMessageKey(value: unknown): value is MessageKey {
	return typeof value === 'string' && Object.hasOwn(it, value);
}

/** The message for key in locale, with {name} placeholders filled from params. */
export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
	return catalogues[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}
