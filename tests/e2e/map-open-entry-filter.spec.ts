import { test, expect, type Page } from '@playwright/test';
import { DEMO_PEOPLE, signIn } from './support/demo.ts';
import { newMap, openEntries } from './support/map.ts';
import { entry, putMapEntries } from './support/map-entries.ts';

// A filter chosen while an entry is open. The open entry's marker may be on
// its way out of a cluster (the map zooms to it) when the filter takes it off
// the map: the page must throw nothing, then or on any later move, and the
// panel of an entry the filter hides closes and says why.

const FROSINONE = { lat: 41.6397, lng: 13.3426 };
const CASSINO = { lat: 41.4919, lng: 13.8311 };
const near = (town: typeof FROSINONE, d: number) => ({ lat: town.lat + d, lng: town.lng + d });

/** Two pairs of entries 40 km apart: each pair, 150 m apart, is one cluster when the map fits them all. */
const network = () => [
	entry({ name: 'Reinserimento dopo la comunità', category: 'need', targets: ['addiction'], position: near(FROSINONE, 0) }),
	entry({ name: 'Centro diurno', category: 'service', targets: ['mental_health'], position: near(FROSINONE, 0.001) }),
	entry({ name: 'Borse lavoro nel verde', category: 'opportunity', targets: ['addiction', 'migrants'], position: near(CASSINO, 0) }),
	entry({ name: 'Sportello migranti', category: 'service', targets: ['migrants'], position: near(CASSINO, 0.001) })
];

/** For each entry, a target group that keeps it on the map and one that hides it. */
const FILTERS_FOR: Record<string, { keep: string; hide: string }> = {
	'Reinserimento dopo la comunità': { keep: 'Dipendenze', hide: 'Migranti' },
	'Centro diurno': { keep: 'Salute mentale', hide: 'Migranti' },
	'Borse lavoro nel verde': { keep: 'Dipendenze', hide: 'Salute mentale' },
	'Sportello migranti': { keep: 'Migranti', hide: 'Dipendenze' }
};

const mapView = (page: Page) => page.getByRole('group', { name: /^Mappa delle voci/ });
const marker = (page: Page, name: string) => mapView(page).getByRole('button', { name: new RegExp(`^${name}, `) });
const panel = (page: Page) => page.getByRole('complementary', { name: 'Voce aperta' });
const targets = (page: Page) => page.getByLabel('Destinatari', { exact: true });
const closed = (page: Page, name: string) => page.getByRole('status').filter({ hasText: `I filtri scelti nascondono «${name}»: la sua scheda è stata chiusa.` });

/** Every error the page throws, from now on: the test fails on any. */
function pageErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.stack ?? String(error)));
	return errors;
}

async function start(browser: import('@playwright/test').Browser, title: string) {
	const person = await signIn(browser, DEMO_PEOPLE.giulia.email);
	// No tile server here: the map draws its plain background.
	await person.context.route('https://tile.openstreetmap.org/**', (route) => route.abort());
	const path = await newMap(person.page, title);
	const entries = network();
	await putMapEntries(person.page, path, entries);
	return { ...person, path, entries };
}

test('a filter that hides the entry open from a marker closes its panel, says so and throws nothing', async ({ browser }) => {
	const { page, context, path } = await start(browser, 'Mappa filtrata con una voce aperta');
	const errors = pageErrors(page);
	await openEntries(page, path);
	// A cluster of the fitted view opens with a click; an entry opens from its marker, whichever pair it is.
	await mapView(page).getByRole('button', { name: /^2 voci vicine/ }).first().click();
	await mapView(page).locator('.entry-marker').first().click();
	const heading = panel(page).getByRole('heading', { level: 2 });
	await expect(heading).toBeFocused();
	const name = (await heading.textContent())!.trim();
	const { keep, hide } = FILTERS_FOR[name];

	// A filter that keeps it: the panel stays, and so does the marker.
	await targets(page).selectOption({ label: keep });
	await expect(page).toHaveURL(/target=/);
	await expect(panel(page).getByRole('heading', { name })).toBeVisible();
	await expect(panel(page).getByText('I filtri scelti nascondono questa voce')).toHaveCount(0);

	// A filter that hides it: the panel closes, the page says why, the focus stays on the filter.
	await targets(page).focus();
	await targets(page).selectOption({ label: hide });
	await expect(panel(page)).toHaveCount(0);
	await expect(closed(page, name)).toBeVisible();
	await expect(page).not.toHaveURL(/[?&]entry=/);
	await expect(targets(page)).toBeFocused();
	await expect(marker(page, name)).toHaveCount(0);

	// Later moves of the map throw nothing either; opening another entry clears the notice.
	await page.getByRole('button', { name: 'Avvicina', exact: true }).click();
	await page.getByRole('button', { name: 'Allontana', exact: true }).click();
	await targets(page).selectOption('');
	await expect(mapView(page).getByRole('button', { name: new RegExp(`^(2 voci vicine|${name})`) }).first()).toBeVisible();
	await page.getByRole('button', { name: 'Allontana', exact: true }).click();
	expect(errors).toEqual([]);
	await context.close();
});

