import { test, expect, type Page } from '@playwright/test';
import { DEMO_NETWORK, DEMO_PEOPLE, signIn, type Person } from './support/demo.ts';
import { XssSentinel, expectReadable } from './support/xss-sentinel.ts';
import { XSS_CORPUS, oneLinePayload, readableCall, type XssPayload } from '../xss-corpus.ts';
import { mentionToken } from '../../src/lib/mentions.ts';

// Script typed by people, through every page that shows it: Marco (editor)
// renames himself and his organisation into markup, names a document and a
// discussion with it, and opens the discussion with a share of the XSS
// corpus; Anna (the Comune) and Giulia (facilitator) reply with the rest.
// Every page that then shows a name, a title or a post must run none of it
// (the window.__xss sentinel is never called, no dialog opens, the DOM holds
// nothing that could run) and must show it as text, so that no page passes
// by showing nothing. Each account posts at most twice: the database allows
// 12 posts a minute per account across the whole run.

const run = Date.now().toString(36);
const NAME = oneLinePayload('name');
const ORGANISATION = oneLinePayload('organisation');
const DOCUMENT_TITLE = `Verbale ${run} ${oneLinePayload('document')}`;
const THREAD_TITLE = `Prova ${run} ${oneLinePayload('thread')}`;
const TYPED = `Nota ${run} ${oneLinePayload('typed')}`;

// The corpus dealt out to the three posts, so the opening post and both replies carry their share.
const shareOf = (post: number) => XSS_CORPUS.filter((_, i) => i % 3 === post);
const readable = (payloads: XssPayload[]) => payloads.filter((p) => p.readable).map((p) => p.label);
/** A body of payloads, each its own block, with a plain last line so no mention list is left open. */
const bodyOf = (opening: string, payloads: XssPayload[]) =>
	[opening, ...payloads.map((p) => p.text), `Fine della prova ${run}.`].join('\n\n');
const [OPENING, ANNA_REPLY, GIULIA_REPLY] = [0, 1, 2].map(shareOf);

const discussions = `${DEMO_NETWORK}/discussions`;
const nameField = (page: Page) => page.getByLabel('Nome e cognome');
const organisationField = (page: Page) => page.getByLabel('Organizzazione');
const posts = (page: Page) => page.locator('article.message .body');
const connected = (page: Page) => expect(page.getByRole('status').filter({ hasText: 'Connesso' })).toBeVisible();

const sentinel = new XssSentinel();
let marco: Person;
let giulia: Person;
let anna: Person;
/** Marco's profile as the seed left it, put back after the last test. */
let original: { name: string; organisation: string } | null = null;
let documentId = '';
let threadUrl = '';

/** Opens a page with a form; hydration resets fields typed in before it ends. */
const openForm = (page: Page, path: string) => page.goto(path, { waitUntil: 'networkidle' });

async function saveProfile(page: Page, name: string, organisation: string) {
	await openForm(page, '/profile');
	await nameField(page).fill(name);
	await organisationField(page).fill(organisation);
	await page.getByRole('button', { name: 'Salva' }).click();
	await expect(page.getByText('Modifiche salvate.')).toBeVisible();
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
	const watched = sentinel.watching(browser);
	marco = await signIn(watched, DEMO_PEOPLE.marco.email);
	giulia = await signIn(watched, DEMO_PEOPLE.giulia.email);
	anna = await signIn(watched, DEMO_PEOPLE.anna.email);
});

test.afterAll(async () => {
	try {
		// Other specs look for "Marco Ferri": his name goes back whatever happened here.
		if (original) await saveProfile(marco.page, original.name, original.organisation);
	} finally {
		for (const person of [marco, giulia, anna]) await person?.context.close();
	}
});

