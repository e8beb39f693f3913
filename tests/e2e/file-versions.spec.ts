import { test, expect, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { DEMO_NETWORK, DEMO_PEOPLE, signIn, type Person } from './support/demo.ts';
import { pdf, png } from '../unit/files/samples.ts';
import { signUp } from './support/sign-up.ts';
import { fileUrls, FILE_NAME_HEADER, type UploadedFile } from '../../src/lib/files/api.ts';

// Marco (editor) uploads a PDF and an image, sees both previewed on their
// pages, uploads a new version of the image through the page while its
// progress bar moves, cancels another, and brings the first version back;
// Paolo (viewer) reads and downloads the same page but is offered no upload.

const run = Date.now().toString(36);
const networkId = DEMO_NETWORK.split('/').pop()!;
const firstImage = png(48, 32, [13, 92, 99]);
// Uncompressible and about 600 KB: slow enough, throttled, to watch it go.
const secondImage = png(360, 560, 'noise');
const thirdImage = png(20, 20, [164, 34, 27]);

test.describe.configure({ mode: 'serial' });

let marco: Person;
let paolo: Person;
let pdfFile: UploadedFile;
let imageFile: UploadedFile;

/** An upload as the page's own script sends it: the raw bytes, the name in a header. */
async function upload(page: Page, name: string, body: Buffer): Promise<UploadedFile> {
	const response = await page.request.post(fileUrls.upload(networkId), {
		data: body,
		headers: { [FILE_NAME_HEADER]: encodeURIComponent(name), 'content-type': 'application/octet-stream', accept: 'application/json' }
	});
	expect(response.status(), await response.text()).toBe(201);
	return ((await response.json()) as { file: UploadedFile }).file;
}

const filePage = (file: UploadedFile) => `${DEMO_NETWORK}/files/${file.id}`;

/** Slows the browser's uploads to about 256 KB/s, or lifts the limit. */
async function throttleUploads(page: Page, bytesPerSecond: number) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.emulateNetworkConditions', {
		offline: false,
		latency: 0,
		downloadThroughput: -1,
		uploadThroughput: bytesPerSecond
	});
	return cdp;
}

test.beforeAll(async ({ browser }) => {
	marco = await signIn(browser, DEMO_PEOPLE.marco.email);
	paolo = await signIn(browser, DEMO_PEOPLE.paolo.email, { width: 360, height: 740 });
	pdfFile = await upload(marco.page, `Avviso pubblico ${run}.pdf`, pdf(`Avviso pubblico ${run}`));
	imageFile = await upload(marco.page, `Lavagna del tavolo ${run}.png`, firstImage);
});
test.afterAll(async () => {
	await marco?.context.close();
	await paolo?.context.close();
});

test('a PDF is shown in the page, sent inline as a PDF, with its details', async ({}, testInfo) => {
	const { page } = marco;
	const served = page.waitForResponse((r) => r.url().includes(`/api/files/${pdfFile.id}`) && r.url().includes('inline=1'));
	await page.goto(filePage(pdfFile));
	await expect(page.getByRole('heading', { level: 1, name: `Avviso pubblico ${run}.pdf` })).toBeVisible();
	const response = await served;
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toMatch(/^application\/pdf/);
	expect(response.headers()['content-disposition']).toMatch(/^inline/);
	await expect(page.locator(`iframe[title="Avviso pubblico ${run}.pdf"]`)).toBeVisible();
	await expect(page.getByRole('link', { name: 'scaricalo per aprirlo' })).toBeVisible();

	const details = page.locator('dl');
	await expect(details).toContainText('Documento PDF');
	await expect(details).toContainText('Marco Ferri');
	await expect(page.getByRole('link', { name: 'Tutti i file' })).toHaveAttribute('href', `${DEMO_NETWORK}/files`);
	await expectNoSeriousA11yViolations(page);
	await page.screenshot({ path: testInfo.outputPath('pdf-laptop.png'), fullPage: true });
});

