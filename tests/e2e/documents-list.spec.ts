import { test, expect, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';

// A network's documents list, grown past one page, read page by page: every
// document reached once, filters kept from page to page, the count in the
// heading true, and the links working without JavaScript. The network and
// its facilitator are this spec's own, so the demo network's record and
// lists stay as the other specs expect them.

const run = Date.now().toString(36);
const MINUTES = 51;
const FREE = 2;

/** The titles listed on the page, in order. */
const listed = (page: Page) => page.getByRole('region', { name: /Elenco/ }).getByRole('listitem').getByRole('link').allTextContents();

test.describe.configure({ mode: 'serial' });

let networkUrl = '';
let cookies: Awaited<ReturnType<import('@playwright/test').BrowserContext['cookies']>> = [];

test('a facilitator’s network grows past one page of documents', async ({ page, baseURL }) => {
	// Hydration rewrites the fields' values: typing before it ends would be lost.
	await page.goto('/signup', { waitUntil: 'networkidle' });
	await page.getByLabel('Nome e cognome').fill('Chiara Elenchi');
	await page.getByLabel('Organizzazione').fill('Ufficio di piano');
	await page.getByLabel('Email').fill(`chiara.${run}@trama.test`);
	await page.getByLabel('Password').fill('una frase lunga e sicura');
	await page.getByRole('button', { name: 'Crea account' }).click();
	await page.getByRole('link', { name: 'Crea una rete' }).click();
	await page.getByLabel('Nome della rete').fill(`Rete con molti verbali ${run}`);
	await page.getByLabel('Ambito territoriale').fill('Ambito FR-B, Cassino');
	await page.getByLabel('Fase del processo').selectOption('mapping');
	await page.getByRole('button', { name: 'Crea la rete' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Rete con molti verbali ${run}` })).toBeVisible();
	networkUrl = new URL(page.url()).pathname;
	cookies = await page.context().cookies();

	// Through the page's own form action, as a browser without JavaScript posts it.
	for (let i = 1; i <= MINUTES + FREE; i++) {
		const response = await page.request.post(`${networkUrl}/documents?/create`, {
			form: { title: `Verbale n. ${i}`, kind: i > MINUTES ? 'free' : 'minutes' },
			headers: { origin: baseURL!, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status(), `document ${i}`).toBe(303);
	}
});

test('the list shows fifty documents, the true count, and pages forwards and back', async ({ page }, testInfo) => {
	await page.context().addCookies(cookies);
	await page.goto(`${networkUrl}/documents`);
	await expect(page.getByRole('heading', { level: 2, name: `Elenco (${MINUTES + FREE})` })).toBeVisible();
	const first = await listed(page);
	expect(first).toHaveLength(50);
	const pages = page.getByRole('navigation', { name: 'Pagine dell’elenco' });
	await expect(pages).toContainText(`Documenti 1–50 di ${MINUTES + FREE}`);
	await expect(pages.getByRole('link', { name: 'Documenti precedenti' })).toHaveCount(0);
	await expectNoSeriousA11yViolations(page);
	await page.screenshot({ path: testInfo.outputPath('documents-list-1280.png'), fullPage: true });
	await page.setViewportSize({ width: 360, height: 740 });
	await expectNoSeriousA11yViolations(page);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await pages.scrollIntoViewIfNeeded();
	await page.screenshot({ path: testInfo.outputPath('documents-list-360.png') });
	await page.setViewportSize({ width: 1280, height: 720 });

	await pages.getByRole('link', { name: 'Mostra altri documenti' }).click();
	await expect(pages).toContainText(`Documenti 51–${MINUTES + FREE} di ${MINUTES + FREE}`);
	expect(page.url()).toContain('after=');
	const second = await listed(page);
	expect(second).toHaveLength(MINUTES + FREE - 50);
	// Each created document once, across the two pages.
	const titles = Array.from({ length: MINUTES + FREE }, (_, i) => `Verbale n. ${i + 1}`);
	expect([...first, ...second].sort()).toEqual(titles.sort());
	await expect(pages.getByRole('link', { name: 'Mostra altri documenti' })).toHaveCount(0);

	await pages.getByRole('link', { name: 'Documenti precedenti' }).click();
	await expect(pages).toContainText(`Documenti 1–50 di ${MINUTES + FREE}`);
	expect(await listed(page)).toEqual(first);
});

test('a filter is kept from page to page and counted on its own', async ({ page }) => {
	await page.context().addCookies(cookies);
	await page.goto(`${networkUrl}/documents`);
	await page.getByLabel('Tipo', { exact: true }).selectOption('minutes');
	await page.getByRole('button', { name: 'Cerca' }).click();
	await expect(page.getByRole('heading', { level: 2, name: `Elenco (${MINUTES})` })).toBeVisible();
	const first = await listed(page);
	await page.getByRole('link', { name: 'Mostra altri documenti' }).click();
	await expect(page.getByRole('navigation', { name: 'Pagine dell’elenco' })).toContainText(`Documenti 51–${MINUTES} di ${MINUTES}`);
	expect(new URL(page.url()).searchParams.get('kind')).toBe('minutes');
	await expect(page.getByLabel('Tipo', { exact: true })).toHaveValue('minutes');
	// The minutes, each once; the free documents are not among them.
	const titles = Array.from({ length: MINUTES }, (_, i) => `Verbale n. ${i + 1}`);
	expect([...first, ...(await listed(page))].sort()).toEqual(titles.sort());
});

test('the pages work without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	try {
		await context.addCookies(cookies);
		const page = await context.newPage();
		await page.goto(`${networkUrl}/documents`);
		await page.getByRole('link', { name: 'Mostra altri documenti' }).click();
		await expect(page.getByRole('navigation', { name: 'Pagine dell’elenco' })).toContainText(
			`Documenti 51–${MINUTES + FREE} di ${MINUTES + FREE}`
		);
		expect(await listed(page)).toHaveLength(MINUTES + FREE - 50);
	} finally {
		await context.close();
	}
});
