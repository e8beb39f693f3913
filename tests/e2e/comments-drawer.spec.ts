import { test, expect, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { DEMO_NETWORK, DEMO_PEOPLE, signIn, type Person } from './support/demo.ts';
import { commentPanel, documentText, editorConnected, selectWithMouse } from './support/document-page.ts';

// On a phone a document's comments open in a drawer over the side of the
// text, from a button at the foot of the screen that counts them, instead of
// waiting after the whole document. Read only: the demo pact and its comments.
const PACT = `${DEMO_NETWORK}/documents/dd000000-0000-4000-8000-000000000001`;
const PHONE = { width: 390, height: 844 };
const WORDS = 'avviso pubblico';

const toggle = (page: Page) => page.getByRole('button', { name: /^Commenti \d+$/ });

let giulia: Person;
test.beforeAll(async ({ browser }) => {
	giulia = await signIn(browser, DEMO_PEOPLE.giulia.email, PHONE);
});
test.afterAll(async () => {
	await giulia?.context.close();
});

test('on a phone the comments open beside the text in a drawer, and close back onto their button', async () => {
	const { page } = giulia;
	await page.goto(PACT);
	await editorConnected(page);
	await expect(toggle(page)).toBeVisible();
	await expect(toggle(page)).toHaveAttribute('aria-expanded', 'false');
	await expect(commentPanel(page)).toBeHidden();
	const scrolled = await page.evaluate(() => window.scrollY);

	await toggle(page).click();
	const panel = commentPanel(page);
	await expect(panel).toBeVisible();
	await expect(panel.getByRole('article').first()).toBeVisible();
	// Over the side of the screen where the text is, not after the document; the page has not moved.
	const box = (await page.locator('#comments-drawer').boundingBox())!;
	expect(box.x).toBeGreaterThan(0);
	expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
	expect(box.y).toBe(0);
	expect(box.height).toBe(PHONE.height);
	expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
	await expect(page.getByRole('button', { name: 'Chiudi i commenti' })).toBeFocused();
	await page.screenshot({ path: test.info().outputPath('drawer-open-390.png') });
	await expectNoSeriousA11yViolations(page);

	await page.keyboard.press('Escape');
	await expect(panel).toBeHidden();
	await expect(toggle(page)).toBeFocused();
	await expect(toggle(page)).toHaveAttribute('aria-expanded', 'false');
	await page.screenshot({ path: test.info().outputPath('drawer-closed-390.png') });
	await expectNoSeriousA11yViolations(page);
});

test('on a phone the words selected in the text are commented in the drawer, which keeps the draft when closed', async () => {
	const { page } = giulia;
	await page.goto(PACT);
	await editorConnected(page);
	await selectWithMouse(page, WORDS);
	// The button that follows the selection (the toolbar's is far above).
	await page.getByRole('button', { name: 'Commenta' }).last().click();
	const panel = commentPanel(page);
	const composer = panel.getByRole('form', { name: 'Nuovo commento' });
	await expect(composer.getByRole('blockquote')).toHaveText(WORDS);
	await expect(panel.getByLabel('Il tuo commento')).toBeFocused();
	await expect(page.locator('#comments-drawer')).toBeInViewport();
	await panel.getByLabel('Il tuo commento').fill('Da completare');
	await page.getByRole('button', { name: 'Chiudi i commenti' }).click();
	await expect(panel).toBeHidden();
	await toggle(page).click();
	await expect(panel.getByLabel('Il tuo commento')).toHaveValue('Da completare');
	await composer.getByRole('button', { name: 'Annulla' }).click();
	await expect(composer).toHaveCount(0);
});

test('on a laptop the comments stay beside the text, with no drawer button', async () => {
	const { page } = giulia;
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto(PACT);
	await editorConnected(page);
	await expect(commentPanel(page)).toBeVisible();
	await expect(toggle(page)).toBeHidden();
	const panel = (await commentPanel(page).boundingBox())!;
	const text = (await documentText(page).boundingBox())!;
	expect(panel.x).toBeGreaterThanOrEqual(text.x + text.width);
	await page.setViewportSize(PHONE);
});

test('without JavaScript the comments follow the text, in full', async ({ browser }) => {
	const { context, page } = await signIn(browser, DEMO_PEOPLE.giulia.email, PHONE, { javaScriptEnabled: false });
	await page.goto(PACT);
	await expect(toggle(page)).toHaveCount(0);
	await commentPanel(page).scrollIntoViewIfNeeded();
	await expect(commentPanel(page).getByRole('article').first()).toBeVisible();
	await context.close();
});
