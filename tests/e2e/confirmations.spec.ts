import { test, expect, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { DEMO_NETWORK, DEMO_PEOPLE, signIn, type Person } from './support/demo.ts';
import { signUp } from './support/sign-up.ts';
import { commentPanel, createFreeDocument, documentText, editorConnected, selectWithMouse } from './support/document-page.ts';
import { pdf } from '../unit/files/samples.ts';

// Nothing destructive happens in one click: removing a partner or a member,
// leaving the network, restoring a version and deleting a discussion or a
// document each ask first and say what
// will follow, with JavaScript (a modal dialog) and without (a panel in the
// page); cancelling does nothing, confirming does it, and a POST without
// the confirmation field does nothing either.

const run = Date.now().toString(36);
const PARTNERS = `${DEMO_NETWORK}/partners`;
const MEMBERS = `${DEMO_NETWORK}/members`;
const FILES = `${DEMO_NETWORK}/files`;
const BIN = `${FILES}/bin`;

test.describe.configure({ mode: 'serial' });

let giulia: Person;
let marco: Person;
test.beforeAll(async ({ browser }) => {
	giulia = await signIn(browser, DEMO_PEOPLE.giulia.email);
	marco = await signIn(browser, DEMO_PEOPLE.marco.email);
});
test.afterAll(async () => {
	await giulia.context.close();
	await marco.context.close();
});

/** The same person in a browser that runs no JavaScript. */
async function withoutJavaScript(browser: Browser, person: Person): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: false });
	await context.addCookies(await person.context.cookies());
	return context.newPage();
}

/** A form action sent by hand, as a script would, with these fields only. */
async function post(page: Page, action: string, form: Record<string, string>) {
	const response = await page.request.post(action, {
		form,
		headers: { origin: new URL(page.url()).origin, 'x-sveltekit-action': 'true' }
	});
	return response.json();
}

const question = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });

async function addPartner(page: Page, name: string) {
	await page.goto(PARTNERS);
	await page.getByLabel('Nome dell’organizzazione').fill(name);
	await page.getByLabel('Tipo').selectOption('association');
	await page.getByRole('checkbox', { name: 'Sociale' }).check();
	await page.getByRole('button', { name: 'Aggiungi partner' }).click();
	await expect(page.getByText(`Partner «${name}» aggiunto.`)).toBeVisible();
}

/** Someone new invited by Giulia, signed up from the link and in the network as an editor. */
async function newMember(browser: Browser, who: string): Promise<Person & { name: string }> {
	const name = `${who} ${run}`;
	const email = `${who.toLowerCase()}.${run}@prova.test`;
	await giulia.page.goto(MEMBERS);
	await giulia.page.getByLabel('Email della persona').fill(email);
	await giulia.page.getByLabel('Ruolo', { exact: true }).selectOption('editor');
	await giulia.page.getByRole('button', { name: 'Crea invito' }).click();
	const link = await giulia.page.getByLabel('Link di invito', { exact: true }).inputValue();
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(link);
	await page.getByRole('link', { name: 'Registrati per accettare' }).click();
	await signUp(page, { name, organisation: 'Associazione di prova' });
	await page.getByRole('button', { name: 'Accetta l’invito' }).click();
	await expect(page).toHaveURL(new RegExp(DEMO_NETWORK));
	return { context, page, name };
}

test('removing a partner asks first in a dialog that says what follows; Escape and Annulla keep it, Sì removes it', async ({}, testInfo) => {
	const { page } = giulia;
	const name = `Cooperativa Prova ${run}`;
	await addPartner(page, name);
	// An invitation on its behalf, which the removal keeps without the partner.
	await page.goto(MEMBERS);
	await page.getByLabel('Email della persona').fill(`per.partner.${run}@prova.test`);
	await page.getByLabel('Partner per cui parla (facoltativo)', { exact: true }).selectOption({ label: name });
	await page.getByRole('button', { name: 'Crea invito' }).click();
	await expect(page.getByLabel('Link di invito', { exact: true })).toBeVisible();

	await page.goto(PARTNERS, { waitUntil: 'networkidle' });
	const remove = page.getByRole('button', { name: `Rimuovi il partner ${name}` });
	const dialog = question(page, `Rimuovere il partner «${name}» dalla rete?`);
	await remove.click();
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText('Un invito in attesa è a nome di questo partner: resta valido, senza partner.');
	await expect(dialog).toContainText('Non si può annullare');
	await expect(dialog.getByRole('heading')).toBeFocused();
	await expectNoSeriousA11yViolations(page);
	await page.screenshot({ path: testInfo.outputPath('partner-dialog-1280.png') });
	await page.setViewportSize({ width: 390, height: 844 });
	await expectNoSeriousA11yViolations(page);
	await page.screenshot({ path: testInfo.outputPath('partner-dialog-390.png') });
	await page.setViewportSize({ width: 1280, height: 720 });

	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(remove).toBeFocused();

	await remove.click();
	await dialog.getByRole('link', { name: 'Annulla' }).click();
	await expect(dialog).toBeHidden();
	await expect(remove).toBeFocused();
	await page.reload();
	await expect(remove).toBeVisible();

	await remove.click();
	await dialog.getByRole('button', { name: 'Sì, rimuovi il partner' }).click();
	await expect(page.getByText('Partner rimosso.')).toBeVisible();
	await expect(dialog).toBeHidden();
	await expect(remove).toHaveCount(0);
});