test('the watch sees a sentinel call, a dialog and a planted handler, so its silence means something', async () => {
	const { page } = giulia;
	const response = await page.goto(DEMO_NETWORK, { waitUntil: 'networkidle' });
	// The second layer, which the watch bypasses: the app's own policy allows no inline script.
	const scriptSources = /script-src ([^;]*)/.exec(response?.headers()['content-security-policy'] ?? '')?.[1];
	expect(scriptSources).toContain("'self'");
	expect(scriptSources).not.toMatch(/unsafe-inline|unsafe-eval|\*/);

	await page.evaluate(() => window.__xss('control'));
	await page.evaluate(() => alert('controllo'));
	// Markup that failed to be escaped would run just as this handler does.
	await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', `<img id="planted" src="x" onerror="__xss('planted')">`));
	await expect.poll(() => sentinel.calls).toEqual(['control', 'planted']);
	expect(sentinel.dialogs).toEqual(['alert: controllo']);
	expect(await sentinel.runnableMarkup(page)).toEqual([`<img#planted> onerror="__xss('planted')"`]);

	sentinel.clear();
	await page.reload();
	await sentinel.expectNothingRan(page);
});

test('a name and an organisation made of markup are shown as text on the profile, the network and its people', async () => {
	const { page } = marco;
	await openForm(page, '/profile');
	original = { name: await nameField(page).inputValue(), organisation: await organisationField(page).inputValue() };
	await saveProfile(page, NAME, ORGANISATION);
	await expect(nameField(page)).toHaveValue(NAME);
	await sentinel.expectNothingRan(page);

	for (const path of [DEMO_NETWORK, `${DEMO_NETWORK}/members`]) {
		await giulia.page.goto(path);
		const member = giulia.page.getByRole('listitem').filter({ hasText: DEMO_PEOPLE.marco.email });
		await expect(member).toContainText(NAME);
		await expect(member).toContainText(ORGANISATION);
		await sentinel.expectNothingRan(giulia.page);
	}
});

test('in a document titled with markup, the presence list, the caret label, the typed text and the print view stay text', async () => {
	const { page } = marco;
	await openForm(page, `${DEMO_NETWORK}/documents`);
	await page.getByLabel('Titolo').fill(DOCUMENT_TITLE);
	await page.getByLabel('Tipo di documento').selectOption('minutes');
	await page.getByRole('button', { name: 'Crea il documento' }).click();
	await expect(page.getByRole('heading', { level: 1, name: DOCUMENT_TITLE })).toBeVisible();
	documentId = new URL(page.url()).pathname.split('/').pop()!;
	await connected(page);

	await giulia.page.goto(`${DEMO_NETWORK}/documents`);
	await expect(giulia.page.getByRole('link', { name: DOCUMENT_TITLE })).toBeVisible();
	await sentinel.expectNothingRan(giulia.page);
	await giulia.page.getByRole('link', { name: DOCUMENT_TITLE }).click();
	await connected(giulia.page);

	const text = page.getByLabel(/^Testo del documento/);
	await text.click();
	await page.keyboard.press('Control+End');
	await page.keyboard.press('Enter');
	await page.keyboard.insertText(TYPED);

	await expect(giulia.page.getByLabel(/^Testo del documento/)).toContainText(TYPED);
	await expect(giulia.page.getByRole('region', { name: /Nel documento/ })).toContainText(NAME);
	await expect(giulia.page.locator('.collaboration-carets__label')).toHaveText(NAME);
	await sentinel.expectNothingRan(giulia.page);
	await sentinel.expectNothingRan(page);

	// The print view renders the stored text as HTML on the server, once the edit has been stored.
	await expect(async () => {
		await giulia.page.goto(`${DEMO_NETWORK}/documents/${documentId}/print`);
		await expect(giulia.page.locator('.content')).toContainText(TYPED, { timeout: 1_000 });
	}).toPass();
	await expect(giulia.page.getByRole('heading', { level: 1, name: DOCUMENT_TITLE })).toBeVisible();
	await sentinel.expectNothingRan(giulia.page);
});

