import { readFile } from 'node:fs/promises';
import { test, expect, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { DEMO_NETWORK, DEMO_PEOPLE, signIn, type Person } from './support/demo.ts';
import { commentPanel, editorConnected, selectWithMouse } from './support/document-page.ts';
import { pdf, png } from '../unit/files/samples.ts';

// Files attached to posts. Marco (editor) uploads two files from the new
// thread's form, watching each one's progress, cancels a third, and starts
// the thread with the two; Paolo (a viewer) sees them under the message and
// downloads one; Anna (a commenter, who may not upload) attaches the PDF to
// a comment by finding it by name. Two posts in all: the database allows 12
// a minute per account across the whole run.

const run = Date.now().toString(36);
/** A real PDF made `size` bytes long by a comment after its end, so that its upload lasts a while. */
const paddedPdf = (size: number) => Buffer.concat([pdf(), Buffer.from(`%${' '.repeat(size - pdf().length - 2)}\n`)]);
const PDF = { name: `Avviso pubblico ${run}.pdf`, mimeType: 'application/pdf', buffer: paddedPdf(400_000) };
const PNG = { name: `Lavagna del tavolo ${run}.png`, mimeType: 'image/png', buffer: png(320, 200) };
const CANCELLED = { name: `Bozza da non caricare ${run}.pdf`, mimeType: 'application/pdf', buffer: paddedPdf(3_000_000) };
const title = `Documenti per il bando ${run}`;
const CO_DESIGN = `${DEMO_NETWORK}/documents/dd000000-0000-4000-8000-000000000003`;

test.describe.configure({ mode: 'serial' });

let marco: Person;
let threadUrl = '';

/** What the picker says to screen readers. */
const said = (page: Page, words: string | RegExp) =>
	expect(page.getByRole('status').filter({ hasText: words })).toBeAttached();
const chips = (page: Page, count: number) => page.getByRole('list', { name: `File allegati (${count})` });

/** Slows what the browser sends, so that an upload lasts long enough to be seen and cancelled. */
async function slowUploads(page: Page, bytesPerSecond: number | null) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', {
		offline: false,
		latency: 0,
		downloadThroughput: -1,
		uploadThroughput: bytesPerSecond ?? -1
	});
}

test.beforeAll(async ({ browser }) => {
	marco = await signIn(browser, DEMO_PEOPLE.marco.email);
});
test.afterAll(async () => {
	await marco?.context.close();
});

test('an editor uploads two files from the thread form, with progress, cancels a third, and starts the thread with them', async () => {
	const { page } = marco;
	await page.goto(`${DEMO_NETWORK}/discussions`, { waitUntil: 'networkidle' });
	const form = page.getByRole('region', { name: 'Nuova discussione' });
	const upload = form.getByRole('button', { name: 'Carica un nuovo file' });
	const send = form.getByRole('button', { name: 'Avvia la discussione' });
	await form.getByLabel('Titolo').fill(title);
	await form.getByRole('combobox', { name: /Messaggio/ }).fill('In allegato l’avviso e la foto della lavagna.');

	// At 100 KB/s the PDF takes four seconds: long enough to watch, and to try sending meanwhile.
	await slowUploads(page, 100 * 1024);
	const chooser = page.waitForEvent('filechooser');
	await upload.click();
	await (await chooser).setFiles([PDF, PNG]);
	const pdfProgress = form.getByRole('progressbar', { name: `Caricamento di «${PDF.name}»` });
	await expect(pdfProgress).toBeVisible();
	await expect(form.getByText(/^\d+% di 390,6 KB$/)).toBeVisible();
	await expect(chips(page, 1)).toContainText(PNG.name);
	await page.screenshot({ path: test.info().outputPath('attachments-uploading-1280.png') });
	await send.click();
	await said(page, 'Aspetta la fine dei caricamenti, oppure annullali, prima di inviare.');
	await expect(page).toHaveURL(/\/discussions$/);

	const chosen = chips(page, 2);
	await expect(chosen).toBeVisible({ timeout: 20_000 });
	await said(page, `«${PDF.name}» caricato nello spazio file della rete e allegato.`);
	// Each with its kind and size in words.
	await expect(chosen.getByRole('listitem').filter({ hasText: PDF.name })).toContainText('PDF · 390,6 KB');
	await expect(chosen.getByRole('listitem').filter({ hasText: PNG.name })).toContainText('Immagine · 265 B');

	// A third one, cancelled halfway, leaves nothing behind.
	const third = page.waitForEvent('filechooser');
	await upload.click();
	await (await third).setFiles([CANCELLED]);
	await expect(form.getByRole('progressbar', { name: `Caricamento di «${CANCELLED.name}»` })).toBeVisible();
	await form.getByRole('button', { name: `Annulla il caricamento di «${CANCELLED.name}»` }).click();
	await said(page, `Caricamento di «${CANCELLED.name}» annullato: il file non è stato salvato.`);
	await expect(form.getByRole('progressbar')).toHaveCount(0);
	await slowUploads(page, null);
	await expect(chosen.getByRole('listitem')).toHaveCount(2);

	// Removed, the focus on the chip that takes its place; found again by name and chosen with the keyboard.
	await chosen.getByRole('button', { name: `Togli «${PNG.name}» dagli allegati` }).click();
	await said(page, `«${PNG.name}» tolto dagli allegati.`);
	await expect(form.getByRole('button', { name: `Togli «${PDF.name}» dagli allegati` })).toBeFocused();
	const search = form.getByRole('combobox', { name: 'Cerca tra i file della rete' });
	await search.fill(`lavagna ${run}`);
	await expect(page.getByRole('option', { name: new RegExp(PNG.name) })).toHaveAttribute('aria-selected', 'true');
	await search.press('Enter');
	await expect(chips(page, 2).getByRole('listitem')).toHaveCount(2);
	await expectNoSeriousA11yViolations(page);
	await page.screenshot({ path: test.info().outputPath('attachments-chosen-1280.png') });

	await send.click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	threadUrl = new URL(page.url()).pathname;

	// The cancelled file is nowhere in the network's files.
	const replySearch = page.getByRole('combobox', { name: 'Cerca tra i file della rete' });
	await replySearch.fill(`Bozza da non caricare ${run}`);
	await said(page, 'Nessun file della rete ha queste parole nel nome.');
	await replySearch.fill('');
});

