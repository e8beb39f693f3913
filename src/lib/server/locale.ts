import type { Cookies } from '@sveltejs/kit';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/translate.ts';

export const LOCALE_COOKIE = 'trama_lang';

export function rememberLocale(cookies: Cookies, locale: Locale, secure: boolean) {
	cookies.set(LOCALE_COOKIE, locale, {
		path: '/',
		httpOnly: false,
		sameSite: 'lax',
		secure,
		maxAge: 365 * 24 * 60 * 60
	});
}

/** The person's saved language, else the one a visitor chose (the cookie), else Italian. */
export function chosenLocale(cookies: Pick<Cookies, 'get'>, saved?: Locale | null): Locale {
	const chosen = cookies.get(LOCALE_COOKIE);
	return saved ?? (isLocale(chosen) ? chosen : DEFAULT_LOCALE);
}
