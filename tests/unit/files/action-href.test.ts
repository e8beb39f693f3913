import { describe, expect, it } from 'vitest';
import { actionHref } from '../../../src/lib/components/files/forms.ts';

const BASE = 'http://trama.test/networks/n/files';

describe('the address a file space form posts to', () => {
	it('keeps the folder, order and filters shown, so a browser without JavaScript comes back to them', () => {
		const href = actionHref(new URL(`${BASE}?folder=f1&sort=-date&q=avviso+2027`), 'rename');
		expect(href).toBe('/networks/n/files?folder=f1&sort=-date&q=avviso+2027&/rename');
		// SvelteKit finds the action among the parameters by its leading slash.
		expect([...new URL(href, BASE).searchParams.keys()]).toEqual(['folder', 'sort', 'q', '/rename']);
	});

	it('names only its own action, after a form already posted without JavaScript, and forgets an upload’s outcome', () => {
		expect(actionHref(new URL(`${BASE}?folder=f1&/bin&uploaded=2&upload_error=quota_exceeded`), 'move')).toBe(
			'/networks/n/files?folder=f1&/move'
		);
	});

	it('is the bare action at the top of the file space', () => {
		expect(actionHref(new URL(BASE), 'createFolder')).toBe('/networks/n/files?/createFolder');
	});
});