test('a filter that hides the open entry while the map is on its way to it throws nothing, then or on any later move', async ({ browser }) => {
	const { page, context, path, entries } = await start(browser, 'Mappa in movimento');
	const errors = pageErrors(page);
	const [need] = entries;
	// The page's clock is in the test's hands, so the map's zoom to the open entry can be held half-way.
	await page.clock.install();
	await openEntries(page, path, `?entry=${need.id}`);
	await expect(marker(page, need.name)).toBeVisible();
	// Zoomed out until the open entry is inside a cluster.
	const cluster = mapView(page).getByRole('button', { name: /^2 voci vicine/ }).first();
	await expect(async () => {
		await page.getByRole('button', { name: 'Allontana', exact: true }).click();
		await expect(cluster).toBeVisible({ timeout: 1_000 });
	}).toPass();
	await expect(marker(page, need.name)).toHaveCount(0);

	// A narrower window: the map brings the open entry back out of its cluster, and the clock holds it half-way there.
	await page.clock.pauseAt(Date.now() + 2_000);
	await page.setViewportSize({ width: 1100, height: 800 });
	// Resize observers report at the next rendering: the map's own has reported once this one has.
	await page.evaluate(() => new Promise((resolve) => new ResizeObserver((_, observer) => resolve(observer.disconnect())).observe(document.body)));
	await targets(page).selectOption({ label: 'Migranti' });
	await expect(page).toHaveURL(/target=migrants/);
	expect(errors).toEqual([]);
	await expect(panel(page)).toHaveCount(0);
	await expect(closed(page, need.name)).toBeVisible();

	// Time runs again; the map moves and zooms, and changes filter again.
	await page.clock.resume();
	for (const zoom of ['Avvicina', 'Allontana', 'Allontana']) await page.getByRole('button', { name: zoom, exact: true }).click();
	await targets(page).selectOption({ label: 'Dipendenze' });
	await expect(page.getByRole('status').filter({ hasText: 'Voci mostrate: 2 su 4' })).toBeVisible();
	expect(errors).toEqual([]);
	await context.close();
});

test('an open entry someone else changes out of the filter keeps its panel, which says the filter hides it', async ({ browser }) => {
	const { page, context, path, entries } = await start(browser, 'Mappa cambiata da altri');
	const errors = pageErrors(page);
	const [, , verde] = entries;
	await openEntries(page, path, `?target=addiction&entry=${verde.id}`);
	const open = panel(page);
	await expect(open.getByRole('heading', { name: verde.name })).toBeVisible();
	await expect(open.getByText('I filtri scelti nascondono questa voce')).toHaveCount(0);

	await putMapEntries(page, path, [{ ...verde, targets: ['migrants'] }]);
	await expect(open.getByRole('status').first()).toContainText('I filtri scelti nascondono questa voce: non è sulla mappa né nelle altre viste.');
	await expect(marker(page, verde.name)).toHaveCount(0);
	await open.getByRole('link', { name: 'Togli i filtri per vederla' }).click();
	await expect(page).not.toHaveURL(/target=/);
	await expect(open.getByText('I filtri scelti nascondono questa voce')).toHaveCount(0);
	await expect(marker(page, verde.name).or(mapView(page).getByRole('button', { name: /^2 voci vicine/ })).first()).toBeVisible();
	expect(errors).toEqual([]);
	await context.close();
});
