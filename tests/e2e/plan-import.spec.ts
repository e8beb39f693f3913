import { readFile } from 'node:fs/promises';
import { test, expect, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { DEMO_NETWORK, DEMO_PEOPLE, signIn } from './support/demo.ts';

// Importing a plan from a CSV file into a co-design document of this run's
// own: the facilitator sees the bad row's line and reason, fixes the file,
// and imports it whole; an editor does it without JavaScript; a viewer is
// told the import is not theirs to make.

const run = Date.now().toString(36);
const HEADER = 'obiettivo;azione;capofila;partner;sistema;dal;al';
const GOOD = [
	`Più persone lavorano ${run};Tutoraggio dei tirocini;Cooperativa sociale Il Ponte;Comune di Frosinone – Servizi sociali;Lavoro;01/02/2027;31/12/2027`,
	`Più persone lavorano ${run};Sportello di orientamento;Centro per l'impiego di Frosinone;;Lavoro;01/03/2027;30/06/2027`
];
const BAD = `Più persone lavorano ${run};Laboratorio di falegnameria;Cooperativa Inesistente;;Sociale;01/04/2027;31/05/2027`;
const FIXED = `Più persone lavorano ${run};Laboratorio di falegnameria;Cooperativa sociale Il Ponte;;Sociale;01/04/2027;31/05/2027`;
const csv = (rows: string[]) => Buffer.from([HEADER, ...rows].join('\r\n'));

async function newCoDesign(page: Page, title: string): Promise<string> {
	await page.goto(`${DEMO_NETWORK}/documents`);
	await page.getByLabel('Titolo').fill(title);
	await page.getByLabel('Tipo di documento').selectOption('co_design');
	await page.getByRole('button', { name: 'Crea il documento' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	return new URL(page.url()).pathname;
}

const counts = (page: Page, label: string) => page.locator('dl div', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');

test('a facilitator sees the bad row of a plan file, fixes it and imports the plan', async ({ browser }) => {
	const { page, context } = await signIn(browser, DEMO_PEOPLE.giulia.email);
	try {
		const importPath = `${await newCoDesign(page, `Piano importato ${run}`)}/plan/import`;
		await page.goto(importPath);
		await expect(page.getByRole('heading', { level: 1, name: 'Importa il piano da un file CSV' })).toBeVisible();
		await expect(page.getByText('Azioni nel piano: 0. Obiettivi: 0.')).toBeVisible();
		await expectNoSeriousA11yViolations(page);

		const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Scarica il modello CSV' }).click()]);
		expect(template.suggestedFilename()).toBe('modello-piano.csv');
		expect(await readFile(await template.path(), 'utf8')).toMatch(/^\ufeffobiettivo_generale;obiettivo;azione;descrizione;capofila;partner;sistema;dal;al;/);

		await page.getByLabel('File CSV').setInputFiles({ name: 'piano.csv', mimeType: 'text/csv', buffer: csv([GOOD[0], BAD, GOOD[1]]) });
		await page.getByRole('button', { name: 'Leggi il file' }).click();
		await expect(page.getByRole('heading', { name: 'Cosa contiene «piano.csv»' })).toBeFocused();
		for (const [label, value] of [['Righe', '3'], ['Valide', '2'], ['Con problemi', '1'], ['Nuovi obiettivi', '1']]) {
			await expect(counts(page, label)).toHaveText(value);
		}
		await expect(page.getByRole('region', { name: 'Righe con problemi' }).getByRole('row')).toHaveText([
			/Riga\s*Colonna\s*Problema/,
			/^3\s*capofila\s*«Cooperativa Inesistente» non è un partner della rete$/
		]);
		await expect(page.getByRole('button', { name: 'Importa solo le righe valide (2)' })).toBeVisible();
		await expectNoSeriousA11yViolations(page);
		await page.setViewportSize({ width: 360, height: 740 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		await expectNoSeriousA11yViolations(page);
		await page.setViewportSize({ width: 1280, height: 800 });

		// The file fixed and read again: every row is good, and all of it goes in.
		await page.getByLabel('File CSV').setInputFiles({ name: 'piano.csv', mimeType: 'text/csv', buffer: csv([GOOD[0], FIXED, GOOD[1]]) });
		await page.getByRole('button', { name: 'Leggi il file' }).click();
		await expect(page.getByText('Tutte le righe sono valide.')).toBeVisible();
		await expect(counts(page, 'Valide')).toHaveText('3');
		await page.getByRole('button', { name: 'Importa tutte le righe (3)' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Azioni importate da «piano.csv»: 3. Obiettivi nuovi: 1.' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Cosa contiene «piano.csv»' })).toBeHidden();

		// The document's plan, as projected into SQL, now holds them.
		await expect(async () => {
			await page.reload();
			await expect(page.getByText('Azioni nel piano: 3. Obiettivi: 1.')).toBeVisible({ timeout: 1000 });
		}).toPass();
	} finally {
		await context.close();
	}
});

test('an editor imports a plan without JavaScript', async ({ browser }) => {
	const facilitator = await signIn(browser, DEMO_PEOPLE.giulia.email);
	const editor = await signIn(browser, DEMO_PEOPLE.marco.email, undefined, { javaScriptEnabled: false });
	try {
		const importPath = `${await newCoDesign(facilitator.page, `Piano senza script ${run}`)}/plan/import`;
		const { page } = editor;
		await page.goto(importPath);
		await page.getByLabel('File CSV').setInputFiles({ name: 'piano.csv', mimeType: 'text/csv', buffer: csv([BAD, GOOD[0]]) });
		await page.getByRole('button', { name: 'Leggi il file' }).click();
		await expect(page.getByRole('region', { name: 'Righe con problemi' })).toContainText('«Cooperativa Inesistente» non è un partner della rete');
		await page.getByRole('button', { name: 'Importa solo le righe valide (1)' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Azioni importate da «piano.csv»: 1. Obiettivi nuovi: 1.' })).toBeVisible();
	} finally {
		await facilitator.context.close();
		await editor.context.close();
	}
});

test('a viewer reads that importing a plan is not theirs to do', async ({ browser }) => {
	const { page, context } = await signIn(browser, DEMO_PEOPLE.paolo.email);
	try {
		await page.goto(`${DEMO_NETWORK}/documents/dd000000-0000-4000-8000-000000000003/plan/import`);
		await expect(page.getByText('Puoi leggere il piano ma non modificarlo')).toBeVisible();
		await expect(page.getByLabel('File CSV')).toHaveCount(0);
		await expectNoSeriousA11yViolations(page);
	} finally {
		await context.close();
	}
});
