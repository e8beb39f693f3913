import { test, expect, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { DEMO_NETWORK, DEMO_PEOPLE, signIn } from './support/demo.ts';

// A facilitator edits a partner of the demo network: every detail, two
// systems, a tax code the algorithm refuses. The partner is made here, with
// a run-unique name, so the demo's own partners stay as other specs expect.

const run = Date.now().toString(36);
const PARTNERS = `${DEMO_NETWORK}/partners`;

const group = (scope: Page | Locator, system: string) => scope.getByRole('region', { name: new RegExp(`^${system}`) });

async function addPartner(page: Page, name: string) {
	await page.goto(PARTNERS, { waitUntil: 'networkidle' });
	const form = page.getByRole('region', { name: 'Aggiungi un partner' });
	await form.getByLabel('Nome dell’organizzazione').fill(name);
	await form.getByLabel('Tipo').selectOption('association');
	await form.getByRole('checkbox', { name: 'Formazione' }).check();
	await form.getByRole('button', { name: 'Aggiungi partner' }).click();
	await expect(page.getByRole('status')).toContainText(name);
}

test('a facilitator edits every detail of a partner, which then shows in both its systems', async ({ browser }) => {
	const { page, context } = await signIn(browser, DEMO_PEOPLE.giulia.email);
	const before = `Cooperativa Orizzonte ${run}`;
	const after = `Cooperativa sociale Orizzonte ${run}`;
	await addPartner(page, before);

	await page.getByRole('link', { name: `Modifica il partner ${before}` }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Modifica «${before}»` })).toBeVisible();
	await expectNoSeriousA11yViolations(page);
	await page.getByLabel('Nome dell’organizzazione').fill(after);
	await page.getByLabel('Tipo').selectOption('social_coop_b');
	await page.getByRole('checkbox', { name: 'Formazione' }).uncheck();
	await page.getByRole('checkbox', { name: 'Sociale' }).check();
	await page.getByRole('checkbox', { name: 'Lavoro' }).check();
	await page.getByLabel('Di cosa si occupa').fill('Inserimento lavorativo in falegnameria.');
	await page.getByLabel('Indirizzo della sede').fill('Via dei Volsci 7, 03039 Sora');
	await page.getByLabel('Sito web').fill('www.orizzonte.example.org');
	await page.getByLabel('Codice fiscale o partita IVA').fill('012 345 678 97');
	await page.getByLabel('Legale rappresentante').fill('Rita Marini');
	await page.getByLabel('Referente').fill('Luca Sarti, 0776 000111');
	await page.getByRole('button', { name: 'Salva le modifiche' }).click();

	await expect(page).toHaveURL(new RegExp(`${PARTNERS}\\?saved=`));
	await expect(page.getByRole('status')).toContainText(`Partner «${after}» aggiornato.`);
	for (const system of ['Sociale', 'Lavoro']) {
		const item = group(page, system).getByRole('listitem').filter({ hasText: after });
		await expect(item).toContainText('Cooperativa sociale di tipo B');
		await expect(item).toContainText('Inserimento lavorativo in falegnameria.');
		await expect(item).toContainText('Via dei Volsci 7, 03039 Sora');
		await expect(item).toContainText('Luca Sarti, 0776 000111');
		await expect(item).toContainText('Rita Marini');
		await expect(item).toContainText('01234567897');
		await expect(item.getByRole('link', { name: 'www.orizzonte.example.org' })).toHaveAttribute('href', 'https://www.orizzonte.example.org');
	}
	await expect(group(page, 'Formazione').getByText(after)).toHaveCount(0);

	await page.goto(`${DEMO_NETWORK}/activity?kind=partners`);
	await expect(page.getByText(`ha modificato il partner «${after}»`)).toContainText(
		`nome (prima «${before}»), tipo, sistemi (prima: formazione), descrizione, indirizzo, sito web, codice fiscale o partita IVA, legale rappresentante, referente`
	);
	await context.close();
});

test('a tax code whose check character is wrong is refused with its reason, keeping what was typed, without JavaScript', async ({ browser }) => {
	const { page, context } = await signIn(browser, DEMO_PEOPLE.giulia.email);
	const name = `Associazione Ponti ${run}`;
	await addPartner(page, name);
	// On a phone, as the form must read there too.
	const noScript = await browser.newContext({
		javaScriptEnabled: false,
		storageState: await context.storageState(),
		viewport: { width: 390, height: 844 }
	});
	const bare = await noScript.newPage();
	await bare.goto(PARTNERS);
	await bare.getByRole('link', { name: `Modifica il partner ${name}` }).click();

	await bare.getByLabel('Indirizzo della sede').fill('Piazza Santa Restituta 1, Sora');
	await bare.getByLabel('Legale rappresentante').fill('Elena Conti');
	await bare.getByRole('checkbox', { name: 'Sociale' }).check();
	await bare.getByLabel('Codice fiscale o partita IVA').fill('RSSMRA85T10A562T');
	await bare.getByRole('button', { name: 'Salva le modifiche' }).click();

	const taxCode = bare.getByLabel('Codice fiscale o partita IVA');
	await expect(taxCode).toHaveAttribute('aria-invalid', 'true');
	await expect(bare.getByText('l’ultimo carattere, quello di controllo, non corrisponde agli altri')).toBeVisible();
	await expect(taxCode).toHaveValue('RSSMRA85T10A562T');
	await expect(bare.getByLabel('Indirizzo della sede')).toHaveValue('Piazza Santa Restituta 1, Sora');
	await expect(bare.getByLabel('Legale rappresentante')).toHaveValue('Elena Conti');
	await expect(bare.getByRole('checkbox', { name: 'Sociale' })).toBeChecked();
	await expect(bare.getByRole('checkbox', { name: 'Formazione' })).toBeChecked();
	await bare.screenshot({ path: test.info().outputPath('refused-tax-code-390.png'), fullPage: true });

	// Nothing was saved.
	await bare.goto(PARTNERS);
	await expect(group(bare, 'Sociale').getByText(name)).toHaveCount(0);
	await noScript.close();
	await context.close();
});

test('the partners page has no serious accessibility violation on a laptop or a phone', async ({ browser }) => {
	for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
		const { page, context } = await signIn(browser, DEMO_PEOPLE.giulia.email, viewport);
		await page.goto(PARTNERS, { waitUntil: 'networkidle' });
		// The demo's type-B cooperative is in both its systems.
		for (const system of ['Sociale', 'Lavoro']) {
			await expect(group(page, system).getByText('Cooperativa sociale Il Ponte', { exact: true })).toBeVisible();
		}
		await expectNoSeriousA11yViolations(page);
		await page.screenshot({ path: test.info().outputPath(`partners-${viewport.width}.png`), fullPage: true });
		await context.close();
	}
});

test('every view that groups partners by system counts a partner of two systems in each', async ({ browser }) => {
	const { page, context } = await signIn(browser, DEMO_PEOPLE.paolo.email);
	const ilPonte = 'Cooperativa sociale Il Ponte';
	// The network's home, and the map's network view, where the drawing has a box in each column too.
	await page.goto(DEMO_NETWORK);
	const home = page.getByRole('region', { name: 'Partner per sistema' });
	for (const system of ['Sociale', 'Lavoro']) await expect(group(home, system).getByText(ilPonte, { exact: true })).toBeVisible();

	await page.goto(`${DEMO_NETWORK}/documents/dd000000-0000-4000-8000-000000000002/entries?view=network`);
	const view = page.getByRole('region', { name: 'I partner nei quattro sistemi' });
	for (const system of ['Sociale', 'Lavoro']) await expect(group(view, system).getByText(ilPonte, { exact: true })).toBeVisible();
	// Its name is cut short in the drawing's boxes.
	await expect(view.locator('svg text.name', { hasText: 'Cooperativa sociale Il Pon' })).toHaveCount(2);
	await view.locator('figure').screenshot({ path: test.info().outputPath('network-drawing.png') });
	await context.close();
});
