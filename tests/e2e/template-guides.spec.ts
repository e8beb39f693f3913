import { readFile } from 'node:fs/promises';
import { test, expect, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { DEMO_NETWORK, signIn, type Person } from './support/demo.ts';
import { documentText as text, editorConnected as connected } from './support/document-page.ts';
import { unzip } from '../unit/documents/zip.ts';

// A template's guides are hints, not text (issue 16): a new document shows
// each section's guide as a placeholder in its empty paragraph; typing there
// makes it vanish, the typed words are not italic, and no guide reaches the
// DOCX export, the Markdown export or the print view.

const run = Date.now().toString(36);
const PREMESSE_GUIDE = 'Il quadro normativo (art. 55 del D.Lgs. 117/2017, DM 72/2021, leggi regionali)';
const DURATA_GUIDE = 'Da quando vale il patto, per quanto tempo';
const TYPED = `Il patto nasce dall’avviso pubblico del Comune ${run}`;

/** The empty paragraph showing the guide that starts with these words. */
const hint = (page: Page, guide: string) => text(page).locator(`p.is-empty[data-placeholder^="${guide}"]`);

/** WCAG's contrast ratio between the hint's colour and the white page under it. */
async function hintContrast(paragraph: Locator): Promise<number> {
	return paragraph.evaluate((element) => {
		const luminance = (css: string) => {
			const [r, g, b] = css.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((c) => Number(c) / 255);
			const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
			return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
		};
		let under: Element | null = element;
		while (under && getComputedStyle(under).backgroundColor === 'rgba(0, 0, 0, 0)') under = under.parentElement;
		const background = under ? getComputedStyle(under).backgroundColor : 'rgb(255, 255, 255)';
		const [light, dark] = [luminance(background), luminance(getComputedStyle(element, '::before').color)].sort((a, b) => b - a);
		return (light + 0.05) / (dark + 0.05);
	});
}

test.describe('a new pact', () => {
	test.describe.configure({ mode: 'serial' });
	let giulia: Person;
	let documentUrl = '';
	test.beforeAll(async ({ browser }) => {
		giulia = await signIn(browser, 'giulia.rinaldi@trama.test');
	});
	test.afterAll(async () => {
		await giulia.context.close();
	});

	test('shows each empty section’s guide as a placeholder, in enough contrast, not as words of the text', async () => {
		const { page } = giulia;
		await page.goto(`${DEMO_NETWORK}/documents`);
		await page.getByLabel('Titolo').fill(`Patto con guide ${run}`);
		await page.getByLabel('Tipo di documento').selectOption('community_pact');
		await page.getByRole('button', { name: 'Crea il documento' }).click();
		await expect(page.getByRole('heading', { level: 1, name: `Patto con guide ${run}` })).toBeVisible();
		await connected(page);
		documentUrl = new URL(page.url()).pathname;

		const premesse = hint(page, PREMESSE_GUIDE);
		await expect(premesse).toBeVisible();
		await expect(hint(page, DURATA_GUIDE)).toBeVisible();
		await expect(text(page).locator('p.is-empty:not([data-placeholder=""])')).toHaveCount(8);
		expect(await premesse.evaluate((p) => getComputedStyle(p, '::before').content)).toContain(PREMESSE_GUIDE);
		await expect(text(page)).not.toContainText(PREMESSE_GUIDE);
		expect(await hintContrast(premesse)).toBeGreaterThanOrEqual(4.5);
		await expectNoSeriousA11yViolations(page);

		// The same new document on a phone.
		await page.setViewportSize({ width: 390, height: 844 });
		await premesse.evaluate((p) => p.scrollIntoView({ block: 'center' }));
		await expect(premesse).toBeVisible();
		await expectNoSeriousA11yViolations(page);
		await page.screenshot({ path: test.info().outputPath('template-guides-new-390.png') });
		await page.setViewportSize({ width: 1280, height: 800 });
	});

	test('replaces a placeholder with the words typed there, which are not italic', async () => {
		const { page } = giulia;
		const premesse = hint(page, PREMESSE_GUIDE);
		// The hint stays while the caret waits in its paragraph, and goes with the first letter.
		await premesse.click();
		await premesse.evaluate((p) => p.scrollIntoView({ block: 'center' }));
		await expect(premesse).toBeVisible();
		await page.screenshot({ path: test.info().outputPath('template-guides-1280.png') });
		await page.keyboard.type(TYPED);
		const written = text(page).locator('p', { hasText: TYPED });
		await expect(written).toBeVisible();
		await expect(written).not.toHaveAttribute('data-placeholder', /./);
		await expect(text(page).locator(`[data-placeholder^="${PREMESSE_GUIDE}"]`)).toHaveCount(0);
		expect(await written.evaluate((p) => getComputedStyle(p).fontStyle)).toBe('normal');
		await expect(written.locator('em, i')).toHaveCount(0);
		// A new paragraph after it is the writer's own: no hint there.
		await page.keyboard.press('Enter');
		await expect(written.locator('xpath=following-sibling::p[1]')).toHaveAttribute('data-placeholder', '');
		await expect(text(page).locator('p.is-empty:not([data-placeholder=""])')).toHaveCount(7);
		await page.keyboard.type('Seconda riga.');
		await expect(written.locator('xpath=following-sibling::p[1]')).toHaveText('Seconda riga.');
		await expect(hint(page, DURATA_GUIDE)).toBeVisible();
	});

	test('exports the typed words and no guide, in DOCX, Markdown and the print view', async () => {
		const { page } = giulia;
		// The server has the words once the Markdown export shows them.
		let markdown = '';
		await expect(async () => {
			markdown = await (await page.request.get(`${documentUrl}/export.md`)).text();
			expect(markdown).toContain('Seconda riga.');
		}).toPass({ timeout: 15_000 });
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Esporta DOCX' }).click()]);
		const xml = unzip(await readFile(await download.path())).get('word/document.xml')!;
		expect(xml).toContain(TYPED);
		expect(xml).toContain('Durata e rinnovo');
		for (const guide of [PREMESSE_GUIDE, DURATA_GUIDE]) expect(xml).not.toContain(guide);
		const print = await (await page.request.get(`${documentUrl}/print`)).text();
		for (const exported of [markdown, print]) {
			expect(exported).toContain(TYPED);
			for (const guide of [PREMESSE_GUIDE, DURATA_GUIDE]) expect(exported).not.toContain(guide);
		}
	});
});

test('a commenter on a phone sees the guides too, each within its section, with no serious accessibility violation', async ({ browser }) => {
	const anna = await signIn(browser, 'anna.colombo@trama.test', { width: 390, height: 844 });
	try {
		const { page } = anna;
		// The demo co-design document: some sections written, the others still showing their guides.
		await page.goto(`${DEMO_NETWORK}/documents/dd000000-0000-4000-8000-000000000003`);
		await connected(page);
		await expect(text(page)).toContainText('ciascuno misurabile');
		await expect(text(page)).toHaveAttribute('contenteditable', 'false');
		const destinatari = hint(page, 'Chi sono i destinatari diretti');
		await expect(destinatari).toBeVisible();
		// A guide longer than a line makes its paragraph taller, so it never runs over the next heading.
		const [paragraph, next] = await Promise.all([
			destinatari.boundingBox(),
			text(page).getByRole('heading', { name: 'Partner e ruoli' }).boundingBox()
		]);
		expect(paragraph!.height).toBeGreaterThan(60);
		expect(next!.y).toBeGreaterThanOrEqual(paragraph!.y + paragraph!.height);
		await destinatari.scrollIntoViewIfNeeded();
		await expectNoSeriousA11yViolations(page);
		await page.screenshot({ path: test.info().outputPath('template-guides-390.png') });
	} finally {
		await anna.context.close();
	}
});
