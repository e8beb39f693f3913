import { readFile } from 'node:fs/promises';
import { test, expect, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { DEMO_PEOPLE, signIn } from './support/demo.ts';
import { newMap, openEntries } from './support/map.ts';
import { entry, putMapEntries } from './support/map-entries.ts';
import { windows1252 } from '../unit/map/import-samples.ts';

// Importing entries into a map of this run's own: an editor sees every bad
// row of a file before anything is saved, imports only the good ones, then
// cancels a second import and nothing changes; a viewer can export but not import.

const run = Date.now().toString(36);
let entriesPath = '';

/** Saved by Excel on Windows: ; between cells, Windows-1252, decimal commas. Rows 3 and 4 are bad. */
const CSV = windows1252(
	[
		'nome;categoria;sistema;destinatari;partner;latitudine;longitudine',
		`Laboratorio di falegnameria ${run};Opportunità di lavoro o tirocinio;Lavoro;Giovani NEET;Cooperativa sociale Il Ponte;41,6397;13,5725`,
		'Casa famiglia;servizio;sociale;Migranti;;141,6;13,3',
		'Orto sociale;orto;sociale;;Cooperativa Inesistente;;',
		`Centro diurno «Città aperta» ${run};servizio;sanitario;Salute mentale;ASL Frosinone – Dipartimento di Salute Mentale;41,64;13,35`
	].join('\r\n')
);

const GEOJSON = Buffer.from(
	JSON.stringify({
		type: 'FeatureCollection',
		features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [13.35, 41.64] }, properties: { nome: `Emporio solidale ${run}`, categoria: 'risorsa', sistema: 'sociale' } }]
	})
);

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Importa voci da un file' });
const count = (page: Page) => page.getByRole('status').filter({ hasText: /^\d+ voci$/ });

test.describe.configure({ mode: 'serial' });

