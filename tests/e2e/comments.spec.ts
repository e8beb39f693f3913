import { test, expect, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { DEMO_NETWORK, signIn, type Person } from './support/demo.ts';
import { notificationsLink, unreadBadgeCount } from './support/inbox.ts';
import {
	commentOn,
	commentPanel as panel,
	documentText as text,
	editorConnected as connected,
	selectWithMouse
} from './support/document-page.ts';

// Comments live on a document: Anna (the Comune, a commenter who cannot edit)
// comments on words of a paragraph while Marco (an editor) types in a
// paragraph above; Marco sees it arrive on exactly those words, replies and
// resolves; Anna sees both without reloading, and a notification of the
// reply that leads back to the comment. Every account posts at most once
// here: the database allows 12 posts a minute per account, across the whole
// run.

const run = Date.now().toString(36);
/** Said to screen readers by the panel's live region (its forms have regions of their own). */
const announced = (page: Page, words: string) =>
	expect(panel(page).getByRole('status').filter({ hasText: words })).toHaveCount(1);

test.describe.configure({ mode: 'serial' });

let documentUrl = '';
let commentId = '';
let anna: Person;
let marco: Person;
// Words of a section heading: a new document's other words are guides, which are not text.
const COMMENTED = 'generali e specifici';
const BODY = `Per il Comune servono indicatori **misurabili** ${run}`;
const REPLY = `Li aggiungiamo entro venerdì ${run}`;
const TYPED = `Il tavolo del 12 novembre ha condiviso i dati ${run}. `;

test.beforeAll(async ({ browser }) => {
	marco = await signIn(browser, 'marco.ferri@trama.test');
	anna = await signIn(browser, 'anna.colombo@trama.test');
	// The live channel opens once the page has hydrated: typing before would be wiped.
	const live = marco.page.waitForResponse((response) => new URL(response.url()).pathname === '/live');
	await marco.page.goto(`${DEMO_NETWORK}/documents`);
	await live;
	await marco.page.getByLabel('Titolo').fill(`Tirocini con il Comune ${run}`);
	await marco.page.getByLabel('Tipo di documento').selectOption('co_design');
	await marco.page.getByRole('button', { name: 'Crea il documento' }).click();
	await expect(marco.page.getByRole('heading', { level: 1, name: `Tirocini con il Comune ${run}` })).toBeVisible();
	documentUrl = new URL(marco.page.url()).pathname;
});
test.afterAll(async () => {
	await anna.context.close();
	await marco.context.close();
});

test('a commenter’s refused comment keeps the words and what she typed', async () => {
	const { page } = anna;
	await page.goto(documentUrl);
	await connected(page);
	await expect(panel(page)).toContainText('Per commentare seleziona nel testo le parole');

	// "Commenta" with nothing selected says what to do.
	await page.getByRole('button', { name: 'Commenta' }).click();
	await expect(page.getByText('Seleziona nel testo le parole da commentare, poi premi «Commenta».')).toBeVisible();

	await selectWithMouse(page, COMMENTED);
	await page.keyboard.press('Control+Alt+M');
	const composer = panel(page).getByRole('form', { name: 'Nuovo commento' });
	await expect(composer.getByRole('blockquote')).toHaveText(COMMENTED);
	await expect(composer.getByLabel('Il tuo commento')).toBeFocused();
	await expect(text(page).locator('mark.is-draft')).toHaveText(COMMENTED);
	await expectNoSeriousA11yViolations(page);

	await composer.getByRole('button', { name: 'Pubblica il commento' }).click();
	await expect(composer.getByText('Scrivi il testo prima di pubblicare.')).toBeVisible();

	const tooLong = 'Troppo lungo. '.repeat(360);
	await composer.getByLabel('Il tuo commento').fill(tooLong);
	await expect(composer.getByText('5.040 di 5.000 caratteri')).toBeVisible();
	await composer.getByRole('button', { name: 'Pubblica il commento' }).click();
	await expect(composer.getByText('Il testo può avere al massimo 5000 caratteri')).toBeVisible();
	await expect(composer.getByLabel('Il tuo commento')).toHaveValue(tooLong);
	await expect(composer.getByRole('blockquote')).toHaveText(COMMENTED);

	await composer.getByRole('button', { name: 'Annulla' }).click();
	await expect(composer).toHaveCount(0);
	await expect(text(page).locator('mark')).toHaveCount(0);
});

test('a commenter comments while an editor types above; he sees it arrive on the right words, without a reload', async () => {
	await marco.page.goto(documentUrl);
	await anna.page.goto(documentUrl);
	await connected(marco.page);
	await connected(anna.page);

	// Marco's editor is marked: it must be the same element, still focused, after the comment arrives.
	await text(marco.page).evaluate((el) => ((el as HTMLElement & { keep?: string }).keep = 'same editor'));
	// Into the first section's empty paragraph, the one showing its guide.
	await text(marco.page).locator('p[data-placeholder^="Il contesto e i bisogni"]').click();
	const typing = marco.page.keyboard.type(TYPED, { delay: 40 });

	const composer = await commentOn(anna.page, COMMENTED);
	await composer.getByLabel('Il tuo commento').fill(BODY);
	await composer.getByRole('button', { name: 'Pubblica il commento' }).click();
	await expect(composer).toHaveCount(0);
	const mine = panel(anna.page).getByRole('article').filter({ hasText: `servono indicatori misurabili ${run}` });
	await expect(mine).toBeVisible();
	await expect(mine.getByText('Nuovo')).toHaveCount(0);
	commentId = (await mine.getAttribute('id'))!.replace('comment-', '');

	// Marco, still typing, sees it: in the panel, marked as new, told to screen readers, highlighted on the words.
	const arrived = panel(marco.page).getByRole('article').filter({ hasText: `servono indicatori misurabili ${run}` });
	await expect(arrived).toBeVisible();
	await expect(arrived).toContainText('Anna Colombo');
	await expect(arrived.getByText('Nuovo', { exact: true })).toBeVisible();
	await announced(marco.page, 'Nuovo commento di Anna Colombo');
	await typing;
	await expect(text(marco.page).locator('mark.comment-highlight')).toHaveText(COMMENTED);
	await expect(text(marco.page)).toContainText(TYPED.trim());
	await expect(text(anna.page)).toContainText(TYPED.trim());
	await expect(text(anna.page).locator('mark.comment-highlight')).toHaveText(COMMENTED);
	expect(await text(marco.page).evaluate((el) => (el as HTMLElement & { keep?: string }).keep)).toBe('same editor');
	await expect(text(marco.page)).toBeFocused();
	await expectNoSeriousA11yViolations(marco.page);
});

test('the editor replies and resolves; the commenter sees both live, and is notified of the reply', async () => {
	const card = panel(marco.page).locator(`#comment-${commentId}`);
	const annaCard = panel(anna.page).locator(`#comment-${commentId}`);
	const before = await unreadBadgeCount(anna.page);
	// Clicking the highlighted words chooses their comment.
	await text(marco.page).locator('mark.comment-highlight').click();
	await expect(card).toHaveAttribute('aria-current', 'true');
	await expect(text(marco.page).locator('mark.is-selected')).toHaveText(COMMENTED);

	await card.getByText('Rispondi', { exact: true }).click();
	await expect(card.getByLabel('La tua risposta')).toBeFocused();
	await card.getByLabel('La tua risposta').fill(REPLY);
	await card.getByRole('button', { name: 'Pubblica la risposta' }).click();
	await expect(card.getByRole('list', { name: 'Risposte' })).toContainText(REPLY);

	await expect(annaCard.getByRole('list', { name: 'Risposte' })).toContainText(REPLY);
	await expect(annaCard).toContainText('Marco Ferri');
	await announced(anna.page, 'Nuova risposta di Marco Ferri');
	await expect.poll(() => unreadBadgeCount(anna.page)).toBe(before + 1);

	// Anna starts an answer of her own; Marco resolving the comment moves it, not her words or her caret.
	await annaCard.getByText('Rispondi', { exact: true }).click();
	await annaCard.getByLabel('La tua risposta').pressSequentially('Grazie, ');
	await card.getByRole('button', { name: 'Risolvi' }).click();
	await expect(panel(marco.page).getByText('Risolti (1)')).toBeVisible();
	await expect(text(marco.page).locator('mark')).toHaveCount(0);

	await expect(panel(anna.page).getByText('Risolti (1)')).toBeVisible();
	await announced(anna.page, 'Marco Ferri ha risolto il commento');
	await expect(text(anna.page).locator('mark')).toHaveCount(0);
	await expect(panel(anna.page).getByText('Nessun commento aperto.')).toBeVisible();
	await expect(annaCard).toContainText('Risolto da Marco Ferri');
	await expect(annaCard.getByLabel('La tua risposta')).toHaveValue('Grazie, ');
	await expect(annaCard.getByLabel('La tua risposta')).toBeFocused();
	await anna.page.keyboard.type('a venerdì');
	await expect(annaCard.getByLabel('La tua risposta')).toHaveValue('Grazie, a venerdì');

	// The inbox lists Marco's reply; its link opens the document on the comment.
	await notificationsLink(anna.page).click();
	const entry = anna.page.getByRole('link', { name: `Marco Ferri ha risposto a un commento su «Tirocini con il Comune ${run}»` });
	await entry.click();
	await expect(anna.page).toHaveURL(`${documentUrl}?comment=${commentId}`);
	await expect(annaCard).toBeFocused();
	await expect(annaCard).toHaveAttribute('aria-current', 'true');
	await expect.poll(() => unreadBadgeCount(anna.page)).toBe(before);
});

test('a viewer reads the comments, cannot comment, and a link opens on the comment', async ({ browser }) => {
	const paolo = await signIn(browser, 'paolo.desantis@trama.test');
	const { page } = paolo;
	await page.goto(`${documentUrl}?comment=${commentId}`);
	await connected(page);
	await expect(page.getByRole('button', { name: 'Commenta' })).toHaveCount(0);
	await expect(panel(page).getByText('Hai il ruolo di lettore: puoi leggere i commenti ma non scriverne.')).toBeVisible();
	const card = panel(page).locator(`#comment-${commentId}`);
	// Resolved: the folded list opens on it.
	await expect(card).toBeVisible();
	await expect(card).toBeFocused();
	await expect(card).toContainText('Risolto da Marco Ferri');
	await expect(card.getByRole('button', { name: 'Riapri' })).toHaveCount(0);
	await expect(card.getByText('Rispondi', { exact: true })).toHaveCount(0);
	await expectNoSeriousA11yViolations(page);
	await paolo.context.close();
});

test('on a phone the selected words are commented from where they are, and nothing is wider than the screen', async ({ browser }) => {
	const giulia = await signIn(browser, 'giulia.rinaldi@trama.test', { width: 360, height: 740 });
	const { page } = giulia;
	await page.goto(documentUrl);
	await connected(page);
	await selectWithMouse(page, 'Risorse e budget');
	// The toolbar is far above: a button follows the selection, and leaves once the comment is being written.
	const comment = page.getByRole('button', { name: 'Commenta' });
	await expect(comment).toHaveCount(2);
	await comment.last().click();
	await expect(panel(page).getByRole('form', { name: 'Nuovo commento' }).getByRole('blockquote')).toHaveText('Risorse e budget');
	await expect(panel(page).getByLabel('Il tuo commento')).toBeFocused();
	await expect(comment).toHaveCount(1);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectNoSeriousA11yViolations(page);
	await giulia.context.close();
});
