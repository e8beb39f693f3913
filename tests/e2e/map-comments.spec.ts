import { test, expect, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { signIn, type Person } from './support/demo.ts';
import { newMap, openEntries } from './support/map.ts';
import { entry, putMapEntries } from './support/map-entries.ts';
import { notificationsLink } from './support/inbox.ts';
import { commentPanel, editorConnected } from './support/document-page.ts';

// Comments on a map's entries: Anna (the Comune, a commenter) opens an entry
// of a map Marco (an editor) filled, and comments on it without being able
// to change it; Marco sees the comment arrive while the entry is open and
// replies; Anna sees the reply and is led back to the entry by her
// notification. Her forged change to the entry is dropped by the server.
// A viewer reads it all, and the comments of an entry no longer on the map.
// The map's text keeps its own comments. Anna posts twice, Marco once: the
// database allows 12 posts a minute per account, across the whole run.

const run = Date.now().toString(36);
const CENTRE = entry({ name: `Centro diurno Il Girasole ${run}`, category: 'service', system: 'health', targets: ['mental_health'] });
const DESK = entry({ name: `Sportello lavoro ${run}`, category: 'opportunity', system: 'employment' });
const BODY = `Gli orari del sabato sono **confermati**? ${run}`;
const REPLY = `Sì, dalle 9 alle 13 ${run}`;

/** The comments of the entry open in the panel. */
const comments = (page: Page) => page.getByRole('region', { name: /^Commenti sulla voce/ });

test.describe.configure({ mode: 'serial' });

let entriesPath = '';
let anna: Person;
let marco: Person;

test.beforeAll(async ({ browser }) => {
	marco = await signIn(browser, 'marco.ferri@trama.test');
	anna = await signIn(browser, 'anna.colombo@trama.test');
	entriesPath = await newMap(marco.page, `Mappa commentata ${run}`);
	await putMapEntries(marco.page, entriesPath, [CENTRE, DESK]);
});
test.afterAll(async () => {
	await anna.context.close();
	await marco.context.close();
});

test('a commenter comments on an entry she cannot change; the editor sees it arrive and replies', async () => {
	await openEntries(marco.page, entriesPath, `?entry=${CENTRE.id}`);
	await expect(comments(marco.page)).toContainText('Nessun commento su questa voce.');

	const { page } = anna;
	await openEntries(page, entriesPath, `?entry=${CENTRE.id}`);
	await expect(page.getByRole('button', { name: 'Aggiungi una voce' })).toHaveCount(0);
	const mine = comments(page);
	await expect(page.getByText('Hai il ruolo di commentatore: puoi commentare le voci, ma non modificarle.')).toBeVisible();

	// An empty comment is refused with a reason.
	await mine.getByRole('button', { name: 'Pubblica il commento' }).click();
	await expect(mine.getByText('Scrivi il testo prima di pubblicare.')).toBeVisible();
	await expectNoSeriousA11yViolations(page);

	await mine.getByLabel(`Il tuo commento su «${CENTRE.name}»`).fill(BODY);
	await mine.getByRole('button', { name: 'Pubblica il commento' }).click();
	const card = mine.getByRole('article').filter({ hasText: `Gli orari del sabato sono confermati? ${run}` });
	await expect(card.locator('strong', { hasText: 'confermati' })).toBeVisible();
	await expect(mine.getByRole('status').filter({ hasText: 'Commento pubblicato.' })).toHaveCount(1);
	await expect(mine.getByLabel(`Il tuo commento su «${CENTRE.name}»`)).toHaveValue('');
	// She may resolve her own comment, but nothing of the entry is hers to change.
	await expect(card.getByRole('button', { name: 'Risolvi' })).toBeVisible();

	// Marco had the entry open: the comment arrives without a reload, and is said.
	const theirs = comments(marco.page);
	const arrived = theirs.getByRole('article').filter({ hasText: `confermati? ${run}` });
	await expect(arrived).toContainText('Anna Colombo');
	await expect(theirs.getByRole('status').filter({ hasText: `Nuovo commento di Anna Colombo: «${CENTRE.name}».` })).toHaveCount(1);

	await arrived.getByText('Rispondi', { exact: true }).click();
	await arrived.getByLabel('La tua risposta').fill(REPLY);
	await arrived.getByRole('button', { name: 'Pubblica la risposta' }).click();
	await expect(arrived.getByRole('list', { name: 'Risposte' })).toContainText(REPLY);
	await expect(card.getByRole('list', { name: 'Risposte' })).toContainText(REPLY);
	await expectNoSeriousA11yViolations(marco.page);
});

test("the reply's notification leads the commenter back to the entry, at the comment", async () => {
	const { page } = anna;
	await notificationsLink(page).click();
	await page.getByRole('link', { name: `Marco Ferri ha risposto a un commento su «Mappa commentata ${run}»` }).click();
	await expect(page).toHaveURL(new RegExp(`${entriesPath}\\?entry=${CENTRE.id}&comment=[0-9a-f-]{36}$`));
	const card = comments(page).getByRole('article').filter({ hasText: `confermati? ${run}` });
	await expect(card).toBeFocused();
	await expect(card.getByRole('list', { name: 'Risposte' })).toContainText(REPLY);
});

test('a viewer reads the comments of an entry and of entries no longer on the map, and writes nothing', async ({ browser }) => {
	// A comment on an entry that is not on the map (as when an entry is removed after being commented on).
	const removed = { entryId: crypto.randomUUID(), entryName: `Laboratorio di falegnameria ${run}`, body: `Ancora disponibile? ${run}` };
	const posted = await anna.page.request.post(`${entriesPath}?/comment`, {
		form: removed,
		headers: { origin: new URL(anna.page.url()).origin, 'x-sveltekit-action': 'true' }
	});
	expect(((await posted.json()) as { type: string }).type).toBe('success');

	const paolo = await signIn(browser, 'paolo.desantis@trama.test');
	const { page } = paolo;
	await openEntries(page, entriesPath, `?entry=${CENTRE.id}`);
	const theirs = comments(page);
	await expect(theirs.getByText('Hai il ruolo di lettore: puoi leggere i commenti ma non scriverne.')).toBeVisible();
	const card = theirs.getByRole('article').filter({ hasText: `confermati? ${run}` });
	await expect(card.getByRole('list', { name: 'Risposte' })).toContainText(REPLY);
	await expect(theirs.getByRole('textbox')).toHaveCount(0);
	await expect(card.getByText('Rispondi', { exact: true })).toHaveCount(0);
	await expect(card.getByRole('button', { name: 'Risolvi' })).toHaveCount(0);

	const gone = page.getByRole('region', { name: 'Commenti su voci rimosse' });
	await expect(gone.getByRole('heading', { name: new RegExp(`Voce rimossa: «${removed.entryName}»`) })).toBeVisible();
	await expect(gone.getByRole('article')).toContainText(removed.body);
	// The entries on the map are not among them.
	await expect(gone).not.toContainText(CENTRE.name);
	await expectNoSeriousA11yViolations(page);
	await paolo.context.close();
});

test("the collab server drops a commenter's forged change to an entry: nobody else ever sees it", async () => {
	const renamed = { ...CENTRE, name: `Nome falsificato ${run}` };
	const added = entry({ name: `Voce falsificata ${run}` });
	// A real y-websocket client as Anna: her own second client never finds the new entry, as the server never kept it.
	await expect(putMapEntries(anna.page, entriesPath, [renamed, added])).rejects.toThrow();
	await openEntries(marco.page, entriesPath, `?entry=${CENTRE.id}`);
	await expect(marco.page.getByText('2 voci', { exact: true })).toBeVisible();
	await expect(marco.page.getByRole('heading', { name: CENTRE.name })).toBeVisible();
	await expect(marco.page.getByText(renamed.name)).toHaveCount(0);
	await expect(marco.page.getByText(added.name)).toHaveCount(0);
});

test("the map's text keeps its own comments: entry comments are not placed in it", async () => {
	const { page } = marco;
	await page.goto(entriesPath.replace(/\/entries$/, ''));
	await editorConnected(page);
	await expect(commentPanel(page)).toContainText('Nessun commento ancora.');
	await expect(commentPanel(page).getByRole('article')).toHaveCount(0);
	await expect(page.getByText(`confermati? ${run}`)).toHaveCount(0);
});
