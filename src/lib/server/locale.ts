import type { Cookies } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n/translate';

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
