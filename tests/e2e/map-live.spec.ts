import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { DEMO_PEOPLE, signIn, type Person } from './support/demo.ts';
import { newMap, openEntries } from './support/map.ts';

// The territorial map drawn with Leaflet, shared live: two people add an
// entry each at the same moment, one placed by clicking the map and one by
// typing its coordinates, and both see both. No tile server is reachable
// here (nor on the machines this runs on): every context refuses the tiles
// outright, and the map must work on its plain background all the same.
const run = Date.now().toString(36);
const SERVICE = `Sportello lavoro ${run}`;
const NEED = `Trasporto per i tirocini ${run}`;

const refuseTiles = (context: BrowserContext) => context.route('https://tile.openstreetmap.org/**', (route) => route.abort());
const map = (page: Page) => page.getByRole('group', { name: /^Mappa delle voci/ });
const marker = (page: Page, name: string, category: string) => map(page).getByRole('button', { name: `${name}, ${category}` });
const panel = (page: Page) => page.getByRole('complementary', { name: 'Voce aperta' });

test.describe.configure({ mode: 'serial' });

let entries = '';
let giulia: Person;
let marco: Person;

test.beforeAll(async ({ browser }) => {
	giulia = await signIn(browser, DEMO_PEOPLE.giulia.email);
	marco = await signIn(browser, DEMO_PEOPLE.marco.email);
	await Promise.all([refuseTiles(giulia.context), refuseTiles(marco.context)]);
	entries = await newMap(giulia.page, `Mappa dal vivo ${run}`);
});
test.afterAll(async () => {
	await giulia.context.close();
	await marco.context.close();
});

test('two people add an entry each at the same time, one placed on the map and one by coordinates, and both see both', async () => {
	await Promise.all([openEntries(giulia.page, entries), openEntries(marco.page, entries)]);
	for (const page of [giulia.page, marco.page]) {
		await expect(map(page)).toBeVisible();
		await expect(page.getByText('Caricamento della mappa…')).toBeHidden();
	}

	// Giulia picks the position by clicking the map.
	await giulia.page.getByRole('button', { name: 'Aggiungi una voce' }).click();
	await expect(panel(giulia.page).getByRole('heading', { name: 'Nuova voce' })).toBeFocused();
	await panel(giulia.page).getByLabel('Nome').fill(SERVICE);
	await panel(giulia.page).getByLabel('Sistema').selectOption({ label: 'Lavoro' });
	await giulia.page.getByRole('checkbox', { name: 'Over 50' }).check();
	await giulia.page.getByRole('button', { name: 'Scegli sulla mappa' }).click();
	await expect(giulia.page.getByRole('status').filter({ hasText: 'Fai clic sulla mappa nel punto della voce' })).toBeVisible();
	const box = (await map(giulia.page).boundingBox())!;
	await map(giulia.page).click({ position: { x: box.width * 0.3, y: box.height * 0.7 } });
	await expect(giulia.page.getByRole('status').filter({ hasText: 'Fai clic sulla mappa' })).toHaveCount(0);
	await expect(panel(giulia.page).getByLabel('Latitudine')).toHaveValue(/^4[01]\.\d+$/);
	await expect(panel(giulia.page).getByLabel('Longitudine')).toHaveValue(/^1[34]\.\d+$/);
	await expect(panel(giulia.page).getByLabel('Latitudine')).toBeFocused();

	// Marco types the coordinates, the Italian way, and sees where they point.
	await marco.page.getByRole('button', { name: 'Aggiungi una voce' }).click();
	await panel(marco.page).getByLabel('Nome').fill(NEED);
	await panel(marco.page).getByLabel('Categoria').selectOption({ label: 'Bisogno' });
	await panel(marco.page).getByLabel('Latitudine').fill('41,6396');
	await panel(marco.page).getByLabel('Longitudine').fill('13,3422');
	await expect(marco.page.getByText('Posizione scritta nel modulo')).toBeVisible();

	await Promise.all([
		giulia.page.getByRole('button', { name: 'Aggiungi la voce' }).click(),
		marco.page.getByRole('button', { name: 'Aggiungi la voce' }).click()
	]);

	for (const page of [giulia.page, marco.page]) {
		await expect(marker(page, SERVICE, 'Servizio')).toBeVisible();
		await expect(marker(page, NEED, 'Bisogno')).toBeVisible();
		await expect(page.getByRole('status').filter({ hasText: '2 voci' })).toBeVisible();
	}
	await expect(panel(giulia.page).getByRole('heading', { name: SERVICE })).toBeVisible();
	await expect(panel(giulia.page).getByText('Voce aggiunta')).toBeVisible();
	await expect(panel(marco.page).getByText('41.6396, 13.3422')).toBeVisible();
	// The open entry's marker says so without colour.
	await expect(marker(giulia.page, SERVICE, 'Servizio')).toHaveAttribute('aria-pressed', 'true');
	await expectNoSeriousA11yViolations(giulia.page);

	// The table (another view of the same entries) shows both to both.
	for (const page of [giulia.page, marco.page]) {
		await openEntries(page, entries, '?view=table');
		const table = page.getByRole('region', { name: 'Tabella' });
		for (const name of [SERVICE, NEED]) {
			await expect(table.getByRole('button', { name }).or(table.getByRole('link', { name })).first()).toBeVisible();
		}
	}
});

