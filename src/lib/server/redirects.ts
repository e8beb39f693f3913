/**
 * A same-site path to go to after a form, or "/". Anything that could leave
 * the site (an absolute URL, "//host", a backslash trick) is refused.
 */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
	if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
		return fallback;
	}
	try {
		const url = new URL(value, 'http://trama.invalid');
		return url.origin === 'http://trama.invalid' ? url.pathname + url.search + url.hash : fallback;
	} catch {
		return fallback;
	}
}
