import { test, expect, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { DEMO_NETWORK, signIn, type Person } from './support/demo.ts';

// Two, three people in separate browser contexts, each signed in as a demo
// account of the seeded network: Giulia facilitates, Marco edits, Anna (the
// Comune) comments.
const run = Date.now().toString(36);

const text = (page: Page) => page.getByLabel(/^Testo del documento/);
const connected = (page: Page) => expect(page.getByRole('status').filter({ hasText: 'Connesso' })).toBeVisible();

/** Types at the very end of the document, as a person who clicks after the last line would. */
async function typeAtEnd(page: Page, words: string) {
	await text(page).click();
	await page.keyboard.press('Control+End');
	await page.keyboard.press('Enter');
	await page.keyboard.type(words);
}

test.describe.configure({ mode: 'serial' });

let documentUrl = '';
let giulia: Person;
let marco: Person;

test.beforeAll(async ({ browser }) => {
	giulia = await signIn(browser, 'giulia.rinaldi@trama.test');
	marco = await signIn(browser, 'marco.ferri@trama.test');
});
test.afterAll(async () => {
	await giulia.context.close();
	await marco.context.close();
});

test('a facilitator creates a co-design document that starts from its template', async () => {
	const { page } = giulia;
	await page.goto(`${DEMO_NETWORK}/documents`);
	await expectNoSeriousA11yViolations(page);
	await page.getByLabel('Titolo').fill(`Tirocini inclusivi ${run}`);
	await page.getByLabel('Tipo di documento').selectOption('co_design');
	await page.getByRole('button', { name: 'Crea il documento' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Tirocini inclusivi ${run}` })).toBeVisible();
	await connected(page);
	await expect(text(page).getByRole('heading', { name: 'Piano delle azioni' })).toHaveCount(1);
	documentUrl = page.url();
	await expectNoSeriousA11yViolations(page);
});

test('two partners co-write live and see each other’s text and caret', async () => {
	await marco.page.goto(documentUrl);
	await connected(marco.page);
	// Opening a new document twice never duplicates its template.
	await expect(text(marco.page).getByRole('heading', { name: 'Piano delle azioni' })).toHaveCount(1);
	await expect(giulia.page.getByRole('region', { name: /Nel documento/ }).getByText('Marco Ferri')).toBeVisible();

	await typeAtEnd(giulia.page, 'Giulia propone tre tirocini.');
	await expect(text(marco.page)).toContainText('Giulia propone tre tirocini.');
	await typeAtEnd(marco.page, 'Marco aggiunge il tutoraggio.');
	await expect(text(giulia.page)).toContainText('Marco aggiunge il tutoraggio.');

	// Each sees the other's caret, labelled with their name.
	await expect(giulia.page.locator('.collaboration-carets__label', { hasText: 'Marco Ferri' })).toBeVisible();
	await expect(marco.page.locator('.collaboration-carets__label', { hasText: 'Giulia Rinaldi' })).toBeVisible();
});

test('a commenter from the Comune sees changes live and cannot type', async ({ browser }) => {
	const anna = await signIn(browser, 'anna.colombo@trama.test');
	await anna.page.goto(documentUrl);
	await expect(anna.page.getByText('Hai il ruolo di commentatore')).toBeVisible();
	await connected(anna.page);
	await expect(text(anna.page)).toHaveAttribute('contenteditable', 'false');
	// No formatting: the one tool a commenter gets is "Commenta".
	await expect(anna.page.getByRole('toolbar').getByRole('button')).toHaveText(['Commenta']);

	await typeAtEnd(giulia.page, 'Il Comune mette a disposizione una sala.');
	await expect(text(anna.page)).toContainText('Il Comune mette a disposizione una sala.');

	const before = await text(anna.page).innerText();
	await text(anna.page).click();
	await anna.page.keyboard.type('Tentativo di scrittura');
	await expect(text(giulia.page)).not.toContainText('Tentativo di scrittura');
	expect(await text(anna.page).innerText()).toBe(before);
	await expectNoSeriousA11yViolations(anna.page);
	await anna.context.close();
});

test('edits made offline stay on the device and merge with the others’ when the connection returns', async () => {
	await marco.context.setOffline(true);
	await expect(marco.page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
	await typeAtEnd(marco.page, 'Scritto da Marco senza rete.');
	await typeAtEnd(giulia.page, 'Scritto da Giulia nel frattempo.');
	await expect(text(giulia.page)).not.toContainText('Scritto da Marco senza rete.');

	await marco.context.setOffline(false);
	await connected(marco.page);
	await expect(text(giulia.page)).toContainText('Scritto da Marco senza rete.');
	await expect(text(marco.page)).toContainText('Scritto da Giulia nel frattempo.');
});

test('a restored version shows for everyone in the document', async () => {
	const { page } = giulia;
	await page.goto(`${documentUrl}/versions`);
	await expectNoSeriousA11yViolations(page);
	await page.getByLabel('Nome della versione').fill('Prima della revisione');
	await page.getByRole('button', { name: 'Salva la versione' }).click();
	await expect(page.getByText('Versione «Prima della revisione» salvata.')).toBeVisible();

	await page.goto(documentUrl);
	await connected(page);
	await typeAtEnd(page, 'Paragrafo da togliere.');
	await expect(text(marco.page)).toContainText('Paragrafo da togliere.');

	await page.goto(`${documentUrl}/versions`);
	await page.getByRole('link', { name: 'Prima della revisione' }).click();
	await expect(page.getByRole('heading', { name: 'Cosa è cambiato da questa versione' })).toBeVisible();
	await expect(page.getByRole('insertion').filter({ hasText: 'Paragrafo da togliere.' }).first()).toBeVisible();
	await expectNoSeriousA11yViolations(page);
	await page.getByRole('button', { name: 'Ripristina questa versione' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Sì, ripristina' }).click();

	await expect(page).toHaveURL(documentUrl);
	await connected(page);
	await expect(text(page)).not.toContainText('Paragrafo da togliere.');
	await expect(text(marco.page)).not.toContainText('Paragrafo da togliere.');
	await expect(text(marco.page)).toContainText('Scritto da Marco senza rete.');
});
