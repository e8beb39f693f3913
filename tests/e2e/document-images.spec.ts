import { test, expect, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { DEMO_NETWORK, signIn, type Person } from './support/demo.ts';
import { png } from '../unit/files/samples.ts';

// Images of the file space in the community pact: Marco (editor) uploads
// one from the image dialog and inserts it, then finds it again by name
// with the keyboard; Anna (commenter, the Comune) has the pact open and
// sees each image appear live, decoded; Paolo (viewer) sees them too but
// gets no image tool; someone outside the network is refused the bytes.
const run = Date.now().toString(36);
const PACT = `${DEMO_NETWORK}/documents/dd000000-0000-4000-8000-000000000001`;
const FILE_NAME = `lavagna_tavolo_${run}.png`;
const ALT = `Lavagna del tavolo ${run} con le tre priorità`;
const ALT_AGAIN = `Seconda copia della lavagna ${run}`;
const ALT_PASTED = `Copia incollata ${run}`;
const ALT_SCREENSHOT = `Schermata della mappa ${run}`;

const text = (page: Page) => page.getByLabel(/^Testo del documento/);
const connected = (page: Page) => expect(page.getByRole('status').filter({ hasText: 'Connesso' })).toBeVisible();
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Inserisci un’immagine' });
const imageIn = (page: Page, alt: string) => text(page).getByRole('img', { name: alt });

/** Whether the browser has the image's pixels, not just its element. */
async function expectDecoded(image: Locator) {
	await expect(image).toBeVisible();
	await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBe(160);
}

test.describe.configure({ mode: 'serial' });

let marco: Person;
let anna: Person;
let imageSrc = '';

test.beforeAll(async ({ browser }) => {
	marco = await signIn(browser, 'marco.ferri@trama.test');
	anna = await signIn(browser, 'anna.colombo@trama.test');
	for (const person of [marco, anna]) {
		await person.page.goto(PACT);
		await connected(person.page);
	}
});
test.afterAll(async () => {
	// The pact goes back to how the other specs expect it.
	await marco.page.keyboard.press('Escape');
	for (const alt of [ALT, ALT_AGAIN, ALT_PASTED, ALT_SCREENSHOT]) {
		const image = imageIn(marco.page, alt);
		if ((await image.count()) === 0) continue;
		await image.click();
		await marco.page.keyboard.press('Delete');
		await expect(imageIn(anna.page, alt)).toHaveCount(0);
	}
	await marco.context.close();
	await anna.context.close();
});

test('an editor uploads an image from the dialog, describes it and inserts it; a commenter sees it arrive', async () => {
	const { page } = marco;
	await text(page).click();
	await page.keyboard.press('Control+End');
	await page.getByRole('toolbar').getByRole('button', { name: 'Immagine' }).click();
	await expect(dialog(page)).toBeVisible();
	await expect(dialog(page).getByRole('combobox', { name: 'Cerca tra le immagini della rete' })).toBeFocused();
	await expectNoSeriousA11yViolations(page);

	// Inserting before choosing says what is missing.
	await dialog(page).getByRole('button', { name: 'Inserisci' }).click();
	await expect(dialog(page).getByText('Scegli un’immagine dall’elenco, oppure caricane una nuova.')).toBeVisible();

	await dialog(page).locator('input[type=file]').setInputFiles({ name: FILE_NAME, mimeType: 'image/png', buffer: png(160, 90) });
	await expect(dialog(page).getByRole('status').filter({ hasText: `«${FILE_NAME}» è stata caricata` })).toBeVisible();
	const alt = dialog(page).getByRole('textbox', { name: 'Testo alternativo' });
	// The file's name without its extension, for the person to correct; the field has the focus.
	await expect(alt).toHaveValue(`lavagna tavolo ${run}`);
	await expect(alt).toBeFocused();

	// An empty description is refused, and says why.
	await alt.fill('   ');
	await dialog(page).getByRole('button', { name: 'Inserisci' }).click();
	await expect(dialog(page).getByText('Scrivi il testo alternativo')).toBeVisible();
	await expect(alt).toBeFocused();
	await alt.fill(ALT);
	await page.keyboard.press('Enter');
	await expect(dialog(page)).toBeHidden();

	const image = imageIn(page, ALT);
	await expectDecoded(image);
	imageSrc = (await image.getAttribute('src'))!;
	expect(imageSrc).toMatch(/^\/api\/files\/[0-9a-f-]{36}\?inline=1$/);
	await expectDecoded(imageIn(anna.page, ALT));
});

test('an editor finds an image of the file space by name and inserts it with the keyboard alone', async () => {
	const { page } = marco;
	await text(page).click();
	await page.keyboard.press('Control+End');
	// To the toolbar (one tab stop), then along it to the image tool.
	await page.keyboard.press('Shift+Tab');
	const tool = page.getByRole('toolbar').getByRole('button', { name: 'Immagine' });
	for (let i = 0; i < 20 && !(await tool.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('ArrowRight');
	await expect(tool).toBeFocused();
	await page.keyboard.press('Enter');
	const search = dialog(page).getByRole('combobox', { name: 'Cerca tra le immagini della rete' });
	await expect(search).toBeFocused();
	await page.keyboard.type(`tavolo ${run}`);
	const option = dialog(page).getByRole('option', { name: FILE_NAME });
	await expect(option).toHaveAttribute('aria-selected', 'true');
	await expect(dialog(page).getByRole('status').filter({ hasText: '1 immagine nell’elenco.' })).toBeVisible();
	await page.keyboard.press('Enter');
	await expect(dialog(page).locator('figcaption')).toHaveText(`Immagine scelta: ${FILE_NAME}`);
	const alt = dialog(page).getByRole('textbox', { name: 'Testo alternativo' });
	await expect(alt).toBeFocused();
	await page.keyboard.type(ALT_AGAIN);
	await page.keyboard.press('Enter');
	await expect(dialog(page)).toBeHidden();

	await expectDecoded(imageIn(page, ALT_AGAIN));
	await expectDecoded(imageIn(anna.page, ALT_AGAIN));
	// The same file, shown from the same address.
	await expect(imageIn(anna.page, ALT_AGAIN)).toHaveAttribute('src', imageSrc);
});

test('the alt text of an image in the text can be changed from the same tool', async () => {
	const { page } = marco;
	await imageIn(page, ALT_AGAIN).click();
	await page.getByRole('toolbar').getByRole('button', { name: 'Immagine' }).click();
	const edit = page.getByRole('dialog', { name: 'Immagine nel documento' });
	const alt = edit.getByRole('textbox', { name: 'Testo alternativo' });
	await expect(alt).toHaveValue(ALT_AGAIN);
	await alt.fill(`${ALT_AGAIN}, corretta`);
	await edit.getByRole('button', { name: 'Salva' }).click();
	await expect(imageIn(anna.page, `${ALT_AGAIN}, corretta`)).toBeVisible();
	await imageIn(page, `${ALT_AGAIN}, corretta`).click();
	await page.getByRole('toolbar').getByRole('button', { name: 'Immagine' }).click();
	await alt.fill(ALT_AGAIN);
	await edit.getByRole('button', { name: 'Salva' }).click();
	await expect(imageIn(anna.page, ALT_AGAIN)).toBeVisible();
});

test('a pasted image keeps only this site’s file addresses: one from another site is left out and never fetched', async () => {
	const { page } = marco;
	const foreign: string[] = [];
	page.on('request', (request) => {
		if (!request.url().startsWith(new URL(page.url()).origin)) foreign.push(request.url());
	});
	await text(page).click();
	await page.keyboard.press('Control+End');
	const html = `<img src="https://evil.example/pixel.gif" alt="Spia ${run}"><img src="data:image/png;base64,iVBORw0KGgo=" alt="Dati ${run}"><img src="${imageSrc}" alt="${ALT_PASTED}">`;
	await text(page).evaluate((element, html) => {
		const data = new DataTransfer();
		data.setData('text/html', html);
		element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
	}, html);
	await expectDecoded(imageIn(anna.page, ALT_PASTED));
	await expect(imageIn(anna.page, ALT_PASTED)).toHaveAttribute('src', imageSrc);
	for (const page of [marco.page, anna.page]) {
		await expect(text(page).getByRole('img', { name: `Spia ${run}` })).toHaveCount(0);
		await expect(text(page).getByRole('img', { name: `Dati ${run}` })).toHaveCount(0);
	}
	expect(foreign).toEqual([]);
});

test('a pasted screenshot is uploaded from the dialog, which asks for its alt text before inserting it', async () => {
	const { page } = marco;
	await text(page).click();
	await page.keyboard.press('Control+End');
	const bytes = [...png(160, 120, [200, 60, 40])];
	await text(page).evaluate((element, bytes) => {
		const data = new DataTransfer();
		data.items.add(new File([new Uint8Array(bytes)], 'image.png', { type: 'image/png' }));
		element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
	}, bytes);
	await expect(dialog(page)).toBeVisible();
	await expect(dialog(page).getByRole('status').filter({ hasText: '«image.png» è stata caricata' })).toBeVisible();
	const alt = dialog(page).getByRole('textbox', { name: 'Testo alternativo' });
	await expect(alt).toBeFocused();
	await alt.fill(ALT_SCREENSHOT);
	await page.keyboard.press('Enter');
	await expectDecoded(imageIn(anna.page, ALT_SCREENSHOT));
});

test('a viewer sees the images and has no image tool', async ({ browser }) => {
	const paolo = await signIn(browser, 'paolo.desantis@trama.test', { width: 360, height: 740 });
	await paolo.page.goto(PACT);
	await connected(paolo.page);
	await expectDecoded(imageIn(paolo.page, ALT));
	await expectDecoded(imageIn(paolo.page, ALT_AGAIN));
	await expect(paolo.page.getByRole('button', { name: 'Immagine' })).toHaveCount(0);
	// On a phone the image fits the column.
	const width = await imageIn(paolo.page, ALT).evaluate((element) => element.getBoundingClientRect().width);
	expect(width).toBeLessThanOrEqual(360);
	await expectNoSeriousA11yViolations(paolo.page);
	await paolo.context.close();
});

test('someone outside the network gets no bytes of the image', async ({ browser, baseURL }) => {
	const stranger = await browser.newContext();
	const anonymous = await stranger.request.get(new URL(imageSrc, baseURL).href, { maxRedirects: 0 });
	expect(anonymous.status()).toBeGreaterThanOrEqual(300);
	expect(anonymous.headers()['content-type'] ?? '').not.toContain('image/');

	const page = await stranger.newPage();
	await page.goto('/signup', { waitUntil: 'networkidle' });
	await page.getByLabel('Nome e cognome').fill('Ester Esterna');
	await page.getByLabel('Organizzazione').fill('Altra rete');
	await page.getByLabel('Email').fill(`ester.${run}@trama.test`);
	await page.getByLabel('Password').fill('una frase lunga e sicura');
	await page.getByRole('button', { name: 'Crea account' }).click();
	await expect(page.getByRole('heading', { name: 'Le mie reti' })).toBeVisible();
	const refused = await page.request.get(imageSrc);
	expect([403, 404]).toContain(refused.status());
	expect(refused.headers()['content-type'] ?? '').not.toContain('image/');
	await stranger.close();
});