test('a marker opens with the keyboard, Esc closes the panel and gives the focus back', async () => {
	const page = marco.page;
	await openEntries(page, entries);
	const need = marker(page, NEED, 'Bisogno');
	await need.focus();
	await page.keyboard.press('Enter');
	await expect(panel(page).getByRole('heading', { name: NEED })).toBeFocused();
	await expect(panel(page).getByText('Bisogno', { exact: true })).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(panel(page)).toHaveCount(0);
	await expect(need).toBeFocused();
});

test('an edit made by one person moves the marker for the other without moving their map', async () => {
	await Promise.all([openEntries(giulia.page, entries), openEntries(marco.page, entries)]);
	await marker(giulia.page, NEED, 'Bisogno').click();
	await expect(panel(giulia.page).getByText('41.6396, 13.3422')).toBeVisible();
	const view = () => giulia.page.locator('.leaflet-map-pane').getAttribute('style');
	const before = await view();

	await marker(marco.page, NEED, 'Bisogno').click();
	await panel(marco.page).getByRole('button', { name: 'Modifica la voce' }).click();
	await panel(marco.page).getByLabel('Latitudine').fill('41.65');
	// A position out of range is refused beside its box, and what was typed stays.
	await panel(marco.page).getByLabel('Longitudine').fill('213.3');
	await marco.page.getByRole('button', { name: 'Salva le modifiche' }).click();
	await expect(marco.page.getByText('la longitudine 213.3 è fuori intervallo')).toBeVisible();
	await expect(panel(marco.page).getByLabel('Longitudine')).toHaveAttribute('aria-invalid', 'true');
	await expect(panel(marco.page).getByLabel('Longitudine')).toBeFocused();
	await expect(panel(marco.page).getByLabel('Latitudine')).toHaveValue('41.65');
	await panel(marco.page).getByLabel('Longitudine').fill('13.35');
	await marco.page.getByRole('button', { name: 'Salva le modifiche' }).click();
	await expect(panel(marco.page).getByText('41.65, 13.35')).toBeVisible();

	// Giulia's open panel follows the change; her map stays where she left it.
	await expect(panel(giulia.page).getByText('41.65, 13.35')).toBeVisible();
	await expect(marker(giulia.page, NEED, 'Bisogno')).toBeVisible();
	expect(await view()).toBe(before);
});

test('an entry removed while someone edits it keeps what they typed, and they can add it again', async () => {
	await Promise.all([openEntries(giulia.page, entries), openEntries(marco.page, entries)]);
	await marker(giulia.page, NEED, 'Bisogno').click();
	await panel(giulia.page).getByRole('button', { name: 'Modifica la voce' }).click();
	await panel(giulia.page).getByLabel('Orari').fill('lun–ven 7–9');
	// Neither a stray Esc nor a click on another marker throws away what was typed.
	const unsaved = panel(giulia.page).getByRole('alert').filter({ hasText: 'Hai modifiche non salvate' });
	await giulia.page.keyboard.press('Escape');
	await expect(unsaved).toBeFocused();
	await panel(giulia.page).getByRole('button', { name: 'Continua a modificare' }).click();
	await marker(giulia.page, SERVICE, 'Servizio').click();
	await expect(unsaved).toBeVisible();
	await panel(giulia.page).getByRole('button', { name: 'Continua a modificare' }).click();
	await expect(unsaved).toHaveCount(0);
	await expect(panel(giulia.page).getByRole('heading', { name: NEED })).toBeVisible();

	await marker(marco.page, NEED, 'Bisogno').click();
	await panel(marco.page).getByText('Elimina la voce', { exact: true }).click();
	await panel(marco.page).getByRole('button', { name: 'Sì, elimina la voce' }).click();
	await expect(panel(marco.page)).toHaveCount(0);
	await expect(marker(marco.page, NEED, 'Bisogno')).toHaveCount(0);
	await expect(marco.page.getByRole('status').filter({ hasText: /^\s*1 voc/ })).toBeVisible();

	await expect(panel(giulia.page).getByRole('alert').filter({ hasText: 'Qualcuno ha eliminato questa voce mentre la modificavi' })).toBeVisible();
	await expect(marker(giulia.page, NEED, 'Bisogno')).toHaveCount(0);
	await expect(panel(giulia.page).getByLabel('Orari')).toHaveValue('lun–ven 7–9');
	await panel(giulia.page).getByRole('button', { name: 'Aggiungila di nuovo' }).click();
	await expect(panel(giulia.page).getByText('Voce aggiunta di nuovo')).toBeVisible();

	await expect(marker(marco.page, NEED, 'Bisogno')).toBeVisible();
	await marker(marco.page, NEED, 'Bisogno').click();
	await expect(panel(marco.page).getByText('lun–ven 7–9')).toBeVisible();
	await expect(panel(marco.page).getByText('41.65, 13.35')).toBeVisible();
});