test('another member sees the files under the message, the image as a picture, and downloads one', async ({ browser }) => {
	const paolo = await signIn(browser, DEMO_PEOPLE.paolo.email, { width: 360, height: 740 });
	try {
		const { page } = paolo;
		await page.goto(threadUrl);
		const files = page.getByRole('article').first().getByRole('list', { name: 'File allegati' });
		await expect(files.getByRole('link')).toHaveText([`Scarica ${PDF.name}`, `Scarica ${PNG.name}`]);
		const picture = files.getByRole('img', { name: PNG.name });
		await picture.scrollIntoViewIfNeeded();
		await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
		await expectNoSeriousA11yViolations(page);
		await page.screenshot({ path: test.info().outputPath('attachments-thread-360.png'), fullPage: true });

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			files.getByRole('link', { name: `Scarica ${PDF.name}` }).click()
		]);
		expect(download.suggestedFilename()).toBe(PDF.name);
		expect(await readFile((await download.path())!)).toEqual(PDF.buffer);
	} finally {
		await paolo.context.close();
	}
});

test('a commenter, who may not upload, attaches an existing file to a comment, kept through a refusal', async ({ browser }) => {
	const anna = await signIn(browser, DEMO_PEOPLE.anna.email);
	try {
		const { page } = anna;
		await page.goto(CO_DESIGN);
		await editorConnected(page);
		await selectWithMouse(page, 'ciascuno misurabile');
		await page.keyboard.press('Control+Alt+M');
		const composer = commentPanel(page).getByRole('form', { name: 'Nuovo commento' });
		await expect(composer.getByLabel('Il tuo commento')).toBeFocused();
		await expect(composer.getByRole('button', { name: 'Carica un nuovo file' })).toHaveCount(0);

		const search = composer.getByRole('combobox', { name: 'Cerca tra i file della rete' });
		await search.fill(`avviso ${run}`);
		const option = page.getByRole('option', { name: new RegExp(PDF.name) });
		await expect(option).toHaveAttribute('aria-selected', 'true');
		await page.keyboard.press('Enter');
		await said(page, `«${PDF.name}» allegato.`);
		await expect(search).toHaveValue('');
		await expect(chips(page, 1)).toContainText(PDF.name);

		// Refused for want of text: the file stays chosen.
		await composer.getByRole('button', { name: 'Pubblica il commento' }).click();
		await expect(composer.getByText('Scrivi il testo prima di pubblicare.')).toBeVisible();
		await expect(chips(page, 1)).toContainText(PDF.name);
		await expectNoSeriousA11yViolations(page);
		await page.screenshot({ path: test.info().outputPath('attachments-comment-1280.png') });

		await composer.getByLabel('Il tuo commento').fill(`L’avviso è quello giusto ${run}`);
		await composer.getByRole('button', { name: 'Pubblica il commento' }).click();
		const card = commentPanel(page).getByRole('article').filter({ hasText: `L’avviso è quello giusto ${run}` });
		await expect(card.getByRole('link', { name: `Scarica ${PDF.name}` })).toBeVisible();
		await expect(card).toContainText('PDF');
	} finally {
		await anna.context.close();
	}
});
