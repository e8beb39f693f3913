import { test, expect, type Page } from '@playwright/test';
import { DEMO_NETWORK, DEMO_PEOPLE, signIn, type Person } from './support/demo.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { collabClient } from './support/collab-client.ts';
import { COMMITMENTS } from '../../src/lib/pact/commitments-doc.ts';
import { readItems } from '../../src/lib/structured/items-doc.ts';

// Proposals of commitments: Anna, the Comune's commenter, proposes
// commitments for the Comune; Giulia, the facilitator, takes one into the
// pact (read back from the live document) and declines another with a
// reason Anna then reads. Bad input keeps what Anna typed, without
// JavaScript too.

const PACT = 'dd000000-0000-4000-8000-000000000001';
const COMUNE = 'de000000-0000-4000-8000-000000000103';
const BASE = `${DEMO_NETWORK}/documents/${PACT}/commitments`;
const NEED = 'Inserimento lavorativo per persone in carico al CSM di Frosinone';
// A run-unique suffix: the e2e server's database lives for the whole run.
const run = Date.now().toString(36);
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const people: Person[] = [];
test.afterEach(async () => {
	for (const person of people.splice(0)) await person.context.close();
});
async function as(browser: Parameters<typeof signIn>[0], email: string, options: { javaScriptEnabled?: boolean } = {}) {
	const person = await signIn(browser, email, DESKTOP, options);
	people.push(person);
	return person.page;
}


/** Fills and sends the proposal form as it stands on the page. */
async function propose(page: Page, fields: { title: string; euros?: string; hours?: string; from?: string; to?: string; need?: boolean }) {
	await page.goto(`${BASE}/propose`, { waitUntil: 'networkidle' });
	await expect(page.getByRole('heading', { name: 'Proponi un impegno' })).toBeVisible();
	await page.locator('#field-title').fill(fields.title);
	if (fields.euros) await page.locator('#field-euros').fill(fields.euros);
	if (fields.hours) await page.locator('#field-hours').fill(fields.hours);
	if (fields.from) await page.locator('#field-from').fill(fields.from);
	if (fields.to) await page.locator('#field-to').fill(fields.to);
	if (fields.need) await chooseNeed(page);
	await page.getByRole('button', { name: 'Invia la proposta' }).click();
}

/**
 * Ticks NEED, found by searching the map's needs, which other specs grow to thousands: with JavaScript
 * the list narrows as one types; without, the search button brings the page back with the form as typed.
 */
async function chooseNeed(page: Page) {
	const needs = page.getByRole('group', { name: /^Bisogni della mappa/ });
	await needs.getByLabel('Cerca tra le voci').fill('CSM di Frosinone');
	const search = needs.getByRole('button', { name: 'Cerca' });
	if (await search.isVisible()) await search.click();
	await needs.getByLabel(NEED).check();
}

const proposal = (page: Page, title: string) => page.locator('article.proposal', { has: page.getByRole('heading', { name: title }) });

test('Anna proposes a commitment for the Comune, and Giulia takes it into the pact', async ({ browser }) => {
	const title = `Sportello lavoro al Comune ${run}`;
	const anna = await as(browser, DEMO_PEOPLE.anna.email);
	await propose(anna, { title, euros: '12.500,50', hours: '1.200', from: '2027-01-01', to: '2027-12-31', need: true });
	await expect(anna.getByText('Proposta inviata')).toBeVisible();
	await expect(proposal(anna, title).getByText('In attesa')).toBeVisible();
	await expect(proposal(anna, title).getByText('La tua proposta')).toBeVisible();

	const giulia = await as(browser, DEMO_PEOPLE.giulia.email);
	await giulia.goto(`${BASE}/proposals`, { waitUntil: 'networkidle' });
	await proposal(giulia, title).getByRole('button', { name: 'Accogli nel patto' }).click();
	await expect(giulia.getByText(`Proposta accolta: l’impegno «${title}» ora è nel patto.`)).toBeVisible();

	// The commitment is in the pact's live document, under the proposal's id, once.
	const client = await collabClient(giulia, PACT);
	try {
		await client.synced;
		const taken = readItems(client.doc, COMMITMENTS).items.filter((commitment) => commitment.title === title);
		expect(taken).toHaveLength(1);
		expect(taken[0]).toMatchObject({ partnerId: COMUNE, euros: 12500.5, hours: 1200, from: '2027-01-01', to: '2027-12-31' });
		expect(taken[0].needIds).toHaveLength(1);
		const id = await proposal(giulia, title).getAttribute('id');
		expect(id).toBe(`proposal-${taken[0].id}`);
	} finally {
		client.destroy();
	}

	await anna.reload();
	await expect(proposal(anna, title).getByText(/Accolta nel patto da Giulia Rinaldi/)).toBeVisible();
});