test('an editor sees each bad row of a file, imports only the good ones, then cancels a second import', async ({ browser }) => {
	const { page, context } = await signIn(browser, DEMO_PEOPLE.marco.email);
	try {
		entriesPath = await newMap(page, `Mappa importata ${run}`);
		await openEntries(page, entriesPath, '?view=table');
		await expect(count(page)).toHaveText('0 voci');

		await page.getByRole('button', { name: 'Importa da CSV o GeoJSON' }).click();
		await expect(dialog(page)).toBeVisible();
		await expectNoSeriousA11yViolations(page);
		const [template] = await Promise.all([page.waitForEvent('download'), dialog(page).getByRole('link', { name: 'Scarica il modello CSV' }).click()]);
		expect(template.suggestedFilename()).toBe('modello-mappa.csv');
		expect(await readFile(await template.path(), 'utf8')).toMatch(/^\ufeffnome;categoria;sistema;destinatari;partner;indirizzo;latitudine;longitudine;/);
		await dialog(page).getByLabel('File CSV o GeoJSON').setInputFiles({ name: 'mappa.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });

		await expect(dialog(page).getByRole('heading', { name: 'Cosa contiene «mappa.csv»' })).toBeFocused();
		const counts = dialog(page).locator('dl');
		for (const [label, value] of [['Righe', '4'], ['Valide', '2'], ['Con problemi', '2'], ['Nuove voci', '2']]) {
			await expect(counts.locator('div', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd')).toHaveText(value);
		}
		await expect(dialog(page)).toContainText('è stato letto come Windows-1252');
		await expect(dialog(page)).toContainText('Separatore delle colonne rilevato: «;».');
		const problems = dialog(page).getByRole('region', { name: /^Problemi da 1 a 3 su 3$/ }).getByRole('row');
		await expect(problems).toHaveText([
			/Riga\s*Campo\s*Problema/,
			/^3\s*latitudine\s*la latitudine 141.6 è fuori intervallo: deve stare tra -90 e 90$/,
			/^4\s*partner\s*«Cooperativa Inesistente» non è un partner della rete$/,
			/^4\s*categoria\s*«orto» non è una categoria/
		]);
		await expectNoSeriousA11yViolations(page);

		await dialog(page).getByRole('button', { name: 'Importa le 2 righe valide' }).click();
		await expect(dialog(page)).toBeHidden();
		await expect(page.getByRole('status').filter({ hasText: 'Importate 2 voci da «mappa.csv»: 2 nuove, 0 aggiornate.' })).toBeVisible();
		await expect(count(page)).toHaveText('2 voci');
		const view = page.getByRole('region', { name: 'Tabella' });
		await expect(view).toContainText(`Laboratorio di falegnameria ${run}`);
		await expect(view).toContainText(`Centro diurno «Città aperta» ${run}`);
		await expect(view).not.toContainText('Casa famiglia');

		// On a phone, a second file is read and then given up: nothing changes.
		await page.setViewportSize({ width: 360, height: 740 });
		await page.getByRole('button', { name: 'Importa da CSV o GeoJSON' }).click();
		await dialog(page).getByLabel('File CSV o GeoJSON').setInputFiles({ name: 'emporio.geojson', mimeType: 'application/geo+json', buffer: GEOJSON });
		await expect(dialog(page).getByRole('button', { name: 'Importa l’unica riga valida' })).toBeVisible();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		await dialog(page).getByRole('button', { name: 'Annulla' }).click();
		await expect(dialog(page)).toBeHidden();
		await expect(page.getByRole('button', { name: 'Importa da CSV o GeoJSON' })).toBeFocused();

		// What the map holds after a reload is what the server kept.
		await openEntries(page, entriesPath, '?view=table');
		await expect(count(page)).toHaveText('2 voci');
		await expect(page.getByRole('region', { name: 'Tabella' })).not.toContainText(`Emporio solidale ${run}`);
	} finally {
		await context.close();
	}
});

test('a file the import cannot read gets a precise message and saves nothing', async ({ browser }) => {
	const { page, context } = await signIn(browser, DEMO_PEOPLE.giulia.email);
	try {
		await openEntries(page, entriesPath);
		await page.getByRole('button', { name: 'Importa da CSV o GeoJSON' }).click();
		const tooMany = `nome;categoria;sistema\r\n${'Sportello;servizio;sociale\r\n'.repeat(50_000)}`;
		await dialog(page).getByLabel('File CSV o GeoJSON').setInputFiles({ name: 'elenco.csv', mimeType: 'text/csv', buffer: Buffer.from(tooMany) });
		await expect(dialog(page).getByRole('alert')).toHaveText(
			'Il file ha 50.000 righe: se ne possono importare al massimo 10.000 alla volta. Dividilo in più file.'
		);
		await dialog(page).getByLabel('Separatore delle colonne (CSV)').selectOption({ label: 'Virgola ( , )' });
		await dialog(page).getByLabel('File CSV o GeoJSON').setInputFiles({ name: 'mappa.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
		const refusal = dialog(page).getByRole('alert');
		await expect(refusal).toContainText('La prima riga non contiene le colonne attese con il separatore scelto (trovato «nome;categoria;sistema;');
		await expect(refusal).toContainText('il separatore è forse «;»?');
		await page.keyboard.press('Escape');
		await expect(dialog(page)).toBeHidden();
		await expect(count(page)).toHaveText('2 voci');
	} finally {
		await context.close();
	}
});

test('a row with the id of an entry already in the map updates that entry', async ({ browser }) => {
	const { page, context } = await signIn(browser, DEMO_PEOPLE.giulia.email);
	try {
		await openEntries(page, entriesPath, '?view=table');
		const existing = entry({ name: `Sportello da aggiornare ${run}`, category: 'service', system: 'employment' });
		await putMapEntries(page, entriesPath, [existing]);
		await expect(count(page)).toHaveText('3 voci');

		await page.getByRole('button', { name: 'Importa da CSV o GeoJSON' }).click();
		const file = `id,nome,categoria,sistema,orari\n${existing.id},Sportello aggiornato ${run},Servizio,Lavoro,"lun, mer 9-13"\n`;
		await dialog(page).getByLabel('File CSV o GeoJSON').setInputFiles({ name: 'aggiornamento.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
		const counts = dialog(page).locator('dl');
		await expect(counts.locator('div', { has: page.locator('dt', { hasText: /^Aggiornano voci esistenti$/ }) }).locator('dd')).toHaveText('1');
		await expect(counts.locator('div', { has: page.locator('dt', { hasText: /^Nuove voci$/ }) }).locator('dd')).toHaveText('0');
		await dialog(page).getByRole('button', { name: 'Importa l’unica riga valida' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Aggiornata una voce da «aggiornamento.csv».' })).toBeVisible();
		await expect(count(page)).toHaveText('3 voci');
		const view = page.getByRole('region', { name: 'Tabella' });
		await expect(view).toContainText(`Sportello aggiornato ${run}`);
		await expect(view).not.toContainText(`Sportello da aggiornare ${run}`);
	} finally {
		await context.close();
	}
});

test('a viewer can export the filtered entries but has no import', async ({ browser }) => {
	const { page, context } = await signIn(browser, DEMO_PEOPLE.paolo.email);
	try {
		await openEntries(page, entriesPath, '?target=neet');
		await expect(page.getByRole('link', { name: 'CSV (foglio di calcolo)' })).toHaveAttribute('href', `${entriesPath}/export.csv?target=neet`);
		await expect(page.getByRole('link', { name: 'GeoJSON (GIS)' })).toHaveAttribute('href', `${entriesPath}/export.geojson?target=neet`);
		await expect(page.getByRole('button', { name: 'Importa da CSV o GeoJSON' })).toHaveCount(0);
	} finally {
		await context.close();
	}
});
