import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { DEMO_NETWORK, DEMO_PEOPLE, signIn, type Person } from './support/demo.ts';
import { editorConnected } from './support/document-page.ts';

// A pact from its text to a register of adhesions: Giulia seals a new pact
// for adhesion (asked first, as every irreversible step is), Anna adheres for
// the Comune citing its delibera, Marco for his cooperative, the register
// says 2 of the network's partners, Anna withdraws with a reason, and the
// register downloads as CSV; the sealed version's PDF carries its
// fingerprint and the register. Every new page passes axe at desktop and phone widths.

const run = Date.now().toString(36);
const COMUNE = 'Comune di Frosinone – Servizi sociali';
const PONTE = 'Cooperativa sociale Il Ponte';
let giulia: Person;
let marco: Person;
let anna: Person;

test.beforeAll(async ({ browser }) => {
	giulia = await signIn(browser, DEMO_PEOPLE.giulia.email);
	marco = await signIn(browser, DEMO_PEOPLE.marco.email);
	anna = await signIn(browser, DEMO_PEOPLE.anna.email);
});
test.afterAll(async () => {
	for (const person of [giulia, marco, anna]) await person?.context.close();
});

/** Axe at 1280 and at 360 pixels wide, and screenshots for a person to look at. */
async function checkPage(page: Page, name: string) {
	for (const width of [1280, 360]) {
		await page.setViewportSize({ width, height: 800 });
		await expectNoSeriousA11yViolations(page);
	}
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.screenshot({ path: test.info().outputPath(`${name}-1280.png`), fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: test.info().outputPath(`${name}-390.png`), fullPage: true });
	await page.setViewportSize({ width: 1280, height: 800 });
}

const register = (page: Page) => page.getByRole('region', { name: 'Registro delle adesioni' });
const partnerCard = (page: Page, partner: string) =>
	register(page).getByRole('listitem').filter({ has: page.getByRole('heading', { name: partner }) });

