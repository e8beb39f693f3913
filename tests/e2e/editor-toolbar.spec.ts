import { test, expect, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { DEMO_NETWORK, DEMO_PEOPLE, signIn, type Person } from './support/demo.ts';
import { documentText, editorConnected } from './support/document-page.ts';

// The editor's toolbar keeps to one line on a laptop: block formats and the
// table's commands are grouped in menus that work like menus (ARIA menu
// button), and every keyboard shortcut still works.
const run = Date.now().toString(36);
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Formattazione' });
const menuButton = (page: Page, name: string) => toolbar(page).getByRole('button', { name });

let giulia: Person;
test.beforeAll(async ({ browser }) => {
	giulia = await signIn(browser, DEMO_PEOPLE.giulia.email, LAPTOP);
	const { page } = giulia;
	await page.goto(`${DEMO_NETWORK}/documents`);
	await page.getByLabel('Titolo').fill(`Barra degli strumenti ${run}`);
	await page.getByLabel('Tipo di documento').selectOption('free');
	await page.getByRole('button', { name: 'Crea il documento' }).click();
	await editorConnected(page);
});
test.afterAll(async () => {
	await giulia?.context.close();
});

/** Types a new line at the end of the text and leaves the caret on it. */
async function typeLine(page: Page, words: string) {
	await documentText(page).click();
	await page.keyboard.press('Control+End');
	await page.keyboard.press('Enter');
	await page.keyboard.type(words);
}

test('at 1280 px the toolbar is one row of buttons', async () => {
	const { page } = giulia;
	const rows = await toolbar(page).evaluate((bar) => {
		const buttons = [...bar.querySelectorAll<HTMLElement>(':scope button')].filter((b) => b.getClientRects().length > 0);
		const tops = new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
		const style = getComputedStyle(bar);
		const inner = bar.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
		return { tops: tops.size, inner, button: Math.max(...buttons.map((b) => b.offsetHeight)) };
	});
	expect(rows.tops).toBe(1);
	// One row: the bar is as tall as its tallest button, give or take a pixel of rounding.
	expect(Math.abs(rows.inner - rows.button)).toBeLessThanOrEqual(1);
	await page.screenshot({ path: test.info().outputPath('toolbar-1280.png') });
});

test('the Formato menu opens from the keyboard, moves with the arrows, applies a heading and gives the text its focus back', async () => {
	const { page } = giulia;
	await typeLine(page, `Obiettivi ${run}`);
	const format = menuButton(page, 'Formato');
	await expect(format).toHaveAttribute('aria-haspopup', 'menu');
	await expect(format).toHaveAttribute('aria-expanded', 'false');
	await format.focus();
	await page.keyboard.press('ArrowDown');
	const menu = page.getByRole('menu', { name: 'Formato' });
	await expect(format).toHaveAttribute('aria-expanded', 'true');
	await expect(menu.getByRole('menuitemcheckbox', { name: 'Testo normale' })).toBeFocused();
	await expect(menu.getByRole('menuitemcheckbox', { name: 'Testo normale' })).toHaveAttribute('aria-checked', 'true');
	await page.screenshot({ path: test.info().outputPath('format-menu-1280.png') });
	await expectNoSeriousA11yViolations(page);
	// Up from the first goes round to the last; Home back to the first; Escape closes onto the button.
	await page.keyboard.press('ArrowUp');
	await expect(menu.getByRole('menuitemcheckbox', { name: 'Citazione' })).toBeFocused();
	await page.keyboard.press('Home');
	await page.keyboard.press('Escape');
	await expect(menu).toBeHidden();
	await expect(format).toBeFocused();

	await page.keyboard.press('Enter');
	await page.keyboard.press('ArrowDown');
	await expect(menu.getByRole('menuitemcheckbox', { name: 'Titolo 1' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(menu).toBeHidden();
	await expect(documentText(page).getByRole('heading', { level: 1, name: `Obiettivi ${run}` })).toBeVisible();
	// Typing goes on in the text, where the caret was.
	await page.keyboard.type(' e tempi');
	await expect(documentText(page).getByRole('heading', { level: 1 })).toHaveText(`Obiettivi ${run} e tempi`);
});

test('the Tabella menu inserts a table, and a click elsewhere closes it', async () => {
	const { page } = giulia;
	await typeLine(page, '');
	await menuButton(page, 'Tabella').click();
	const menu = page.getByRole('menu', { name: 'Tabella' });
	await expect(menu.getByRole('menuitem', { name: 'Aggiungi riga' })).toHaveAttribute('aria-disabled', 'true');
	await menu.getByRole('menuitem', { name: 'Inserisci tabella' }).click();
	await expect(menu).toBeHidden();
	await expect(documentText(page).locator('table')).toHaveCount(1);
	await menuButton(page, 'Tabella').click();
	await expect(menu.getByRole('menuitem', { name: 'Aggiungi riga' })).toHaveAttribute('aria-disabled', 'false');
	await documentText(page).click();
	await expect(menu).toBeHidden();
});

test('the keyboard shortcuts still work without the menus', async () => {
	const { page } = giulia;
	// A line of its own under the first heading: the document's end may be inside the table the test above inserted.
	await documentText(page).getByRole('heading', { name: 'Introduzione' }).click();
	await page.keyboard.press('End');
	await page.keyboard.press('Enter');
	await page.keyboard.type(`Scadenze ${run}`);
	await page.keyboard.press('Control+Alt+2');
	const heading = documentText(page).getByRole('heading', { level: 2, name: `Scadenze ${run}` });
	await expect(heading).toBeVisible();
	await page.keyboard.press('Control+Alt+0');
	// Back to a paragraph before selecting it: the selection is made on the line as it is now.
	await expect(heading).toHaveCount(0);
	await page.keyboard.press('Shift+Home');
	await page.keyboard.press('Control+b');
	await expect(documentText(page).locator('strong')).toHaveText(`Scadenze ${run}`);
	await expect(toolbar(page).getByRole('button', { name: 'Grassetto' })).toHaveAttribute('aria-pressed', 'true');
	// And the toolbar's arrows reach the menus' buttons like any other.
	await toolbar(page).getByRole('button', { name: 'Grassetto' }).focus();
	await page.keyboard.press('Home');
	await expect(menuButton(page, 'Formato')).toBeFocused();
	await page.keyboard.press('ArrowRight');
	await expect(toolbar(page).getByRole('button', { name: 'Grassetto' })).toBeFocused();
});

test('on a phone the menus open within the screen', async () => {
	const { page } = giulia;
	await page.setViewportSize(PHONE);
	await menuButton(page, 'Formato').scrollIntoViewIfNeeded();
	await menuButton(page, 'Formato').click();
	const menu = page.getByRole('menu', { name: 'Formato' });
	const box = (await menu.boundingBox())!;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
	await page.screenshot({ path: test.info().outputPath('format-menu-390.png') });
	await expectNoSeriousA11yViolations(page);
	await page.keyboard.press('Escape');
	await page.setViewportSize(LAPTOP);
});
