import { test, expect } from '@playwright/test';
import { DEMO_NETWORK, DEMO_PEOPLE, signIn } from './support/demo.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';

// A territorial map's text page says what its entries hold and leads to them.

test('the demo map’s text page sums up its entries by category and opens them', async ({ browser }) => {
	const { page, context } = await signIn(browser, DEMO_PEOPLE.paolo.email);
	await page.goto(`${DEMO_NETWORK}/documents/dd000000-0000-4000-8000-000000000002`);
	const summary = page.getByRole('region', { name: 'Voci della mappa' });
	await expect(summary.getByRole('listitem')).toHaveText([
		'Servizi: 11',
		'Bisogni: 8',
		'Risorse: 5',
		'Opportunità di lavoro o tirocinio: 7',
		'Luoghi di incontro: 4'
	]);
	await expectNoSeriousA11yViolations(page);
	await summary.getByRole('link', { name: 'Apri le voci della mappa' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Voci della mappa «Mappatura dei servizi per il lavoro – Ambito di Frosinone»');
	await expect(page.getByRole('status').filter({ hasText: /^35 voci$/ })).toBeVisible();
	await context.close();
});

test('the demo map’s Markdown export ends with its entries as a table', async ({ browser }) => {
	const { page, context } = await signIn(browser, DEMO_PEOPLE.paolo.email);
	const response = await page.request.get(`${DEMO_NETWORK}/documents/dd000000-0000-4000-8000-000000000002/export.md`);
	expect(response.status()).toBe(200);
	const markdown = await response.text();
	expect(markdown).toContain('## Contesto territoriale');
	const table = markdown.slice(markdown.indexOf('## Voci della mappa'));
	expect(table).toMatch(/^## Voci della mappa\n\n\| Nome \| Categoria \| Sistema \| Destinatari \| Partner \|/);
	// A header, its rule and one row an entry.
	expect(table.split('\n').filter((line) => line.startsWith('| '))).toHaveLength(2 + 35);
	await context.close();
});

test('a text document has no entries summary', async ({ browser }) => {
	const { page, context } = await signIn(browser, DEMO_PEOPLE.paolo.email);
	await page.goto(`${DEMO_NETWORK}/documents/dd000000-0000-4000-8000-000000000001`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Voci della mappa' })).toHaveCount(0);
	await context.close();
});
