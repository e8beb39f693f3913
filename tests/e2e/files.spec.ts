import { rm, writeFile } from 'node:fs/promises';
import { test, expect, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { DEMO_NETWORK, DEMO_PEOPLE, signIn } from './support/demo.ts';
// Built from their specifications for the detector's own tests: the server reads real bytes.
import { pdf, png } from '../unit/files/samples.ts';

// The demo network's file space: an editor uploads into a folder of this
// run's own (so re-runs do not collide), bins a file and restores it; a
// viewer downloads but cannot upload; a stranger to the network is refused.

const run = Date.now().toString(36);
const FOLDER = `Tavolo lavoro ${run}`;
const PDF = `Avviso pubblico ${run}.pdf`;
const PNG = `Lavagna ${run}.png`;
const NOTE = `Appunti ${run}.txt`;
const LIVE = `Foto dal vivo ${run}.png`;

test.describe.configure({ mode: 'serial' });

let folderUrl = '';
let pdfDownload = '';

/** The folder's contents: the region named by its heading, "<folder> (N file)". */
const IN_FOLDER = new RegExp(`^${FOLDER} \\(`);
const listed = (page: Page) => page.getByRole('region', { name: IN_FOLDER });
/** Where a script uploads a file into this run's folder. */
const uploadUrl = () => `/api/networks/${DEMO_NETWORK.split('/').pop()}/files?folder=${new URL(folderUrl).searchParams.get('folder')}`;

test('an editor uploads two files at once, each with its progress, and finds both listed', async ({ browser }, testInfo) => {
	const { page, context } = await signIn(browser, DEMO_PEOPLE.marco.email);
	try {
		await page.goto(`${DEMO_NETWORK}/files`, { waitUntil: 'networkidle' });
		await page.locator('summary', { hasText: 'Nuova cartella' }).click();
		await page.getByLabel('Nome della cartella', { exact: true }).fill(FOLDER);
		await page.getByRole('button', { name: 'Crea la cartella' }).click();
		await expect(page.getByRole('status')).toContainText(`Cartella «${FOLDER}» creata.`);
		await page.getByRole('link', { name: FOLDER }).click();
		await expect(page.getByRole('heading', { level: 2, name: IN_FOLDER })).toBeVisible();
		await expect(page.getByText('Questa cartella è vuota.')).toBeVisible();
		folderUrl = page.url();

		// The requests are held until both progress bars have been seen: on loopback they would end at once.
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/api/networks/*/files*', async (route) => {
			await held;
			await route.continue();
		});
		await page.getByLabel('Scegli i file da caricare').setInputFiles([
			{ name: PDF, mimeType: 'application/pdf', buffer: pdf() },
			// The browser's claim is wrong on purpose: the server reads the bytes.
			{ name: PNG, mimeType: 'application/octet-stream', buffer: png() }
		]);
		const uploads = page.getByRole('list', { name: 'Caricamenti' });
		await expect(uploads.getByRole('progressbar', { name: `Caricamento di «${PDF}»` })).toBeVisible();
		await expect(uploads.getByRole('progressbar', { name: `Caricamento di «${PNG}»` })).toBeVisible();
		await expect(uploads.getByRole('button', { name: `Annulla ${PDF}` })).toBeVisible();
		await page.screenshot({ path: testInfo.outputPath('files-uploading-1280.png'), fullPage: true });
		release();

		await expect(uploads.getByText('Caricato.')).toHaveCount(2);
		await expect(uploads.getByRole('progressbar')).toHaveCount(0);
		const list = listed(page);
		await expect(list.getByRole('link', { name: PDF, exact: true })).toBeVisible();
		await expect(list.getByRole('link', { name: PNG, exact: true })).toBeVisible();
		await expect(list.getByRole('listitem').filter({ hasText: PDF })).toContainText('PDF');
		await expect(list.getByRole('listitem').filter({ hasText: PNG })).toContainText('Immagine');
		await expect(list.getByRole('listitem').filter({ hasText: PNG })).toContainText('Caricato da Marco Ferri');
		pdfDownload = (await list.getByRole('link', { name: `Scarica ${PDF}` }).getAttribute('href')) ?? '';
		expect(pdfDownload).toMatch(/^\/api\/files\//);

		// Over the limit (50 MB by default): refused at once, in words, without sending a byte.
		const huge = testInfo.outputPath(`Troppo grande ${run}.zip`);
		await writeFile(huge, Buffer.alloc(50 * 1024 * 1024 + 1));
		const sent: string[] = [];
		page.on('request', (request) => {
			if (request.method() === 'POST' && request.url().includes('/api/')) sent.push(request.url());
		});
		await page.getByLabel('Scegli i file da caricare').setInputFiles(huge);
		await expect(uploads.getByRole('listitem').filter({ hasText: `Troppo grande ${run}.zip` })).toContainText(
			'Non caricato: Il file supera il limite di 50 MB per caricamento.'
		);
		expect(sent).toEqual([]);
		await rm(huge);

		// Dropped anywhere on the page, a file goes to the folder shown.
		const dropped = await page.evaluateHandle((name) => {
			const transfer = new DataTransfer();
			transfer.items.add(new File(['Appunti del tavolo'], name, { type: 'text/plain' }));
			return transfer;
		}, NOTE);
		await page.locator('main').dispatchEvent('dragenter', { dataTransfer: dropped });
		await expect(page.getByText('Rilascia i file per caricarli qui.')).toBeVisible();
		await page.locator('main').dispatchEvent('drop', { dataTransfer: dropped });
		await expect(list.getByRole('link', { name: NOTE, exact: true })).toBeVisible();
		await expect(uploads.getByText('Caricato.')).toHaveCount(3);
		expect(sent).toHaveLength(1);

		await page.getByRole('button', { name: 'Togli dall’elenco i caricamenti finiti' }).click();
		await expect(uploads).toHaveCount(0);
		await expectNoSeriousA11yViolations(page);
		await page.screenshot({ path: testInfo.outputPath('files-1280.png'), fullPage: true });
		await page.setViewportSize({ width: 360, height: 740 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		await expectNoSeriousA11yViolations(page);
		await page.screenshot({ path: testInfo.outputPath('files-360.png'), fullPage: true });
	} finally {
		await context.close();
	}
});

test('an editor moves a file to the bin and restores it from there', async ({ browser }, testInfo) => {
	const { page, context } = await signIn(browser, DEMO_PEOPLE.marco.email);
	try {
		await page.goto(folderUrl, { waitUntil: 'networkidle' });
		const row = listed(page).getByRole('listitem').filter({ hasText: PNG });
		await row.locator('summary', { hasText: 'Rinomina, sposta, elimina' }).click();
		await row.getByRole('button', { name: `Sposta nel cestino ${PNG}` }).click();
		const status = page.getByRole('status').filter({ hasText: 'spostato nel cestino' });
		await expect(status).toContainText(`«${PNG}» spostato nel cestino. Ci resta 30 giorni`);
		// Focus moves to what happened, since the control used is gone with its file.
		await expect(status).toBeFocused();
		await expect(listed(page).getByRole('link', { name: PNG, exact: true })).toHaveCount(0);

		await status.getByRole('link', { name: 'Apri il cestino' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Cestino' })).toBeVisible();
		const binned = page.getByRole('listitem').filter({ hasText: PNG });
		await expect(binned).toContainText(`Era in «${FOLDER}»`);
		await expect(binned).toContainText('Spostato nel cestino da Marco Ferri');
		await expect(binned).toContainText('Eliminato definitivamente tra 29 giorni');
		// Deleting for good is the facilitators'.
		await expect(binned.getByRole('button', { name: /^Elimina definitivamente/ })).toHaveCount(0);
		await expectNoSeriousA11yViolations(page);
		await page.screenshot({ path: testInfo.outputPath('files-bin-1280.png'), fullPage: true });
		await page.setViewportSize({ width: 360, height: 740 });
		await expectNoSeriousA11yViolations(page);
		await page.screenshot({ path: testInfo.outputPath('files-bin-360.png'), fullPage: true });

		await binned.getByRole('button', { name: `Ripristina ${PNG}` }).click();
		await expect(page.getByRole('status')).toContainText(`File ripristinato: «${PNG}».`);
		await expect(page.getByRole('listitem').filter({ hasText: PNG })).toHaveCount(0);
		await page.goto(folderUrl);
		await expect(listed(page).getByRole('link', { name: PNG, exact: true })).toBeVisible();
	} finally {
		await context.close();
	}
});

test('without JavaScript, the same forms upload a file and rename it', async ({ browser }) => {
	const { context } = await signIn(browser, DEMO_PEOPLE.marco.email);
	const cookies = await context.cookies();
	await context.close();
	const noScript = await browser.newContext({ javaScriptEnabled: false });
	try {
		await noScript.addCookies(cookies);
		const page = await noScript.newPage();
		await page.goto(folderUrl);
		await page.getByLabel('Scegli i file da caricare').setInputFiles({
			name: `Verbale ${run}.pdf`,
			mimeType: 'application/pdf',
			buffer: pdf()
		});
		await page.getByRole('button', { name: 'Carica', exact: true }).click();
		await expect(page.getByRole('status')).toHaveText('File caricati: 1.');
		// Back in the same folder.
		const row = listed(page).getByRole('listitem').filter({ hasText: `Verbale ${run}.pdf` });
		await expect(row).toContainText('PDF');

		await row.locator('summary', { hasText: 'Rinomina, sposta, elimina' }).click();
		await row.getByLabel('Nuovo nome del file').fill(`Verbale firmato ${run}.pdf`);
		await row.getByRole('button', { name: 'Rinomina' }).click();
		await expect(page.getByRole('status')).toHaveText(`Nome cambiato: ora il file si chiama «Verbale firmato ${run}.pdf».`);
		await expect(listed(page).getByRole('link', { name: `Verbale firmato ${run}.pdf`, exact: true })).toBeVisible();
	} finally {
		await noScript.close();
	}
});

test('a viewer downloads a file but is offered no upload, and the server refuses one anyway', async ({ browser, baseURL }) => {
	const { page, context } = await signIn(browser, DEMO_PEOPLE.paolo.email);
	try {
		await page.goto(folderUrl, { waitUntil: 'networkidle' });
		await expect(listed(page).getByRole('link', { name: PDF, exact: true })).toBeVisible();
		await expect(page.getByText('Hai il ruolo di Lettore: puoi vedere e scaricare i file')).toBeVisible();
		await expect(page.getByLabel('Scegli i file da caricare')).toHaveCount(0);
		await expect(page.locator('summary', { hasText: 'Rinomina, sposta, elimina' })).toHaveCount(0);
		await expect(page.locator('summary', { hasText: 'Nuova cartella' })).toHaveCount(0);

		const download = await page.request.get(pdfDownload);
		expect(download.status()).toBe(200);
		expect(download.headers()['content-disposition']).toMatch(/^attachment/);
		expect(download.headers()['x-content-type-options']).toBe('nosniff');
		expect(download.headers()['content-type']).toMatch(/^application\/pdf/);
		expect((await download.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

		const upload = await page.request.post(uploadUrl(), {
			headers: { 'x-file-name': encodeURIComponent('Intruso.pdf'), origin: baseURL!, accept: 'application/json' },
			data: pdf()
		});
		expect(upload.status()).toBe(403);
		expect(await upload.json()).toMatchObject({
			error: { code: 'forbidden', message: 'Non hai il permesso di farlo in questa rete.' }
		});
		await page.reload();
		await expect(listed(page).getByRole('link', { name: 'Intruso.pdf' })).toHaveCount(0);
	} finally {
		await context.close();
	}
});

test('a file someone else uploads appears in the open folder by itself, and is announced', async ({ browser, baseURL }) => {
	const viewer = await signIn(browser, DEMO_PEOPLE.paolo.email);
	const editor = await signIn(browser, DEMO_PEOPLE.marco.email);
	try {
		await viewer.page.goto(folderUrl, { waitUntil: 'networkidle' });
		const upload = await editor.page.request.post(uploadUrl(), {
			headers: { 'x-file-name': encodeURIComponent(LIVE), origin: baseURL!, accept: 'application/json' },
			data: png()
		});
		expect(upload.status()).toBe(201);
		await expect(listed(viewer.page).getByRole('link', { name: LIVE, exact: true })).toBeVisible();
		await expect(listed(viewer.page).locator('[aria-live="polite"]')).toHaveText(`Nuovo file: «${LIVE}».`);
	} finally {
		await viewer.context.close();
		await editor.context.close();
	}
});

test('a stranger to the network is refused the files page and the download', async ({ browser }) => {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		await page.goto('/signup', { waitUntil: 'networkidle' });
		await page.getByLabel('Nome e cognome').fill('Esterna File');
		await page.getByLabel('Organizzazione').fill('Altra rete');
		await page.getByLabel('Email').fill(`esterna.file.${run}@altro.test`);
		await page.getByLabel('Password').fill('una frase lunga e sicura');
		await page.getByRole('button', { name: 'Crea account' }).click();
		await expect(page.getByRole('heading', { name: 'Le mie reti' })).toBeVisible();

		const response = await page.goto(folderUrl);
		expect(response?.status()).toBe(403);
		await expect(page.getByText('Non fai parte di questa rete')).toBeVisible();
		await expect(page.getByText(PDF)).toHaveCount(0);

		// The database refuses the stranger: the file exists, but not for them.
		const download = await page.request.get(pdfDownload);
		expect(download.status()).toBe(403);
		expect(await download.json()).toMatchObject({
			error: { code: 'forbidden', message: 'Non hai il permesso di farlo in questa rete.' }
		});
	} finally {
		await context.close();
	}
});
