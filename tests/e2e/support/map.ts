import { expect, type Page } from '@playwright/test';
import { DEMO_NETWORK } from './demo.ts';

// A territorial map of the spec's own, so specs never see each other's entries.

/** Creates a territorial map in the demo network as the signed-in person; answers its entries page's path. */
export async function newMap(page: Page, title: string): Promise<string> {
	const origin = new URL(page.url()).origin;
	const response = await page.request.post(`${DEMO_NETWORK}/documents?/create`, {
		form: { title, kind: 'territorial_map' },
		headers: { origin, 'x-sveltekit-action': 'true' }
	});
	expect(response.ok()).toBe(true);
	const result = (await response.json()) as { type: string; location?: string };
	expect(result.type).toBe('redirect');
	return `${result.location}/entries`;
}

/** Opens a map's entries page and waits until its shared entries have loaded. */
export async function openEntries(page: Page, path: string, query = ''): Promise<void> {
	await page.goto(`${path}${query}`);
	await expect(page.getByRole('status').filter({ hasText: 'Connesso' })).toBeVisible();
}
