import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from '../../src/lib/server/redirects.ts';

describe('safeRedirectPath', () => {
	it('keeps a same-site path with its query and hash', () => {
		expect(safeRedirectPath('/invite/abc?x=1#top')).toBe('/invite/abc?x=1#top');
	});
	it('refuses an absolute URL to another site', () => {
		expect(safeRedirectPath('https://evil.example/')).toBe('/');
	});
	it('refuses a protocol-relative URL', () => {
		expect(safeRedirectPath('//evil.example/path')).toBe('/');
	});
	it('refuses a backslash that browsers read as a slash', () => {
		expect(safeRedirectPath('/\\evil.example')).toBe('/');
	});
	it('falls back when nothing usable was given', () => {
		expect(safeRedirectPath(null, '/home')).toBe('/home');
		expect(safeRedirectPath('relative/path')).toBe('/');
	});
});
