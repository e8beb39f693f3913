import { test, expect, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { DEMO_NETWORK, DEMO_PEOPLE, signIn, type Person } from './support/demo.ts';
import { documentText, editorConnected } from './support/document-page.ts';

// Tables in a document scroll sideways in their own box when they are wider
// than the text, and never split a word to fit: neither in the editor nor in
// a version read in the app, on a phone or on a laptop.
const run = Date.now().toString(36);
const LONG_WORD = 'Precipitevolissimevolmente';
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };
const MINUTES = `${DEMO_NETWORK}/documents/dd000000-0000-4000-8000-000000000004`;

/** The words of the tables' cells whose letters are laid out on more than one line. */
function splitWords(tables: Locator) {
	return tables.evaluateAll((elements) => {
		const split: string[] = [];
		for (const table of elements) {
			const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				for (const match of node.textContent!.matchAll(/\S+/g)) {
					const range = document.createRange();
					range.setStart(node, match.index);
					range.setEnd(node, match.index + match[0].length);
					const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
					if (lines.size > 1) split.push(match[0]);
				}
			}
		}
		return split;
	});
}

/** Whether each table's box scrolls sideways (its table is wider than it). */
const scrolling = (page: Page) =>
	page.locator('.doc-body .tableWrapper').evaluateAll((boxes) => boxes.map((box) => box.scrollWidth > box.clientWidth));

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

let giulia: Person;
test.beforeAll(async ({ browser }) => {
	giulia = await signIn(browser, DEMO_PEOPLE.giulia.email, LAPTOP);
});
test.afterAll(async () => {
	await giulia?.context.close();
});

test('a long word in a table stays whole, and on a phone the table scrolls sideways in its box', async () => {
	const { page } = giulia;
	await page.goto(`${DEMO_NETWORK}/documents`);
	await page.getByLabel('Titolo').fill(`Tabella larga ${run}`);
	await page.getByLabel('Tipo di documento').selectOption('co_design');
	await page.getByRole('button', { name: 'Crea il documento' }).click();
	await editorConnected(page);
	// The action plan's first empty cell, under «Azione».
	const plan = documentText(page).locator('table').filter({ hasText: 'Partner responsabile' });
	await plan.locator('tr').nth(1).locator('td').first().click();
	await page.keyboard.type(`${LONG_WORD} accompagnata`);
	await expect(plan).toContainText(LONG_WORD);

	await expect.poll(() => splitWords(documentText(page).locator('table'))).toEqual([]);
	await page.screenshot({ path: test.info().outputPath('table-1280.png') });

	await page.setViewportSize(PHONE);
	await plan.scrollIntoViewIfNeeded();
	await expect.poll(() => splitWords(documentText(page).locator('table'))).toEqual([]);
	expect(await scrolling(page)).toContain(true);
	// The table's box scrolls, not the page.
	expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
	await page.screenshot({ path: test.info().outputPath('table-390.png') });
	await expectNoSeriousA11yViolations(page);
});

test('a version read in the app shows its tables the same way, and a keyboard scrolls them', async () => {
	const { page } = giulia;
	await page.setViewportSize(LAPTOP);
	await page.goto(`${MINUTES}/versions`);
	await page.getByRole('link', { name: /^Approvato il 14 novembre 2026/ }).first().click();
	const tables = page.locator('.doc-body table');
	await expect(tables.first()).toBeVisible();
	expect(await splitWords(tables)).toEqual([]);
	await expectNoSeriousA11yViolations(page);

	await page.setViewportSize(PHONE);
	await expect.poll(() => scrolling(page)).toContain(true);
	expect(await splitWords(tables)).toEqual([]);
	expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
	const box = page.locator('.doc-body .tableWrapper').first();
	await box.focus();
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => box.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
	await page.screenshot({ path: test.info().outputPath('version-table-390.png'), fullPage: true });
	await expectNoSeriousA11yViolations(page);
});
