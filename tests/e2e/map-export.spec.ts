import { readFile } from 'node:fs/promises';
import { test, expect, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { DEMO_NETWORK, DEMO_PASSWORD, DEMO_PEOPLE, signIn } from './support/demo.ts';
import { docxText, libreOfficeText, wordsCut } from './support/libreoffice.ts';
import { newMap, openEntries } from './support/map.ts';
import { entry, putMapEntries } from './support/map-entries.ts';
import { signUp } from './support/sign-up.ts';
import { PARTNERS } from '../fixtures/frosinone.ts';

// Exporting a map's entries as a person does: an editor's own map, filtered
// by a target group, downloaded as CSV and as GeoJSON from the entries page;
// the files hold exactly the entries the filter shows, in the words and
// columns a spreadsheet and a GIS expect. Someone outside the network gets
// nothing. And the demo map as a Word file, opened by LibreOffice as a public
// body without Word would, keeps every word of its entries table whole.

const run = Date.now().toString(36);
const ENTRIES = [
	entry({
		name: `Tirocini in manutenzione del verde ${run}`,
		category: 'opportunity',
		system: 'employment',
		targets: ['mental_health', 'addiction'],
		partnerId: PARTNERS.ilPonte.id,
		address: 'Via Casilina Nord 112, Frosinone',
		position: { lat: 41.65604, lng: 13.33366 },
		places: 6,
		tags: ['verde', 'tirocinio']
	}),
	// A name a spreadsheet would run as a formula, and no place on the map.
	entry({ name: `=Gruppo di auto mutuo aiuto ${run}`, category: 'meeting_place', targets: ['mental_health'], notes: 'Giovedì; ore 18' }),
	entry({ name: `Sportello per cittadini stranieri ${run}`, category: 'service', targets: ['migrants'], position: { lat: 41.634, lng: 13.332 } })
];
const [VERDE, GRUPPO, SPORTELLO] = ENTRIES;

test.describe.configure({ mode: 'serial' });

let entriesPath = '';

/** Clicks a download link and answers the file's name and text. */
async function download(page: Page, name: string): Promise<{ fileName: string; text: string }> {
	const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
	return { fileName: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

test('an editor exports the entries a target-group filter shows, as CSV for a spreadsheet', async ({ browser }) => {
	const { page, context } = await signIn(browser, DEMO_PEOPLE.marco.email);
	try {
		entriesPath = await newMap(page, `Mappa da esportare ${run}`);
		await putMapEntries(page, entriesPath, ENTRIES);
		await openEntries(page, entriesPath, '?target=mental_health');
		await expect(page.getByRole('status').filter({ hasText: 'Voci mostrate: 2 su 3' })).toBeVisible();
		const exports = page.getByRole('group', { name: 'Esporta le voci:' });
		await expect(exports).toContainText('solo quelle mostrate dai filtri');
		await expectNoSeriousA11yViolations(page);

		const { fileName, text } = await download(page, 'CSV (foglio di calcolo)');
		expect(fileName).toBe(`Mappa da esportare ${run}.csv`);
		expect(text.startsWith('\uFEFFid;nome;categoria;sistema;destinatari;partner;')).toBe(true);
		const rows = Papa.parse<Record<string, string>>(text.slice(1), { delimiter: ';', header: true, skipEmptyLines: true }).data;
		expect(rows.map((row) => row.id).sort()).toEqual([VERDE.id, GRUPPO.id].sort());
		expect(rows.find((row) => row.id === VERDE.id)).toMatchObject({
			nome: VERDE.name,
			categoria: 'Opportunità di lavoro o tirocinio',
			sistema: 'Lavoro',
			destinatari: 'Salute mentale|Dipendenze',
			partner: 'Cooperativa sociale Il Ponte',
			latitudine: '41,65604',
			longitudine: '13,33366',
			posti: '6',
			etichette: 'verde|tirocinio'
		});
		expect(rows.find((row) => row.id === GRUPPO.id)).toMatchObject({ nome: `'${GRUPPO.name}`, latitudine: '', note: 'Giovedì; ore 18' });
	} finally {
		await context.close();
	}
});

test('a commenter exports the same filtered entries as GeoJSON for a GIS, and a filter by words narrows them again', async ({ browser }) => {
	const { page, context } = await signIn(browser, DEMO_PEOPLE.anna.email);
	try {
		await openEntries(page, entriesPath, '?target=mental_health');
		const { fileName, text } = await download(page, 'GeoJSON (GIS)');
		expect(fileName).toBe(`Mappa da esportare ${run}.geojson`);
		const collection = JSON.parse(text) as { type: string; features: { id: string; geometry: unknown; properties: Record<string, unknown> }[] };
		expect(collection.type).toBe('FeatureCollection');
		const byId = new Map(collection.features.map((feature) => [feature.id, feature]));
		expect([...byId.keys()].sort()).toEqual([VERDE.id, GRUPPO.id].sort());
		expect(byId.get(VERDE.id)).toMatchObject({
			geometry: { type: 'Point', coordinates: [13.33366, 41.65604] },
			properties: { nome: VERDE.name, categoria: 'opportunity', destinatari: ['mental_health', 'addiction'], partner: PARTNERS.ilPonte.name, partner_id: PARTNERS.ilPonte.id }
		});
		expect(byId.get(GRUPPO.id)?.geometry).toBeNull();

		const narrowed = await page.request.get(`${entriesPath}/export.geojson?target=mental_health&q=${encodeURIComponent('verde tirocini')}`);
		expect(narrowed.status()).toBe(200);
		expect(((await narrowed.json()) as typeof collection).features.map((feature) => feature.id)).toEqual([VERDE.id]);
		const everything = await page.request.get(`${entriesPath}/export.csv`);
		expect((await everything.text()).split('\r\n').filter(Boolean)).toHaveLength(ENTRIES.length + 1);
		expect(await everything.text()).toContain(SPORTELLO.name);
	} finally {
		await context.close();
	}
});

test('a viewer without JavaScript sees the entries as last saved, filtered, and can download them', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	try {
		await page.goto('/login');
		await page.getByLabel('Email').fill(DEMO_PEOPLE.paolo.email);
		await page.getByLabel('Password').fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Accedi' }).click();
		await expect(page.getByRole('heading', { name: 'Le mie reti' })).toBeVisible();
		await page.goto(`${entriesPath}?target=migrants`);
		await expect(page.getByRole('status').filter({ hasText: 'Voci mostrate: 1 su 3' })).toBeVisible();
		await expect(page.getByRole('listitem').filter({ hasText: SPORTELLO.name })).toBeVisible();
		await expect(page.getByText(VERDE.name)).toHaveCount(0);
		const csv = page.getByRole('link', { name: 'CSV (foglio di calcolo)' });
		expect(await csv.getAttribute('href')).toBe(`${entriesPath}/export.csv?target=migrants`);
	} finally {
		await context.close();
	}
});

test('someone outside the network gets none of the entries', async ({ browser }) => {
	const stranger = await browser.newContext();
	try {
		const anonymous = await stranger.request.get(`${entriesPath}/export.csv`, { maxRedirects: 0 });
		expect(anonymous.status()).toBe(303);
		const page = await stranger.newPage();
		await page.goto('/signup', { waitUntil: 'networkidle' });
		await signUp(page, { name: 'Ester Esterna', organisation: 'Altra rete', email: `ester.export.${run}@trama.test` });
		await expect(page.getByRole('heading', { name: 'Le mie reti' })).toBeVisible();
		for (const format of ['csv', 'geojson']) {
			const refused = await page.request.get(`${entriesPath}/export.${format}`);
			expect(refused.status()).toBe(403);
			expect(await refused.text()).not.toContain(VERDE.name);
		}
	} finally {
		await stranger.close();
	}
});

test('the Comune downloads the demo map as DOCX and LibreOffice lays out its nine-column entries table with no word cut in two', async ({
	browser
}) => {
	// One LibreOffice conversion: a few seconds alone, several times that on a busy machine.
	test.setTimeout(180_000);
	const { page, context } = await signIn(browser, DEMO_PEOPLE.anna.email);
	try {
		await page.goto(`${DEMO_NETWORK}/documents/dd000000-0000-4000-8000-000000000002`);
		const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Esporta DOCX' }).click()]);
		expect(file.suggestedFilename()).toBe('Mappatura dei servizi per il lavoro – Ambito di Frosinone.docx');
		const docx = await readFile((await file.path())!);
		const written = docxText(docx);
		// The entries table is in the file: its header and the labels of its categories and systems.
		for (const words of ['Nome', 'Categoria', 'Destinatari', 'Indirizzo', 'Contatti', 'Luogo di incontro', 'Opportunità di lavoro o tirocinio', 'Formazione']) {
			expect(written).toContain(words);
		}

		const { text, pages, seconds } = await libreOfficeText(docx);
		test.info().annotations.push({ type: 'LibreOffice', description: `DOCX to PDF in ${seconds.toFixed(1)} s, ${pages.length} pages` });
		// Every word of the file, as often as it is written, whole on some line of the PDF.
		expect(wordsCut(written, text)).toEqual([]);
	} finally {
		await context.close();
	}
});