test('without JavaScript, removing a partner shows the question in the page; Annulla keeps it, a POST without confirmation does nothing, Sì removes it', async ({
	browser
}, testInfo) => {
	const page = await withoutJavaScript(browser, giulia);
	const name = `Associazione Senza Script ${run}`;
	await addPartner(page, name);
	const remove = page.getByRole('button', { name: `Rimuovi il partner ${name}` });
	const id = await page.locator('form', { has: remove }).locator('input[name="id"]').inputValue();
	const dialog = question(page, `Rimuovere il partner «${name}» dalla rete?`);

	await remove.click();
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText('Non si può annullare');
	await page.screenshot({ path: testInfo.outputPath('partner-panel-nojs.png'), fullPage: true });
	await dialog.getByRole('link', { name: 'Annulla' }).click();
	await expect(page).toHaveURL(PARTNERS);
	await expect(dialog).toHaveCount(0);
	await expect(remove).toBeVisible();

	expect(await post(page, `${PARTNERS}?/remove`, { id })).toMatchObject({ type: 'failure', status: 428 });
	expect(await post(page, `${PARTNERS}?/remove`, { id, confirm: 'yes' })).toMatchObject({ type: 'failure', status: 428 });
	await page.reload();
	await expect(remove).toBeVisible();

	await remove.click();
	await dialog.getByRole('button', { name: 'Sì, rimuovi il partner' }).click();
	await expect(page.getByText('Partner rimosso.')).toBeVisible();
	await expect(remove).toHaveCount(0);
	await page.context().close();
});

test('leaving the network asks first and says a new invitation is needed to come back; Escape keeps the member, Sì lets them go', async ({
	browser
}) => {
	const member = await newMember(browser, 'Lucia');
	const { page } = member;
	await page.goto(MEMBERS, { waitUntil: 'networkidle' });
	const leave = page.getByRole('button', { name: 'Lascia la rete', exact: true });
	const dialog = question(page, /^Lasciare la rete «/);
	await leave.click();
	await expect(dialog).toContainText('Per tornare ti servirà un nuovo invito da chi facilita la rete.');
	await expect(dialog).toContainText('restano, firmati con il tuo nome');
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(leave).toBeFocused();
	await page.reload();
	await expect(leave).toBeVisible();

	await leave.click();
	await dialog.getByRole('button', { name: 'Sì, lascia la rete' }).click();
	await expect(page).toHaveURL(/\/$/);
	expect((await page.goto(DEMO_NETWORK))?.status()).toBe(403);
	await member.context.close();
});

test('without JavaScript, removing a member says what they lose and keep; Annulla and a POST without confirmation keep them, Sì removes them', async ({
	browser
}) => {
	const member = await newMember(browser, 'Sergio');
	const page = await withoutJavaScript(browser, giulia);
	await page.goto(MEMBERS);
	const remove = page.getByRole('button', { name: `Rimuovi ${member.name} dalla rete` });
	const userId = await page.locator('form', { has: remove }).locator('input[name="userId"]').inputValue();
	const dialog = question(page, `Rimuovere ${member.name} dalla rete?`);

	await remove.click();
	await expect(dialog).toContainText(`${member.name} perde subito l’accesso alla rete`);
	await expect(dialog).toContainText('I suoi commenti, i suoi messaggi e ciò che ha scritto restano, firmati con il suo nome.');
	await dialog.getByRole('link', { name: 'Annulla' }).click();
	await expect(dialog).toHaveCount(0);
	expect(await post(page, `${MEMBERS}?/remove`, { userId })).toMatchObject({ type: 'failure', status: 428 });
	await page.reload();
	await expect(remove).toBeVisible();

	await remove.click();
	await dialog.getByRole('button', { name: 'Sì, rimuovi' }).click();
	await expect(page.getByText('Persona rimossa dalla rete.')).toBeVisible();
	await expect(remove).toHaveCount(0);
	expect((await member.page.goto(DEMO_NETWORK))?.status()).toBe(403);
	await page.context().close();
	await member.context.close();
});