test('an image is shown in the page, loaded, with its name as its text', async ({}, testInfo) => {
	const { page } = marco;
	await page.goto(filePage(imageFile));
	const image = page.getByRole('img', { name: `Lavagna del tavolo ${run}.png` });
	await expect(image).toBeVisible();
	await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(48);
	await expect(page.locator('dl')).toContainText('Immagine');
	await expect(page.getByRole('heading', { name: /Versione 1/ })).toBeVisible();
	await expectNoSeriousA11yViolations(page);
	await page.screenshot({ path: testInfo.outputPath('image-laptop.png'), fullPage: true });
});

test('a new version goes up with a progress bar; a cancelled one leaves nothing', async ({}, testInfo) => {
	const { page } = marco;
	await page.goto(filePage(imageFile), { waitUntil: 'networkidle' });
	const cdp = await throttleUploads(page, 256 * 1024);
	const picker = page.getByLabel('File della nuova versione');

	// Cancelled halfway: the page says so and the file keeps one version.
	await picker.setInputFiles({ name: 'lavagna-annullata.png', mimeType: 'image/png', buffer: secondImage });
	await page.getByRole('button', { name: 'Carica la nuova versione' }).click();
	const cancel = page.getByRole('button', { name: 'Annulla il caricamento' });
	await expect(cancel).toBeFocused();
	await cancel.click();
	await expect(page.getByRole('status').filter({ hasText: 'Caricamento annullato.' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Carica la nuova versione' })).toBeFocused();
	await page.reload();
	await expect(page.getByRole('heading', { name: /^Versioni/ })).toContainText('(1)');

	await picker.setInputFiles({ name: `Lavagna del tavolo ${run} (foto).png`, mimeType: 'image/png', buffer: secondImage });
	await page.getByRole('button', { name: 'Carica la nuova versione' }).click();
	const progress = page.getByRole('progressbar', { name: /Caricamento di «Lavagna del tavolo/ });
	await expect(progress).toBeVisible();
	// Part of the way there: more than nothing, less than all of it.
	await expect
		.poll(async () => Number(await progress.getAttribute('value')))
		.toBeGreaterThan(0);
	expect(Number(await progress.getAttribute('value'))).toBeLessThan(secondImage.length);
	await page.screenshot({ path: testInfo.outputPath('uploading-laptop.png') });
	await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

	await expect(page.getByRole('status').filter({ hasText: 'Nuova versione caricata: è la versione 2.' })).toBeVisible({
		timeout: 30_000
	});
	await expect(progress).toHaveCount(0);
	const image = page.getByRole('img', { name: `Lavagna del tavolo ${run}.png` });
	await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(360);
	const latest = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Versione 2/ }) });
	await expect(latest).toContainText('attuale');
	await expect(latest).toContainText(`Lavagna del tavolo ${run} (foto).png`);
});

test('restoring version 1 makes it version 3, and its bytes are served again', async ({}, testInfo) => {
	const { page } = marco;
	await page.goto(filePage(imageFile), { waitUntil: 'networkidle' });
	await page.getByLabel('Ripristina la versione 1').click();
	await expect(page.getByRole('status').filter({ hasText: 'Versione 1 ripristinata: ora è la versione 3.' })).toBeVisible();
	await expect(page.getByLabel('Ripristina la versione 1')).toBeFocused();

	const restored = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Versione 3/ }) });
	await expect(restored).toContainText('ripristinata dalla versione 1');
	await expect(restored).toContainText('attuale');
	const image = page.getByRole('img', { name: `Lavagna del tavolo ${run}.png` });
	await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(48);

	const current = await page.request.get(fileUrls.content(imageFile.id));
	expect(current.status()).toBe(200);
	expect(Buffer.from(await current.body()).equals(firstImage)).toBe(true);
	await expectNoSeriousA11yViolations(page);
	await page.screenshot({ path: testInfo.outputPath('restored-laptop.png'), fullPage: true });
});