test('Giulia declines a proposal with a reason, which Anna then reads', async ({ browser }) => {
	const title = `Navetta per i tirocini ${run}`;
	const reason = 'Il trasporto lo copre già l’accordo con la Provincia.';
	const anna = await as(browser, DEMO_PEOPLE.anna.email);
	await propose(anna, { title, euros: '8000' });
	await expect(anna.getByText('Proposta inviata')).toBeVisible();

	const giulia = await as(browser, DEMO_PEOPLE.giulia.email);
	await giulia.goto(`${BASE}/proposals`, { waitUntil: 'networkidle' });
	const pending = proposal(giulia, title);
	await pending.getByRole('button', { name: 'Rifiuta' }).click();
	await expect(pending.getByText('Scrivi perché rifiuti la proposta')).toBeVisible();
	await pending.getByLabel('Motivazione del rifiuto').fill(reason);
	await pending.getByRole('button', { name: 'Rifiuta' }).click();
	await expect(giulia.getByText('Proposta rifiutata; chi l’ha fatta riceverà una notifica')).toBeVisible();

	await anna.goto(`${BASE}/proposals`);
	const declined = proposal(anna, title);
	await expect(declined.getByText('Rifiutata', { exact: true })).toBeVisible();
	await expect(declined.getByText(`Motivazione: ${reason}`)).toBeVisible();
	// Anna's inbox says so too.
	await anna.goto('/notifications');
	await expect(anna.getByText(reason).first()).toBeVisible();
});

test('bad input keeps what Anna typed and says beside each field what is wrong, without JavaScript', async ({ browser }) => {
	const anna = await as(browser, DEMO_PEOPLE.anna.email, { javaScriptEnabled: false });
	await propose(anna, { title: `Borse lavoro ${run}`, euros: 'mille euro', hours: '-3', from: '2027-05-01', to: '2027-04-01', need: true });
	await expect(anna.getByText('Il modulo contiene errori')).toBeVisible();
	await expect(anna.locator('#field-euros-error')).toHaveText('«mille euro» non è un numero: scrivi ad esempio 1.500 oppure 2.500,50.');
	await expect(anna.locator('#field-hours-error')).toHaveText('Non può essere negativo (-3).');
	await expect(anna.locator('#field-to-error')).toHaveText('L’impegno non può finire prima di cominciare.');
	await expect(anna.locator('#field-euros')).toHaveAttribute('aria-invalid', 'true');
	await expect(anna.locator('#field-title')).toHaveValue(`Borse lavoro ${run}`);
	await expect(anna.locator('#field-euros')).toHaveValue('mille euro');
	await expect(anna.locator('#field-from')).toHaveValue('2027-05-01');
	await expect(anna.getByLabel(NEED)).toBeChecked();
	await anna.screenshot({ path: test.info().outputPath('propose-problems.png'), fullPage: true });
	// Corrected, the same form goes through.
	await anna.locator('#field-euros').fill('1.000');
	await anna.locator('#field-hours').fill('30');
	await anna.locator('#field-to').fill('2027-12-31');
	await anna.getByRole('button', { name: 'Invia la proposta' }).click();
	await expect(anna.getByText('Proposta inviata')).toBeVisible();
});

test('a viewer is told who may propose; only who speaks for a partner sees the form', async ({ browser }) => {
	const paolo = await as(browser, DEMO_PEOPLE.paolo.email);
	await paolo.goto(`${BASE}/propose`);
	await expect(paolo.getByText('Puoi proporre impegni solo per il partner')).toBeVisible();
	await expect(paolo.locator('#field-title')).toHaveCount(0);
	await paolo.goto(`${BASE}/proposals`);
	await expect(paolo.getByRole('heading', { name: 'Proposte di impegno' })).toBeVisible();
	await expect(paolo.getByRole('button', { name: 'Accogli nel patto' })).toHaveCount(0);
});

/** Axe at 360 px and at a laptop's width, with screenshots at a phone's and a laptop's. */
async function checkAtEveryWidth(page: Page, name: string) {
	for (const size of [{ width: 360, height: 800 }, PHONE, DESKTOP]) {
		await page.setViewportSize(size);
		if (size.width !== PHONE.width) await expectNoSeriousA11yViolations(page);
		await page.screenshot({ path: test.info().outputPath(`${name}-${size.width}.png`), fullPage: true });
	}
}

test.describe('accessibility', () => {
	test('the proposal form passes axe at 1280 and 360 px', async ({ browser }) => {
		const anna = await as(browser, DEMO_PEOPLE.anna.email);
		await anna.goto(`${BASE}/propose`, { waitUntil: 'networkidle' });
		await checkAtEveryWidth(anna, 'propose');
	});

	test('the list of proposals, with its decisions, passes axe at 1280 and 360 px', async ({ browser }) => {
		const giulia = await as(browser, DEMO_PEOPLE.giulia.email);
		await giulia.goto(`${BASE}/proposals`, { waitUntil: 'networkidle' });
		await checkAtEveryWidth(giulia, 'proposals');
	});
});
