import { test, expect, type Page } from '@playwright/test';
import { DEMO_NETWORK, DEMO_PEOPLE, signIn } from './support/demo.ts';
import { openEntries } from './support/map.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';

// The demo network's map, as an editor sees it (every control there is):
// on a laptop the map starts within the first screen, with everything above
// it still there; on a phone nothing is wider than the screen. Both pass axe,
// with an entry open too.

const MAP = `${DEMO_NETWORK}/documents/dd000000-0000-4000-8000-000000000002/entries`;
const mapView = (page: Page) => page.getByRole('group', { name: /^Mappa delle voci/ });
const panel = (page: Page) => page.getByRole('complementary', { name: 'Voce aperta' });

async function open(browser: import('@playwright/test').Browser, viewport: { width: number; height: number }) {
	const person = await signIn(browser, DEMO_PEOPLE.giulia.email, viewport);
	// No tile server here: the map draws its plain background.
	await person.context.route('https://tile.openstreetmap.org/**', (route) => route.abort());
	await openEntries(person.page, MAP);
	await expect(mapView(person.page).locator('.entry-cluster, .entry-marker').first()).toBeVisible();
	return person;
}

test('at 1280 × 800 the map starts within the first screen, with the filters, views and actions above it', async ({ browser }) => {
	const { page, context } = await open(browser, { width: 1280, height: 800 });
	expect(await page.evaluate(() => window.scrollY)).toBe(0);
	const box = (await mapView(page).boundingBox())!;
	expect(box.y).toBeLessThan(800);
	// A useful part of it, not a sliver: at least a third of the screen's height.
	expect(800 - box.y).toBeGreaterThanOrEqual(800 / 3);
	expect(box.width).toBeGreaterThan(1000);

	// Nothing went missing above it, and all of it is within the first screen too.
	const above = [
		page.getByRole('link', { name: '← Torna al testo della mappatura' }),
		page.getByRole('heading', { level: 1, name: /^Voci della mappa/ }),
		page.getByRole('status').filter({ hasText: 'Connesso' }),
		page.getByRole('searchbox', { name: 'Cerca' }),
		...['Categoria', 'Sistema', 'Destinatari', 'Partner'].map((label) => page.getByLabel(label, { exact: true })),
		page.getByRole('navigation', { name: 'Viste delle voci' }).getByRole('link', { name: 'Mappa' }),
		page.getByRole('status').filter({ hasText: /^35 voci$/ }),
		page.getByRole('group', { name: 'Esporta le voci:' }).getByRole('link', { name: 'CSV (foglio di calcolo)' }),
		page.getByRole('button', { name: 'Aggiungi una voce' }),
		page.getByRole('button', { name: 'Importa da CSV o GeoJSON' })
	];
	for (const element of above) {
		const { y, height } = (await element.boundingBox())!;
		expect(y + height).toBeLessThanOrEqual(box.y);
	}
	await expectNoSeriousA11yViolations(page);

	// With an entry open beside it, the map keeps its place.
	await mapView(page).locator('.entry-marker').first().click();
	await expect(panel(page)).toBeVisible();
	expect((await mapView(page).boundingBox())!.y).toBeLessThan(800 / 1.5);
	await expectNoSeriousA11yViolations(page);
	await context.close();
});

test('at 390 × 844 the map page fits the screen, the filters fold behind a button, and it passes axe', async ({ browser }) => {
	const { page, context } = await open(browser, { width: 390, height: 844 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	const unfold = page.getByRole('button', { name: 'Filtri' });
	await expect(unfold).toHaveAttribute('aria-expanded', 'false');
	await expect(page.getByLabel('Destinatari', { exact: true })).toBeHidden();
	await expectNoSeriousA11yViolations(page);

	await unfold.click();
	await page.getByLabel('Destinatari', { exact: true }).selectOption({ label: 'Dipendenze' });
	await expect(page.getByRole('status').filter({ hasText: /^Voci mostrate: \d+ su 35$/ })).toBeVisible();
	await mapView(page).locator('.entry-cluster, .entry-marker').first().click();
	await mapView(page).locator('.entry-marker').first().click();
	await expect(panel(page)).toBeVisible();
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	await expectNoSeriousA11yViolations(page);
	await context.close();
});
