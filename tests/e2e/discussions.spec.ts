import { test, expect, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { DEMO_NETWORK, DEMO_PEOPLE, signIn, type Person } from './support/demo.ts';

// Giulia (facilitator) and Marco (editor) discuss in two browsers at once:
// what one posts, pins or closes reaches the other's open page without a
// reload. Posts are few (one thread, one reply): the database limits each
// account to 12 a minute across the whole run.

const run = Date.now().toString(36);
const title = `Calendario degli incontri ${run}`;
const discussions = `${DEMO_NETWORK}/discussions`;
const MAPPING = 'Mappatura dei servizi per il lavoro – Ambito di Frosinone';

test.describe.configure({ mode: 'serial' });

let giulia: Person;
let marco: Person;
let threadUrl = '';

/** Marks the page so that a test can tell it was never reloaded. */
const markPage = (page: Page) => page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
const wasNotReloaded = async (page: Page) =>
	expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

const replyBox = (page: Page) => page.getByRole('combobox', { name: /La tua risposta/ });

test.beforeAll(async ({ browser }) => {
	giulia = await signIn(browser, DEMO_PEOPLE.giulia.email);
	marco = await signIn(browser, DEMO_PEOPLE.marco.email);
});
test.afterAll(async () => {
	await giulia?.context.close();
	await marco?.context.close();
});

test('Giulia starts a thread mentioning Marco, chosen with the keyboard; Marco sees it appear, marked new', async () => {
	await marco.page.goto(discussions);
	await markPage(marco.page);

	const { page } = giulia;
	await page.goto(discussions);
	await expectNoSeriousA11yViolations(page);
	await page.getByLabel('Titolo').fill(title);
	const body = page.getByRole('combobox', { name: /Messaggio/ });
	await body.focus();

	// Escape closes the list and leaves the text as typed.
	await page.keyboard.type('@An');
	await expect(body).toHaveAttribute('aria-expanded', 'true');
	await page.keyboard.press('Escape');
	await expect(body).toHaveAttribute('aria-expanded', 'false');
	await page.keyboard.press('Backspace');
	await page.keyboard.press('Backspace');
	await page.keyboard.press('Backspace');

	await page.keyboard.type('Ciao @marco f');
	await expect(body).toHaveAttribute('aria-expanded', 'true');
	const option = page.getByRole('option', { name: /Marco Ferri/ });
	await expect(option).toHaveAttribute('aria-selected', 'true');
	await expect(body).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
	await expectNoSeriousA11yViolations(page);
	await page.keyboard.press('Enter');
	await expect(body).toHaveAttribute('aria-expanded', 'false');
	await page.keyboard.type('propongo martedì alle 10.');
	await expect(body).toHaveValue('Ciao @Marco Ferri propongo martedì alle 10.');

	// The document, found by words of its title typed in any order, without accents, chosen with the keyboard.
	await page.keyboard.press('Tab');
	const picker = page.getByRole('combobox', { name: /Documento collegato/ });
	await expect(picker).toBeFocused();
	await page.keyboard.type('lavoro mappatura');
	const mapping = page.getByRole('option', { name: new RegExp(MAPPING) });
	await expect(mapping).toHaveAttribute('aria-selected', 'true');
	await expect(picker).toHaveAttribute('aria-expanded', 'true');
	await expect(picker).toHaveAttribute('aria-activedescendant', (await mapping.getAttribute('id'))!);
	await expect(page.getByRole('status').filter({ hasText: /documento trovato/ })).toBeAttached();
	await expectNoSeriousA11yViolations(page);
	await page.keyboard.press('Enter');
	await expect(picker).toHaveAttribute('aria-expanded', 'false');
	await expect(picker).toHaveValue(MAPPING);
	await expect(picker).toHaveAccessibleDescription(new RegExp(`Documento scelto: ${MAPPING}`));

	// Removed, and chosen again from the latest documents that Down lists.
	await page.getByRole('button', { name: 'Togli il documento' }).click();
	await expect(picker).toBeFocused();
	await expect(picker).toHaveValue('');
	await page.keyboard.press('ArrowDown');
	await expect(picker).toHaveAttribute('aria-expanded', 'true');
	await expect(page.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
	await page.keyboard.type('citta');
	await expect(page.getByRole('status').filter({ hasText: 'Nessun documento della rete ha queste parole nel titolo.' })).toBeAttached();
	await expect(picker).toHaveAttribute('aria-expanded', 'false');
	for (let i = 0; i < 'citta'.length; i++) await page.keyboard.press('Backspace');
	await page.keyboard.type('MAPPATURA');
	await expect(mapping).toHaveAttribute('aria-selected', 'true');
	await page.screenshot({ path: test.info().outputPath('document-picker-open-1280.png') });
	await page.setViewportSize({ width: 360, height: 740 });
	await mapping.scrollIntoViewIfNeeded();
	await page.screenshot({ path: test.info().outputPath('document-picker-open-360.png') });
	await page.setViewportSize({ width: 1280, height: 720 });
	await page.keyboard.press('Enter');
	await expect(picker).toHaveValue(MAPPING);

	await page.getByRole('button', { name: 'Avvia la discussione' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.locator('.mention', { hasText: '@Marco Ferri' })).toHaveAttribute('data-user', DEMO_PEOPLE.marco.id);
	await page.getByRole('link', { name: MAPPING }).click();
	await expect(page.getByRole('heading', { level: 1, name: MAPPING })).toBeVisible();
	await page.goBack();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	threadUrl = page.url();
	await expectNoSeriousA11yViolations(page);

	const row = marco.page.getByRole('listitem').filter({ has: marco.page.getByRole('link', { name: title }) });
	await expect(row).toBeVisible();
	await expect(row).toContainText('Nuova');
	await expect(row).toContainText('di Giulia Rinaldi');
	await wasNotReloaded(marco.page);
});

test('Marco replies and Giulia sees the reply arrive, announced', async () => {
	await markPage(giulia.page);
	await marco.page.getByRole('link', { name: title }).click();
	await expect(marco.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await replyBox(marco.page).fill('Va bene per la Cooperativa: porto la bozza del **piano**.');
	await marco.page.getByRole('button', { name: 'Invia la risposta' }).click();
	await expect(marco.page.getByText('Risposta pubblicata.')).toBeVisible();
	await expect(replyBox(marco.page)).toHaveValue('');

	const replies = giulia.page.getByRole('region', { name: /Risposte/ });
	await expect(replies.getByText('porto la bozza del piano')).toBeVisible();
	await expect(replies.locator('strong', { hasText: 'piano' })).toBeVisible();
	await expect(giulia.page.locator('[aria-live="polite"]', { hasText: 'Nuova risposta di Marco Ferri.' })).toBeAttached();
	await wasNotReloaded(giulia.page);
	await expectNoSeriousA11yViolations(giulia.page);
});

test('an over-long reply gets the limit message and keeps the text', async () => {
	const { page } = marco;
	const long = 'a'.repeat(20_001);
	await replyBox(page).fill(long);
	await expect(page.getByText('Hai superato il limite di 20.000 caratteri: togline 1.')).toBeVisible();
	await page.getByRole('button', { name: 'Invia la risposta' }).click();
	await expect(page.getByText(/al massimo 20\.000 caratteri/)).toBeVisible();
	await expect(replyBox(page)).toHaveAttribute('aria-invalid', 'true');
	await expect(replyBox(page)).toHaveValue(long);
	await replyBox(page).fill('');
});

test('Giulia pins and closes the thread; Marco sees it closed and cannot reply', async () => {
	await markPage(marco.page);
	const { page } = giulia;
	await page.getByRole('button', { name: 'Metti in evidenza' }).click();
	await expect(page.getByText('Discussione messa in evidenza')).toBeVisible();
	await expect(marco.page.locator('.thread-head').getByText('In evidenza')).toBeVisible();

	await page.getByRole('button', { name: 'Chiudi la discussione' }).click();
	await expect(page.getByRole('button', { name: 'Riapri la discussione' })).toBeVisible();

	await expect(marco.page.locator('.thread-head').getByText('Chiusa')).toBeVisible();
	await expect(marco.page.getByText(/Discussione chiusa da Giulia Rinaldi/)).toBeVisible();
	await expect(replyBox(marco.page)).toHaveCount(0);
	await wasNotReloaded(marco.page);
	await expectNoSeriousA11yViolations(marco.page);

	// In the list it is pinned and closed, in words.
	await marco.page.goto(`${discussions}?state=closed`);
	const row = marco.page.getByRole('listitem').filter({ has: marco.page.getByRole('link', { name: title }) });
	await expect(row).toContainText('In evidenza');
	await expect(row).toContainText('Chiusa');
});

test('without JavaScript, a title typed in the picker’s field offers the documents it may mean', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	try {
		await context.addCookies(await marco.context.cookies());
		const page = await context.newPage();
		await page.goto(discussions);
		const topic = `Tirocini da confrontare ${run}`;
		await page.getByLabel('Titolo').fill(topic);
		await page.getByLabel(/Messaggio/).fill('Mettiamo a confronto i percorsi.');
		await page.getByLabel(/Documento collegato/).fill('tirocinio percorsi');
		await page.getByRole('button', { name: 'Avvia la discussione' }).click();
		await expect(page.getByText(/Un documento corrisponde a ciò che hai scritto/)).toBeVisible();
		// Everything typed is still there.
		await expect(page.getByLabel('Titolo')).toHaveValue(topic);
		await expect(page.getByLabel(/Documento collegato/)).toHaveValue('tirocinio percorsi');
		const candidates = page.getByRole('group', { name: 'Quale documento vuoi collegare?' });
		await candidates.getByRole('radio', { name: /Co-progettazione: percorsi di tirocinio/ }).check();
		await page.getByRole('button', { name: 'Avvia la discussione' }).click();
		await expect(page.getByRole('heading', { level: 1, name: topic })).toBeVisible();
		await expect(page.getByRole('link', { name: /Co-progettazione: percorsi di tirocinio/ })).toBeVisible();
	} finally {
		await context.close();
	}
});

test('a viewer reads the thread and is told why they cannot write', async ({ browser }) => {
	const paolo = await signIn(browser, DEMO_PEOPLE.paolo.email);
	try {
		await paolo.page.goto(discussions);
		await expect(paolo.page.getByText(/Hai il ruolo di lettore/)).toBeVisible();
		await expect(paolo.page.getByRole('button', { name: 'Avvia la discussione' })).toHaveCount(0);
		await paolo.page.goto(threadUrl);
		await expect(paolo.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
		await expect(replyBox(paolo.page)).toHaveCount(0);
	} finally {
		await paolo.context.close();
	}
});