test('the only facilitator is told why they cannot leave, and offered no button to do it', async () => {
	const { page } = giulia;
	await page.goto(MEMBERS, { waitUntil: 'networkidle' });
	await page.getByRole('button', { name: `Rimuovi ${DEMO_PEOPLE.giulia.name} dalla rete` }).click();
	const dialog = question(page, /^Lasciare la rete «/);
	await expect(dialog).toContainText('Sei l’unica persona che facilita questa rete');
	await expect(dialog.getByRole('button')).toHaveCount(0);
	await dialog.getByRole('link', { name: 'Annulla' }).click();
	await expect(dialog).toBeHidden();
	// Confirmed by hand anyway: the database keeps its facilitator.
	const answer = await post(page, `${MEMBERS}?/remove`, { userId: DEMO_PEOPLE.giulia.id, confirm: '1' });
	expect(answer).toMatchObject({ type: 'failure', status: 400 });
	await page.reload();
	await expect(page.getByText('Il tuo ruolo: Facilitatore')).toBeVisible();
});

/**
 * Marco's document with a version saved, then a sentence typed after it and
 * commented on: restoring that version takes the comment off its text.
 */
async function documentWithCommentSinceVersion(title: string, sentence: string) {
	const { page } = marco;
	const live = page.waitForResponse((response) => new URL(response.url()).pathname === '/live');
	await page.goto(`${DEMO_NETWORK}/documents`);
	await live;
	await page.getByLabel('Titolo').fill(title);
	await page.getByLabel('Tipo di documento').selectOption('co_design');
	await page.getByRole('button', { name: 'Crea il documento' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const documentUrl = new URL(page.url()).pathname;

	await page.goto(`${documentUrl}/versions`);
	await page.getByLabel('Nome della versione').fill(`Bozza ${run}`);
	await page.getByRole('button', { name: 'Salva la versione' }).click();
	await expect(page.getByText(`Versione «Bozza ${run}» salvata.`)).toBeVisible();
	const versionUrl = new URL(
		(await page.getByRole('link', { name: `Bozza ${run}` }).getAttribute('href'))!,
		page.url()
	).pathname;

	await page.goto(documentUrl);
	await editorConnected(page);
	await documentText(page).click();
	await page.keyboard.press('Control+End');
	await page.keyboard.press('Enter');
	await page.keyboard.type(sentence);
	await selectWithMouse(page, sentence);
	await page.keyboard.press('Control+Alt+M');
	const composer = commentPanel(page).getByRole('form', { name: 'Nuovo commento' });
	await composer.getByLabel('Il tuo commento').fill(`Da rivedere ${run}`);
	await composer.getByRole('button', { name: 'Pubblica il commento' }).click();
	await expect(composer).toHaveCount(0);
	return { documentUrl, versionUrl };
}

test('restoring a version names the comment that will lose its text; Escape keeps the text, Sì restores and keeps the text of now as a version', async () => {
	const sentence = `Tirocini anche il sabato ${run}`;
	const { documentUrl, versionUrl } = await documentWithCommentSinceVersion(`Da ripristinare ${run}`, sentence);
	const { page } = marco;
	await page.goto(versionUrl, { waitUntil: 'networkidle' });
	const restore = page.getByRole('button', { name: 'Ripristina questa versione' });
	const dialog = question(page, `Ripristinare «Bozza ${run}»?`);
	await restore.click();
	await expect(dialog).toContainText('Un commento aperto perde il testo a cui è legato');
	await expect(dialog.getByRole('listitem').filter({ hasText: DEMO_PEOPLE.marco.name })).toContainText(sentence);
	await expect(dialog).toContainText('Prima del ripristino');
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(restore).toBeFocused();

	await restore.click();
	await dialog.getByRole('button', { name: 'Sì, ripristina' }).click();
	await expect(page).toHaveURL(documentUrl);
	await editorConnected(page);
	await expect(documentText(page)).not.toContainText(sentence);
	await page.goto(`${documentUrl}/versions`);
	await expect(page.getByRole('link', { name: 'Prima del ripristino' })).toBeVisible();
});

test('without JavaScript, restoring a version asks in the page and names the comment; Annulla and a POST without confirmation change nothing, Sì restores', async ({
	browser
}) => {
	const sentence = `Navetta per il centro diurno ${run}`;
	const { documentUrl, versionUrl } = await documentWithCommentSinceVersion(`Senza script ${run}`, sentence);
	const page = await withoutJavaScript(browser, marco);
	await page.goto(versionUrl);
	const restore = page.getByRole('button', { name: 'Ripristina questa versione' });
	const dialog = question(page, `Ripristinare «Bozza ${run}»?`);

	await restore.click();
	await expect(dialog.getByRole('listitem').filter({ hasText: DEMO_PEOPLE.marco.name })).toContainText(sentence);
	await dialog.getByRole('link', { name: 'Annulla' }).click();
	await expect(page).toHaveURL(versionUrl);
	await expect(dialog).toHaveCount(0);
	expect(await post(page, `${versionUrl}?/restore`, {})).toMatchObject({ type: 'failure', status: 428 });
	// The version still differs from the document: the sentence is still there to be taken away.
	await page.reload();
	await expect(page.getByRole('insertion').filter({ hasText: sentence })).toBeVisible();

	await restore.click();
	await dialog.getByRole('button', { name: 'Sì, ripristina' }).click();
	await expect(page).toHaveURL(documentUrl);
	await page.goto(versionUrl);
	await expect(page.getByText('Nessuna differenza: il documento è uguale a questa versione.')).toBeVisible();
	await page.context().close();
});

/** A PDF uploaded by a form post, as a browser without JavaScript sends it, to the top of the file space. */
async function uploadPdf(page: Page, name: string) {
	await page.goto(FILES);
	await page.getByLabel('Scegli i file da caricare').setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf() });
	await page.getByRole('button', { name: 'Carica', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText('File caricati: 1.');
}

/** Moves a listed file to the bin from its "manage" disclosure: one click, and the sentence saying so. */
async function binFile(page: Page, name: string) {
	const row = page.getByRole('listitem').filter({ hasText: name });
	await row.locator('summary', { hasText: 'Rinomina, sposta, elimina' }).click();
	await row.getByRole('button', { name: `Sposta nel cestino ${name}` }).click();
	const status = page.getByRole('status').filter({ hasText: 'spostato nel cestino' });
	await expect(status).toContainText(`«${name}» spostato nel cestino. Ci resta 30 giorni`);
	return status;
}

test('binning a file is one click that says how long it stays there and offers to undo it; deleting it for good asks first', async ({
	browser
}) => {
	const name = `Bozza da cestinare ${run}.pdf`;
	const noScript = await withoutJavaScript(browser, giulia);
	await uploadPdf(noScript, name);
	await noScript.context().close();

	const { page } = giulia;
	await page.goto(FILES, { waitUntil: 'networkidle' });
	const status = await binFile(page, name);
	await status.getByRole('button', { name: `Annulla: riporta «${name}» fuori dal cestino` }).click();
	await expect(page.getByRole('status')).toContainText(`File ripristinato: «${name}».`);
	await expect(page.getByRole('link', { name, exact: true })).toBeVisible();

	await binFile(page, name);
	await page.goto(BIN, { waitUntil: 'networkidle' });
	const purge = page.getByRole('button', { name: `Elimina definitivamente ${name}` });
	const dialog = question(page, `Eliminare per sempre «${name}»?`);
	await purge.click();
	await expect(dialog).toContainText('non si potrà più recuperare');
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(purge).toBeFocused();
	await purge.click();
	await dialog.getByRole('button', { name: 'Sì, elimina per sempre' }).click();
	await expect(page.getByRole('status')).toContainText(`«${name}» eliminato definitivamente.`);
	await expect(purge).toHaveCount(0);
});

test('without JavaScript, binning is undone from the sentence, and deleting for good asks in the page; Annulla and a POST without confirmation keep the file', async ({
	browser
}) => {
	const name = `Verbale senza script ${run}.pdf`;
	const page = await withoutJavaScript(browser, giulia);
	await uploadPdf(page, name);
	const status = await binFile(page, name);
	await status.getByRole('button', { name: `Annulla: riporta «${name}» fuori dal cestino` }).click();
	await expect(page.getByRole('status')).toContainText(`File ripristinato: «${name}».`);

	await binFile(page, name);
	await page.goto(BIN);
	const purge = page.getByRole('button', { name: `Elimina definitivamente ${name}` });
	const id = await page.locator('form', { has: purge }).locator('input[name="id"]').inputValue();
	const dialog = question(page, `Eliminare per sempre «${name}»?`);
	await purge.click();
	await expect(dialog).toContainText('non si potrà più recuperare');
	await dialog.getByRole('link', { name: 'Annulla' }).click();
	await expect(page).toHaveURL(BIN);
	await expect(dialog).toHaveCount(0);
	expect(await post(page, `${BIN}?/purge`, { id })).toMatchObject({ type: 'failure', status: 428 });
	await page.reload();
	await expect(purge).toBeVisible();

	await purge.click();
	await dialog.getByRole('button', { name: 'Sì, elimina per sempre' }).click();
	await expect(page.getByRole('status')).toContainText(`«${name}» eliminato definitivamente.`);
	await expect(purge).toHaveCount(0);
	await page.context().close();
});

test('deleting a discussion asks first, with and without JavaScript, and a POST without confirmation keeps it', async ({ browser }) => {
	const title = `Discussione da eliminare ${run}`;
	const page = await withoutJavaScript(browser, giulia);
	await page.goto(`${DEMO_NETWORK}/discussions`);
	await page.getByLabel('Titolo').fill(title);
	await page.getByLabel(/Messaggio/).fill('Una prova che poi togliamo.');
	await page.getByRole('button', { name: 'Avvia la discussione' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const threadUrl = new URL(page.url()).pathname;
	const dialog = question(page, `Eliminare la discussione «${title}»?`);

	// Without JavaScript: the question in the page, and Annulla back to the discussion.
	await page.getByRole('button', { name: 'Elimina la discussione…' }).click();
	await expect(dialog).toContainText('Sparisce per tutte le persone della rete e non si può annullare.');
	await dialog.getByRole('link', { name: 'Annulla' }).click();
	await expect(page).toHaveURL(threadUrl);
	expect(await post(page, `${threadUrl}?/delete`, {})).toMatchObject({ type: 'failure', status: 428 });
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await page.context().close();

	// With JavaScript: the dialog, and Sì deletes it.
	await giulia.page.goto(threadUrl, { waitUntil: 'networkidle' });
	const jsDialog = question(giulia.page, `Eliminare la discussione «${title}»?`);
	await giulia.page.getByRole('button', { name: 'Elimina la discussione…' }).click();
	await jsDialog.getByRole('button', { name: 'Sì, elimina la discussione' }).click();
	await expect(giulia.page.getByText('Discussione eliminata.')).toBeVisible();
	expect((await giulia.page.goto(threadUrl))?.status()).toBe(404);
});

test('deleting a document asks first and says what goes with it, with and without JavaScript; whoever has it open is told it is gone', async ({
	browser
}) => {
	const title = `Documento da eliminare ${run}`;
	const path = new URL(await createFreeDocument(giulia.page, title)).pathname;
	await marco.page.goto(path);
	await editorConnected(marco.page);

	// Without JavaScript: the question in the page, and Annulla back to the document.
	const page = await withoutJavaScript(browser, giulia);
	await page.goto(path);
	await page.getByRole('button', { name: 'Elimina il documento…' }).click();
	const inPage = question(page, `Eliminare il documento «${title}»?`);
	await expect(inPage).toContainText('Se vuoi solo chiuderlo, archivialo invece');
	await expect(inPage).toContainText('anche per chi lo ha aperto ora, e non si può annullare.');
	await inPage.getByRole('link', { name: 'Annulla' }).click();
	await expect(page).toHaveURL(path);
	expect(await post(page, `${path}?/delete`, {})).toMatchObject({ type: 'failure', status: 428 });
	await page.context().close();
	// Marco, an editor, confirming by hand: the database refuses him.
	expect(await post(marco.page, `${path}?/delete`, { confirm: '1' })).toMatchObject({ type: 'failure', status: 403 });

	// With JavaScript: the dialog, and Sì deletes it; Marco's open page says it is gone.
	await giulia.page.goto(path, { waitUntil: 'networkidle' });
	await giulia.page.getByRole('button', { name: 'Elimina il documento…' }).click();
	const dialog = question(giulia.page, `Eliminare il documento «${title}»?`);
	await expect(dialog).toBeVisible();
	await expectNoSeriousA11yViolations(giulia.page);
	await dialog.getByRole('button', { name: 'Sì, elimina il documento' }).click();
	await expect(giulia.page.getByRole('status').filter({ hasText: `Documento «${title}» eliminato.` })).toBeVisible();
	await expect(marco.page.getByRole('alert')).toContainText('Questo documento è stato eliminato');
	expect((await giulia.page.goto(path))?.status()).toBe(404);
});
