import { expect, type Page } from '@playwright/test';
import { DEMO_NETWORK } from './demo.ts';

// A document's page as people use it: its live text, the comment panel
// beside it, and words selected with the mouse to comment on.

export const documentText = (page: Page) => page.getByLabel(/^Testo del documento/);
export const commentPanel = (page: Page) => page.getByRole('complementary', { name: /^Commenti/ });
export const editorConnected = (page: Page) =>
	expect(page.getByRole('status').filter({ hasText: 'Connesso' })).toBeVisible();

/** Creates a free document in the demo network as the person on `page`, and waits for its live text; returns its address. */
export async function createFreeDocument(page: Page, title: string): Promise<string> {
	await page.goto(`${DEMO_NETWORK}/documents`);
	await page.getByLabel('Titolo').fill(title);
	await page.getByLabel('Tipo di documento').selectOption('free');
	await page.getByRole('button', { name: 'Crea il documento' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await editorConnected(page);
	return page.url();
}

/** Drags the mouse across words of the text, as a person would. */
async function dragAcross(page: Page, words: string) {
	const span = await documentText(page).evaluate((root, words) => {
		// A press inside a selection would drag its words away instead of selecting anew.
		document.getSelection()?.removeAllRanges();
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const at = node.textContent!.indexOf(words);
			if (at < 0) continue;
			node.parentElement!.scrollIntoView({ block: 'center' });
			const range = document.createRange();
			range.setStart(node, at);
			range.setEnd(node, at + words.length);
			const rects = [...range.getClientRects()];
			const first = rects[0];
			const last = rects[rects.length - 1];
			return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
		}
		throw new Error(`"${words}" is not in the text`);
	}, words);
	await page.mouse.move(span.x1, span.y1);
	await page.mouse.down();
	await page.mouse.move(span.x2, span.y2, { steps: 8 });
	await page.mouse.up();
}

/**
 * Selects words with the mouse and checks what got selected. While someone
 * types above, a line they fill can push the text down under the mouse
 * mid-drag; a person then sees the wrong words selected and selects again.
 */
export async function selectWithMouse(page: Page, words: string) {
	await expect(async () => {
		await dragAcross(page, words);
		expect(await page.evaluate(() => document.getSelection()?.toString())).toBe(words);
	}).toPass({ timeout: 15_000 });
}

/**
 * Selects words and opens the comment form on them. Remote edits arriving
 * just as the drag ends can put the editor's selection back where the mouse
 * was mid-drag; the form quotes what it will comment on, so, like a person,
 * this reads the quote and cancels and selects again if it is not the words.
 */
export async function commentOn(page: Page, words: string) {
	const composer = commentPanel(page).getByRole('form', { name: 'Nuovo commento' });
	await expect(async () => {
		await selectWithMouse(page, words);
		await page.getByRole('button', { name: 'Commenta' }).first().click();
		const quote = (await composer.getByRole('blockquote').textContent())?.trim();
		if (quote !== words) await composer.getByRole('button', { name: 'Annulla' }).click();
		expect(quote).toBe(words);
	}).toPass({ timeout: 20_000 });
	return composer;
}