test('a viewer sees the markers and the details, and no control to change them', async ({ browser }) => {
	const paolo = await signIn(browser, DEMO_PEOPLE.paolo.email);
	try {
		await refuseTiles(paolo.context);
		await openEntries(paolo.page, entries);
		await expect(paolo.page.getByText('Hai il ruolo di lettore')).toBeVisible();
		await expect(marker(paolo.page, SERVICE, 'Servizio')).toBeVisible();
		await expect(paolo.page.getByRole('button', { name: 'Aggiungi una voce' })).toHaveCount(0);
		await marker(paolo.page, SERVICE, 'Servizio').click();
		await expect(panel(paolo.page).getByRole('heading', { name: SERVICE })).toBeVisible();
		await expect(panel(paolo.page).getByText('Over 50')).toBeVisible();
		await expect(panel(paolo.page).getByRole('button', { name: 'Modifica la voce' })).toHaveCount(0);
		await expect(panel(paolo.page).getByText('Elimina la voce')).toHaveCount(0);
	} finally {
		await paolo.context.close();
	}
});

test('on a phone with no tiles the map still zooms and clusters, opens entries under it, and Esc stops placing', async ({ browser }) => {
	const phone = await signIn(browser, DEMO_PEOPLE.giulia.email, { width: 360, height: 780 });
	try {
		await refuseTiles(phone.context);
		const { page } = phone;
		await openEntries(page, entries);
		await expect(page.locator('.plain-tile').first()).toBeVisible();
		await expect(page.getByRole('alert')).toHaveCount(0);
		// Zooming out far enough gathers the two entries into one cluster, which Enter opens again.
		const cluster = map(page).getByRole('button', { name: '2 voci vicine: premi Invio per avvicinarti' });
		await expect(async () => {
			await page.getByRole('button', { name: 'Allontana' }).click();
			await expect(cluster).toBeVisible({ timeout: 1_000 });
		}).toPass();
		await expect(marker(page, SERVICE, 'Servizio')).toHaveCount(0);
		await cluster.focus();
		await page.keyboard.press('Enter');
		await expect(marker(page, SERVICE, 'Servizio')).toBeVisible();
		await marker(page, SERVICE, 'Servizio').click();
		const open = panel(page);
		await expect(open.getByRole('heading', { name: SERVICE })).toBeVisible();
		// Under the map, the full width of the screen.
		const [mapBox, panelBox] = [(await map(page).boundingBox())!, (await open.boundingBox())!];
		expect(panelBox.y).toBeGreaterThan(mapBox.y + mapBox.height);
		expect(panelBox.width).toBeGreaterThan(300);

		await open.getByRole('button', { name: 'Modifica la voce' }).click();
		await open.getByRole('button', { name: 'Scegli sulla mappa' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Fai clic sulla mappa' })).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(page.getByRole('status').filter({ hasText: 'Fai clic sulla mappa' })).toHaveCount(0);
		await expect(open.getByRole('button', { name: 'Scegli sulla mappa' })).toBeVisible();
		// Esc stopped the picking, not the editing: the form is still open.
		await expect(open.getByLabel('Nome')).toHaveValue(SERVICE);
		await expectNoSeriousA11yViolations(page);
	} finally {
		await phone.context.close();
	}
});

test('when the map cannot load, the page says so and the entries stay within reach', async () => {
	const page = await marco.context.newPage();
	try {
		// Refuse the scripts that draw the map (Leaflet's clusters and their caller), whatever the build named them.
		await page.route('**/_app/immutable/chunks/*.js', async (route) => {
			const response = await route.fetch();
			const body = await response.text();
			if (body.includes('MarkerClusterGroup')) await route.abort();
			else await route.fulfill({ response, body });
		});
		await openEntries(page, entries, '?q=Sportello');
		const alert = page.getByRole('alert').filter({ hasText: 'Non è stato possibile disegnare la mappa' });
		await expect(alert).toBeVisible();
		await expect(page.getByText('Caricamento della mappa…')).toHaveCount(0);
		await alert.getByRole('link', { name: 'Apri la tabella' }).click();
		await expect(page).toHaveURL(/[?&]q=Sportello/);
		const table = page.getByRole('region', { name: 'Tabella' });
		await expect(table.getByRole('button', { name: SERVICE }).or(table.getByRole('link', { name: SERVICE })).first()).toBeVisible();
	} finally {
		await page.close();
	}
});
