import { expect, test, type Page } from '@playwright/test';
import { DEMO_NETWORK, DEMO_PASSWORD, DEMO_PEOPLE } from './support/demo';
import { documentText, editorConnected } from './support/document-page';
import { expectNoSeriousA11yViolations } from './support/axe';

// The browser's copy of a document belongs to its person (issue 15): public
// offices share computers. Signing out says what typed offline would be
// lost and removes the person's copies; whoever signs in next on the same
// browser never loads them, so never sends them under their own name.

const CO_DESIGN = `${DEMO_NETWORK}/documents/dd000000-0000-4000-8000-000000000003`;

async function signInHere(page: Page, email: string) {
	await page.goto('/login', { waitUntil: 'networkidle' });
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Accedi' }).click();
	await expect(page.getByRole('heading', { name: 'Le mie reti' })).toBeVisible();
}

const copiesOf = (page: Page, userId: string) =>
	page.evaluate(async (prefix) => (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.startsWith(prefix)), `trama:${userId}:`);

test('signing out with an edit made offline says it would be lost, and the next person on this browser sends nothing of it', async ({
	browser
}) => {
	const context = await browser.newContext();
	const marco = await context.newPage();
	await signInHere(marco, DEMO_PEOPLE.marco.email);
	await marco.goto(CO_DESIGN);
	await editorConnected(marco);

	// Written without a connection, and the page closed before it came back.
	const draft = `Bozza di Marco mai inviata ${Date.now()}`;
	await context.setOffline(true);
	await expect(marco.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
	await documentText(marco).click();
	await marco.keyboard.press('Control+End');
	await marco.keyboard.press('Enter');
	await marco.keyboard.type(draft);
	await expect(marco.getByText(/le modifiche sono salvate su questo dispositivo/)).toBeVisible();
	await marco.close();
	await context.setOffline(false);

	const page = await context.newPage();
	await page.goto(DEMO_NETWORK);
	expect(await copiesOf(page, DEMO_PEOPLE.marco.id)).toHaveLength(1);
	await page.getByRole('button', { name: 'Esci' }).click();
	const warning = page.getByRole('dialog', { name: 'Modifiche non ancora inviate' });
	await expect(warning).toBeVisible();
	await expect(warning).toContainText('In un documento hai scritto senza connessione');
	await expect(warning.getByRole('link', { name: /^Co-progettazione: percorsi di tirocinio/ })).toHaveAttribute('href', CO_DESIGN);
	await expectNoSeriousA11yViolations(page);
	await page.screenshot({ path: test.info().outputPath('sign-out-warning.png') });

	// Staying keeps everything; leaving removes the copy with the draft.
	await warning.getByRole('button', { name: 'Resta connesso' }).click();
	await expect(warning).toBeHidden();
	expect(await copiesOf(page, DEMO_PEOPLE.marco.id)).toHaveLength(1);
	await page.getByRole('button', { name: 'Esci' }).click();
	await warning.getByRole('button', { name: 'Esci e perdi le modifiche' }).click();
	await expect(page).toHaveURL(/\/login$/);
	expect(await copiesOf(page, DEMO_PEOPLE.marco.id)).toEqual([]);

	// Giulia on the same browser: her copy is her own, and the server never gets Marco's draft.
	await signInHere(page, DEMO_PEOPLE.giulia.email);
	await page.goto(CO_DESIGN);
	await editorConnected(page);
	await expect(documentText(page)).not.toContainText(draft);
	const exported = await page.request.get(`${CO_DESIGN}/export.md`);
	expect(await exported.text()).not.toContain(draft);
	expect(await copiesOf(page, DEMO_PEOPLE.giulia.id)).toHaveLength(1);
	await context.close();
});

test('signing out with everything sent asks nothing and leaves no copy behind', async ({ browser }) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signInHere(page, DEMO_PEOPLE.marco.email);
	await page.goto(CO_DESIGN);
	await editorConnected(page);
	expect(await copiesOf(page, DEMO_PEOPLE.marco.id)).toHaveLength(1);
	await page.getByRole('button', { name: 'Esci' }).click();
	await expect(page).toHaveURL(/\/login$/);
	expect(await copiesOf(page, DEMO_PEOPLE.marco.id)).toEqual([]);
	await context.close();
});