test('a discussion carrying the corpus in its title and posts is inert for everyone, live and on reload', async () => {
	// Giulia watches the list, where the new thread arrives without a reload.
	await giulia.page.goto(discussions);

	const { page } = marco;
	await openForm(page, discussions);
	await page.getByLabel('Titolo').fill(THREAD_TITLE);
	await page
		.getByRole('combobox', { name: /Messaggio/ })
		.fill(bodyOf(`Per ${mentionToken(DEMO_PEOPLE.giulia.name, DEMO_PEOPLE.giulia.id)}:`, OPENING));
	// The picker lists the document by its markup title, as text.
	await page.getByRole('combobox', { name: /Documento collegato/ }).fill(`Verbale ${run}`);
	const choice = page.getByRole('option', { name: DOCUMENT_TITLE });
	await expect(choice).toBeVisible();
	await sentinel.expectNothingRan(page);
	await choice.click();
	await page.getByRole('button', { name: 'Avvia la discussione' }).click();
	await expect(page.getByRole('heading', { level: 1, name: THREAD_TITLE })).toBeVisible();
	threadUrl = new URL(page.url()).pathname;
	await expect(page.locator('.thread-head')).toContainText(DOCUMENT_TITLE);
	await sentinel.expectNothingRan(page);
	await expectReadable(posts(page), readable(OPENING));

	const row = giulia.page.getByRole('listitem').filter({ has: giulia.page.getByRole('link', { name: THREAD_TITLE }) });
	await expect(row).toContainText(NAME);
	await expect(row).toContainText(ORGANISATION);
	await expect(row).toContainText(DOCUMENT_TITLE);
	await sentinel.expectNothingRan(giulia.page);

	// Anna mentions Marco by his new name; Giulia replies. Marco's page stays open and receives both.
	await openForm(anna.page, threadUrl);
	await anna.page
		.getByRole('combobox', { name: /La tua risposta/ })
		.fill(bodyOf(`${mentionToken(NAME, DEMO_PEOPLE.marco.id)}, rispondo:`, ANNA_REPLY));
	await anna.page.getByRole('button', { name: 'Invia la risposta' }).click();
	await expect(anna.page.getByText('Risposta pubblicata.')).toBeVisible();
	await expect(anna.page.locator('.mention', { hasText: `@${NAME}` })).toBeVisible();
	await sentinel.expectNothingRan(anna.page);

	await openForm(giulia.page, threadUrl);
	await giulia.page.getByRole('combobox', { name: /La tua risposta/ }).fill(bodyOf('Anch’io:', GIULIA_REPLY));
	await giulia.page.getByRole('button', { name: 'Invia la risposta' }).click();
	await expect(giulia.page.getByText('Risposta pubblicata.')).toBeVisible();

	const everything = readable(XSS_CORPUS);
	await expect(posts(page)).toHaveCount(3);
	await sentinel.expectNothingRan(page);
	await expectReadable(posts(page), everything);
	await expect(page.locator('article.message').first()).toContainText(NAME);

	await giulia.page.reload();
	await expect(posts(giulia.page)).toHaveCount(3);
	await sentinel.expectNothingRan(giulia.page);
	await expectReadable(posts(giulia.page), everything);
	await expect(giulia.page.locator('article.message').first()).toContainText(ORGANISATION);
});

test('the inboxes show who wrote, where and what as text', async () => {
	// Giulia was mentioned by Marco, Marco by Anna: their names, the title and the start of the post.
	const cases = [
		{ page: giulia.page, summary: `${NAME} ti ha menzionato nella discussione «${THREAD_TITLE}»`, excerpt: OPENING[0].label },
		{ page: marco.page, summary: `${DEMO_PEOPLE.anna.name} ti ha menzionato nella discussione «${THREAD_TITLE}»`, excerpt: ANNA_REPLY[0].label }
	];
	for (const { page, summary, excerpt } of cases) {
		await page.goto('/notifications');
		const entry = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: summary }) });
		await expect(entry).toContainText(readableCall(excerpt));
		await sentinel.expectNothingRan(page);
	}
});

test('the activity record names the person, the document and the discussion as text', async () => {
	const { page } = giulia;
	await page.goto(`${DEMO_NETWORK}/activity`);
	const started = page.getByRole('listitem').filter({ hasText: `${NAME} ha aperto la discussione «${THREAD_TITLE}»` });
	await expect(started).toContainText(ORGANISATION);
	await expect(page.getByRole('listitem').filter({ hasText: DOCUMENT_TITLE }).first()).toContainText(NAME);
	await expect(page.getByLabel('Persona')).toContainText(NAME);
	await sentinel.expectNothingRan(page);
});