test('a viewer reads and downloads every version, and is offered no upload nor restore', async ({}, testInfo) => {
	const { page } = paolo;
	await page.goto(filePage(imageFile));
	await expect(page.getByRole('heading', { level: 1, name: `Lavagna del tavolo ${run}.png` })).toBeVisible();
	await expect(page.getByText('Caricare nuove versioni e ripristinarle spetta ai redattori')).toBeVisible();
	await expect(page.getByLabel('File della nuova versione')).toHaveCount(0);
	await expect(page.getByText('Ripristina', { exact: true })).toHaveCount(0);

	const second = page.getByRole('link', { name: 'Scarica la versione 2' });
	const download = await page.request.get((await second.getAttribute('href'))!);
	expect(download.status()).toBe(200);
	expect(download.headers()['content-disposition']).toMatch(/^attachment/);
	expect(Buffer.from(await download.body()).equals(secondImage)).toBe(true);

	// Sent anyway, as the page's script would: the database refuses it.
	const first = new URL((await page.getByRole('link', { name: 'Scarica la versione 1' }).getAttribute('href'))!, page.url());
	const restore = await page.request.post(`${filePage(imageFile)}?/restore`, {
		form: { version: first.searchParams.get('version')! },
		headers: { origin: new URL(page.url()).origin, 'x-sveltekit-action': 'true' }
	});
	expect(await restore.json()).toMatchObject({ type: 'failure', status: 403 });
	await page.reload();
	await expect(page.getByRole('heading', { name: /^Versioni/ })).toContainText('(3)');
	await expectNoSeriousA11yViolations(page);
	await page.screenshot({ path: testInfo.outputPath('viewer-phone.png'), fullPage: true });
});

test('without JavaScript, a new version is a form post and a restore is one too', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	await context.addCookies(await marco.context.cookies());
	const page = await context.newPage();
	try {
		await page.goto(filePage(imageFile));
		const send = page.getByRole('button', { name: 'Carica la nuova versione' });

		// Nothing chosen: the endpoint sends the page back with the reason.
		await send.click();
		await expect(page.getByRole('alert')).toContainText('manca il file');
		await expect(page.getByLabel('File della nuova versione')).toHaveAttribute('aria-invalid', 'true');

		await page
			.getByLabel('File della nuova versione')
			.setInputFiles({ name: 'lavagna-senza-script.png', mimeType: 'image/png', buffer: thirdImage });
		await send.click();
		await expect(page).toHaveURL(/\?uploaded=1$/);
		await expect(page.getByRole('status').filter({ hasText: 'Nuova versione caricata.' })).toBeVisible();
		await expect(page.getByRole('heading', { name: /^Versioni/ })).toContainText('(4)');

		await page.getByLabel('Ripristina la versione 2').click();
		await expect(page.getByRole('status').filter({ hasText: 'Versione 2 ripristinata: ora è la versione 5.' })).toBeVisible();
		const restored = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Versione 5/ }) });
		await expect(restored).toContainText('ripristinata dalla versione 2');
		const current = await page.request.get(fileUrls.content(imageFile.id));
		expect(Buffer.from(await current.body()).equals(secondImage)).toBe(true);
	} finally {
		await context.close();
	}
});

test('someone outside the network is refused the page, the bytes and a new version', async ({ browser }) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	try {
		await page.goto('/signup', { waitUntil: 'networkidle' });
		await signUp(page, { name: 'Esterno Test', organisation: 'Altra rete', email: `esterno.file.${run}@altro.test` });
		await expect(page.getByRole('heading', { name: 'Le mie reti' })).toBeVisible();

		const response = await page.goto(filePage(imageFile));
		expect(response?.status()).toBe(403);
		await expect(page.getByRole('heading', { name: 'Accesso negato' })).toBeVisible();
		await expect(page.getByText('Non fai parte di questa rete')).toBeVisible();

		const bytes = await page.request.get(fileUrls.content(imageFile.id, { inline: true }));
		expect(bytes.status()).toBe(403);
		expect(await bytes.json()).toMatchObject({ error: { code: 'forbidden' } });
		const version = await page.request.post(fileUrls.newVersion(imageFile.id), {
			data: thirdImage,
			headers: { [FILE_NAME_HEADER]: 'intruso.png', accept: 'application/json' }
		});
		expect(version.status()).toBe(404);
		expect(await version.json()).toMatchObject({ error: { code: 'not_found' } });
	} finally {
		await context.close();
	}
});

test('a file that does not exist is a 404 page', async () => {
	const response = await marco.page.goto(`${DEMO_NETWORK}/files/00000000-0000-4000-8000-000000000000`);
	expect(response?.status()).toBe(404);
	await expect(marco.page.getByText('Questo file non esiste')).toBeVisible();
});