test.describe.serial('sealing a pact and adhering to it', () => {
	let sealUrl = '';

	test('Giulia seals a new pact from its page, after a question, and the version has its fingerprint', async () => {
		const { page } = giulia;
		const title = `Patto da sigillare ${run}`;
		await page.goto(`${DEMO_NETWORK}/documents`);
		await page.getByLabel('Titolo').fill(title);
		await page.getByLabel('Tipo di documento').selectOption('community_pact');
		await page.getByRole('button', { name: 'Crea il documento' }).click();
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
		await editorConnected(page);

		await page.getByRole('button', { name: 'Sigilla per l’adesione' }).click();
		const question = page.getByRole('dialog', { name: `Sigillare «${title}» per l’adesione?` });
		await expect(question).toContainText('diventano la versione 1');
		await question.getByRole('button', { name: 'Sì, sigilla' }).click();
		await expect(page.getByRole('heading', { level: 1, name: `Versione 1 di «${title}»` })).toBeVisible();
		await expect(page.getByRole('status').filter({ hasText: /Versione 1 sigillata\. Impronta: [0-9a-f]{4} [0-9a-f]{4}/ })).toBeVisible();
		await expect(page.locator('code').filter({ hasText: /^[0-9a-f]{64}$/ })).toBeVisible();
		await expect(page.getByText(/(^|\s)0 di \d+ partner hanno aderito/).first()).toBeVisible();
		await checkPage(page, 'seal-new');
		const here = page.url().split('?')[0];

		await page.getByRole('link', { name: 'Tutte le versioni sigillate' }).click();
		await expect(page.getByRole('link', { name: 'Versione 1' })).toBeVisible();
		await checkPage(page, 'seals-list');
		await page.goto(here);
		sealUrl = page.url();
	});

	test('Anna adheres for the Comune citing a delibera; a form without a signer is refused and keeps what was typed', async () => {
		const { page } = anna;
		await page.goto(sealUrl);
		const form = page.getByRole('region', { name: `Aderisci per ${COMUNE}` });
		await form.getByLabel('Nome e cognome di chi firma').fill('');
		await form.getByLabel('Numero').fill('214/2026');
		await form.getByLabel('Tipo di atto').selectOption('delibera');
		await form.getByRole('button', { name: 'Registra l’adesione' }).click();
		await expect(form.getByText('Scrivi nome e cognome di chi firma (da 2 a 200 caratteri).')).toBeVisible();
		await expect(form.getByLabel('Numero')).toHaveValue('214/2026');

		await form.getByLabel('Nome e cognome di chi firma').fill('Anna Colombo');
		await form.getByLabel('Qualifica').selectOption('delegate');
		await form.getByLabel('Data dell’atto').fill('2026-11-28');
		await form.getByLabel('Riserve (facoltative)').fill('Subordinata al bilancio 2027.');
		await form.getByRole('button', { name: 'Registra l’adesione' }).click();
		await expect(page.getByRole('status').filter({ hasText: `Adesione di ${COMUNE} registrata.` })).toBeVisible();
		const card = partnerCard(page, COMUNE);
		await expect(card).toContainText('Ha aderito');
		await expect(card).toContainText('Delibera n. 214/2026');
		await expect(card).toContainText('Subordinata al bilancio 2027.');
		await checkPage(page, 'seal-adhered');
	});

	test('Marco adheres for his cooperative, and the register shows 2 of the partners', async () => {
		const { page } = marco;
		await page.goto(sealUrl);
		const form = page.getByRole('region', { name: `Aderisci per ${PONTE}` });
		await expect(form.getByLabel('Nome e cognome di chi firma')).toHaveValue('Marco Ferri');
		await form.getByRole('button', { name: 'Registra l’adesione' }).click();
		await expect(page.getByRole('status').filter({ hasText: `Adesione di ${PONTE} registrata.` })).toBeVisible();
		await expect(page.getByText(/(^|\s)2 di \d+ partner hanno aderito/).first()).toBeVisible();
		await expect(partnerCard(page, PONTE)).toContainText('legale rappresentante');
		await expect(partnerCard(page, "Centro per l'impiego di Frosinone")).toContainText('Non ha ancora aderito');
	});

	test('Anna withdraws the Comune’s adhesion with a reason, which stays on the register', async () => {
		const { page } = anna;
		await page.goto(sealUrl);
		await page.getByRole('button', { name: 'Ritira l’adesione' }).click();
		await expect(page.getByText('Scrivi il motivo del ritiro (al massimo 2000 caratteri).')).toBeVisible();
		await page.getByLabel('Motivo del ritiro').fill('La giunta ha chiesto di rivedere gli impegni.');
		await page.getByRole('button', { name: 'Ritira l’adesione' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Adesione ritirata' })).toBeVisible();
		const card = partnerCard(page, COMUNE);
		await expect(card).toContainText('Adesione ritirata');
		await expect(card).toContainText('La giunta ha chiesto di rivedere gli impegni.');
		await expect(page.getByText(/(^|\s)1 di \d+ partner hanno aderito/).first()).toBeVisible();
		// The Comune may adhere again: the form is back.
		await expect(page.getByRole('region', { name: `Aderisci per ${COMUNE}` })).toBeVisible();
	});

	test('Giulia downloads the register as CSV and reminds the pending partners', async () => {
		const { page } = giulia;
		await page.goto(sealUrl);
		const response = await page.request.get(`${sealUrl}/register.csv`);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toContain('text/csv');
		const csv = await response.text();
		const fingerprint = await page.locator('code').filter({ hasText: /^[0-9a-f]{64}$/ }).innerText();
		expect(csv).toContain('Versione,Impronta SHA-256,Partner,Ancora nella rete,Stato,Nome di chi ha aderito,Qualifica');
		expect(csv).toContain(`1,${fingerprint},${PONTE},sì,Ha aderito,Marco Ferri,legale rappresentante`);
		expect(csv).toMatch(new RegExp(`${COMUNE},sì,Adesione ritirata,Anna Colombo,.*La giunta ha chiesto di rivedere gli impegni\\.`));

		await page.getByRole('button', { name: 'Invia un promemoria ai partner che non hanno aderito' }).click();
		await expect(page.getByRole('status').filter({ hasText: /Promemoria inviato|Nessuno da avvisare/ })).toBeVisible();
		await checkPage(page, 'seal-register');
	});

	test('the sealed version’s PDF carries its fingerprint on every page, the signature page and the register', async () => {
		const { page } = giulia;
		await page.goto(sealUrl);
		const fingerprint = await page.locator('code').filter({ hasText: /^[0-9a-f]{64}$/ }).innerText();
		const download = page.waitForEvent('download');
		await page.getByRole('link', { name: 'Scarica la versione sigillata (PDF)' }).click();
		const pages = await pdfPages(await (await download).path());
		for (const text of pages) expect(text).toContain(fingerprint);
		const all = pages.join('\n');
		expect(all).toContain('Sottoscrizione dei partner');
		expect(all).toContain('Registro delle adesioni');
		expect(all).toContain('Marco Ferri');
		expect(all).toContain('Adesione ritirata');
		const docx = await page.request.get(`${sealUrl}/export.docx`);
		expect(docx.status()).toBe(200);
		expect(docx.headers()['content-type']).toContain('officedocument.wordprocessingml');
	});
});

/** The PDF's pages as poppler's pdftotext reads them (pages end with a form feed). */
async function pdfPages(file: string): Promise<string[]> {
	const { stdout } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', file, '-']);
	return stdout.split('\f').filter((text) => text.trim() !== '');
}