test('comments on a document: the quote, the bodies and the names stay text in the panel, the inbox and the record', async () => {
	// The comments UI as feat-comments names it; kept here so a renamed label is one edit.
	const UI = {
		panel: /^Commenti/,
		comment: 'Commenta',
		body: 'Il tuo commento',
		submit: 'Pubblica il commento',
		openReply: 'Rispondi',
		reply: 'La tua risposta',
		submitReply: 'Pubblica la risposta'
	};
	const PACT = `${DEMO_NETWORK}/documents/dd000000-0000-4000-8000-000000000001`;
	const QUOTE = `Impegno ${run} ${oneLinePayload('quote')}`;
	// Comment bodies hold 5,000 characters: the corpus goes half into the comment, half into the reply.
	const [COMMENT, REPLY] = [0, 1].map((half) => XSS_CORPUS.filter((_, i) => i % 2 === half));
	const panel = (page: Page) => page.getByRole('complementary', { name: UI.panel });
	const text = (page: Page) => page.getByLabel(/^Testo del documento/);

	// Marco types the words Anna will comment on: the quote carries markup too.
	await marco.page.goto(PACT);
	await anna.page.goto(PACT);
	await connected(marco.page);
	await connected(anna.page);
	await text(marco.page).click();
	await marco.page.keyboard.press('Control+End');
	await marco.page.keyboard.press('Enter');
	await marco.page.keyboard.insertText(QUOTE);
	await expect(text(anna.page)).toContainText(QUOTE);

	// Anna, who cannot edit, selects them (the editor follows the page's selection) and comments.
	await text(anna.page).evaluate((root, words) => {
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const at = node.textContent!.indexOf(words);
			if (at < 0) continue;
			const range = document.createRange();
			range.setStart(node, at);
			range.setEnd(node, at + words.length);
			document.getSelection()!.removeAllRanges();
			document.getSelection()!.addRange(range);
			return;
		}
		throw new Error(`"${words}" is not in the text`);
	}, QUOTE);
	await anna.page.getByRole('button', { name: UI.comment }).click();
	await panel(anna.page).getByLabel(UI.body).fill(bodyOf('Osservazione del Comune:', COMMENT));
	await panel(anna.page).getByRole('button', { name: UI.submit }).click();

	// Marco sees it arrive, and replies under his name made of markup.
	const card = panel(marco.page).getByRole('article').filter({ hasText: readableCall(COMMENT[0].label) });
	await expect(card).toBeVisible();
	await sentinel.expectNothingRan(marco.page);
	await expect(card).toContainText(QUOTE);
	await expectReadable(card, readable(COMMENT));
	await card.getByText(UI.openReply, { exact: true }).click();
	await card.getByLabel(UI.reply).fill(bodyOf('Risposta del redattore:', REPLY));
	await card.getByRole('button', { name: UI.submitReply }).click();

	// Anna sees the reply live, with his name.
	const hers = panel(anna.page).getByRole('article').filter({ hasText: readableCall(COMMENT[0].label) });
	await expect(hers).toContainText(NAME);
	await expect(hers).toContainText(readableCall(REPLY[0].label));
	await sentinel.expectNothingRan(anna.page);
	await expectReadable(hers, readable(XSS_CORPUS));

	// Marco, who edited the document, is told of the comment; the record keeps its quote.
	await marco.page.goto('/notifications');
	await expect(marco.page.getByRole('listitem').filter({ hasText: readableCall(COMMENT[0].label) })).toBeVisible();
	await sentinel.expectNothingRan(marco.page);
	await giulia.page.goto(`${DEMO_NETWORK}/activity`);
	await expect(giulia.page.getByRole('listitem').filter({ hasText: QUOTE }).first()).toBeVisible();
	await sentinel.expectNothingRan(giulia.page);
});
