import { test, expect, type Browser, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { DEMO_NETWORK, DEMO_PEOPLE, signIn, type Person } from './support/demo.ts';
import { signUp } from './support/sign-up.ts';

// The community pact's commitments, co-written live beside its text: the
// facilitator and the people of two partners (Marco for his cooperative, and
// someone newly invited as an editor for another cooperative) each write a
// commitment and see the others' appear and change; a commenter comments.
const PACT = `${DEMO_NETWORK}/documents/dd000000-0000-4000-8000-000000000001`;
const COMMITMENTS = `${PACT}/commitments`;
const MEMBERS = `${DEMO_NETWORK}/members`;
const run = Date.now().toString(36);
const TUTORING = `Tutoraggio dei tirocini ${run}`;
const WORKSHOPS = `Laboratori socio-educativi ${run}`;
const DESK = `Sportello unico per il lavoro ${run}`;
const ANSWERED = 'Trasporto verso i luoghi di tirocinio da Isola del Liri';
const UNANSWERED = 'Accoglienza notturna per persone senza dimora a Cassino';

const panel = (page: Page) => page.getByRole('complementary', { name: 'Impegno aperto' });
/** A form field by its label, with or without "(facoltativo)": the map entries' checkboxes hold words like these too. */
const field = (scope: Locator, label: string) => scope.getByLabel(new RegExp(`^\\s*${label}(\\s+\\(facoltativo\\))?\\s*$`));
const card = (page: Page, title: string) => page.getByRole('link', { name: title, exact: true });

test.describe.configure({ mode: 'serial' });

let giulia: Person;
let marco: Person;
let laura: Person;
let anna: Person;

/** Someone new, invited by Giulia as an editor speaking for the Cooperativa sociale Arcobaleno. */
async function newEditor(browser: Browser): Promise<Person> {
	await giulia.page.goto(MEMBERS);
	await giulia.page.getByLabel('Email della persona').fill(`laura.${run}@prova.test`);
	await giulia.page.getByLabel('Ruolo', { exact: true }).selectOption('editor');
	await giulia.page.getByLabel('Partner per cui parla (facoltativo)', { exact: true }).selectOption({ label: 'Cooperativa sociale Arcobaleno' });
	await giulia.page.getByRole('button', { name: 'Crea invito' }).click();
	const link = await giulia.page.getByLabel('Link di invito', { exact: true }).inputValue();
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(link);
	await page.getByRole('link', { name: 'Registrati per accettare' }).click();
	await signUp(page, { name: `Laura Bianchi ${run}`, organisation: 'Cooperativa sociale Arcobaleno' });
	await page.getByRole('button', { name: 'Accetta l’invito' }).click();
	await expect(page).toHaveURL(new RegExp(DEMO_NETWORK));
	return { context, page };
}

/** Opens the commitments page and waits until the live pact is in (the add button shows for editors once it is). */
async function openCommitments(page: Page, query = '') {
	await page.goto(`${COMMITMENTS}${query}`);
	await expect(page.getByRole('heading', { level: 1, name: /^Impegni del patto/ })).toBeVisible();
	await expect(page.getByText('Caricamento degli impegni…')).toBeHidden();
}

async function addCommitment(
	page: Page,
	fields: { partner: string; title: string; system: string; euros?: string; hours?: string; people?: string; from?: string; to?: string; need?: string }
) {
	await page.getByRole('button', { name: 'Aggiungi un impegno' }).click();
	const form = panel(page);
	await expect(form.getByRole('heading', { name: 'Nuovo impegno' })).toBeFocused();
	await field(form, 'Partner').selectOption({ label: fields.partner });
	await field(form, 'Impegno').fill(fields.title);
	await field(form, 'Sistema').selectOption({ label: fields.system });
	if (fields.people) await field(form, 'Persone').fill(fields.people);
	if (fields.hours) await field(form, 'Ore').fill(fields.hours);
	if (fields.euros) await field(form, 'Euro').fill(fields.euros);
	if (fields.from) await field(form, 'Dal').fill(fields.from);
	if (fields.to) await field(form, 'Al').fill(fields.to);
	if (fields.need) {
		const needs = form.getByRole('group', { name: /^Bisogni delle mappe/ });
		await needs.getByLabel('Cerca tra le voci').fill('Isola del Liri');
		await needs.getByRole('checkbox', { name: new RegExp(fields.need) }).check();
	}
	await form.getByRole('button', { name: 'Aggiungi l’impegno' }).click();
	await expect(form.getByText('Impegno aggiunto.')).toBeVisible();
}

test.beforeAll(async ({ browser }) => {
	giulia = await signIn(browser, DEMO_PEOPLE.giulia.email);
	marco = await signIn(browser, DEMO_PEOPLE.marco.email);
	anna = await signIn(browser, DEMO_PEOPLE.anna.email);
	laura = await newEditor(browser);
});
test.afterAll(async () => {
	for (const person of [giulia, marco, anna, laura]) await person?.context.close();
});

test('the facilitator and two partners’ people write commitments at once, and each sees the others’ appear and change', async () => {
	// Three people's pages, each live, on a machine that runs the rest of the suite too.
	test.slow();
	await Promise.all([openCommitments(giulia.page), openCommitments(marco.page), openCommitments(laura.page)]);

	await Promise.all([
		addCommitment(marco.page, {
			partner: 'Cooperativa sociale Il Ponte',
			title: TUTORING,
			system: 'Lavoro',
			hours: '2.400',
			euros: '12.000,50',
			from: '2027-01-01',
			to: '2027-12-31',
			need: ANSWERED
		}),
		addCommitment(laura.page, { partner: 'Cooperativa sociale Arcobaleno', title: WORKSHOPS, system: 'Sociale', people: '2', euros: '5.000' }),
		addCommitment(giulia.page, { partner: 'Comune di Frosinone – Servizi sociali', title: DESK, system: 'Sociale', euros: '100.000' })
	]);
	for (const page of [giulia.page, marco.page, laura.page]) {
		for (const title of [TUTORING, WORKSHOPS, DESK]) await expect(card(page, title)).toBeVisible();
	}
	// Marco's own commitment, as his panel shows it.
	await expect(panel(marco.page).getByText(/^12\.000,50\s€$/)).toBeVisible();
	await expect(panel(marco.page).getByRole('link', { name: ANSWERED })).toBeVisible();

	// Giulia changes Marco's hours; Marco, with it open, sees the change arrive.
	await card(giulia.page, TUTORING).click();
	await panel(giulia.page).getByRole('button', { name: 'Modifica' }).click();
	await field(panel(giulia.page), 'Ore').fill('3.500');
	await panel(giulia.page).getByRole('button', { name: 'Salva' }).click();
	await expect(panel(giulia.page).getByText('Modifiche salvate.')).toBeVisible();
	await expect(panel(marco.page).getByText('3.500', { exact: true })).toBeVisible();
});

test('a commitment ending before it starts, or with negative money, says why beside each field and saves nothing', async () => {
	const page = giulia.page;
	await openCommitments(page);
	await page.getByRole('button', { name: 'Aggiungi un impegno' }).click();
	const form = panel(page);
	const wrong = `Impegno sbagliato ${run}`;
	await field(form, 'Partner').selectOption({ label: 'Ente di formazione Futuro Lavoro' });
	await field(form, 'Impegno').fill(wrong);
	await field(form, 'Euro').fill('-5');
	await field(form, 'Dal').fill('2027-06-01');
	await field(form, 'Al').fill('2027-01-31');
	await form.getByRole('button', { name: 'Aggiungi l’impegno' }).click();

	await expect(form.getByText('Il modulo contiene errori: correggi i campi indicati.')).toBeVisible();
	await expect(form.getByText('Non può essere negativo: hai scritto «-5».')).toBeVisible();
	await expect(form.getByText('L’impegno non può finire prima di cominciare: controlla le date.')).toBeVisible();
	await expect(field(form, 'Euro')).toBeFocused();
	// Everything typed is still there, and nothing reached the pact.
	await expect(field(form, 'Impegno')).toHaveValue(wrong);
	await expect(field(form, 'Al')).toHaveValue('2027-01-31');
	await expect(card(page, wrong)).toHaveCount(0);

	// Closing asks before throwing away what was typed.
	await form.getByRole('button', { name: /^Chiudi/ }).click();
	await expect(form.getByText('Hai modifiche non salvate a questo impegno. Vuoi scartarle?')).toBeVisible();
	await form.getByRole('button', { name: 'Scarta le modifiche' }).click();
	await expect(panel(page)).toHaveCount(0);
	await expect(card(page, wrong)).toHaveCount(0);
});

test('the table sorts by any column with the keyboard, and says its order', async () => {
	const page = giulia.page;
	await openCommitments(page, '?view=table');
	const euros = page.getByRole('columnheader', { name: /^Euro/ });
	const ours = async () =>
		(await page.getByRole('rowheader').allTextContents()).map((text) => text.trim()).filter((text) => text.endsWith(run));

	await euros.getByRole('button').focus();
	await page.keyboard.press('Enter');
	await expect(euros).toHaveAttribute('aria-sort', 'ascending');
	expect(await ours()).toEqual([WORKSHOPS, TUTORING, DESK]);
	await page.keyboard.press('Enter');
	await expect(euros).toHaveAttribute('aria-sort', 'descending');
	expect(await ours()).toEqual([DESK, TUTORING, WORKSHOPS]);
	await expect(page.getByRole('columnheader', { name: /^Partner/ })).not.toHaveAttribute('aria-sort');
});

test('the gaps list the maps’ needs no commitment answers, each leading to its entry on the map', async () => {
	const page = giulia.page;
	await openCommitments(page, '?view=gaps');
	// Other specs add maps of their own, one with thousands of needs: the demo map's gaps are a link away.
	const maps = page.getByRole('navigation', { name: 'Bisogni senza impegno per mappa' });
	if (await maps.isVisible()) {
		await maps.getByRole('link', { name: /^Mappatura dei servizi per il lavoro/ }).click();
		await expect(page).toHaveURL(/map=dd000000-0000-4000-8000-000000000002/);
	}
	await expect(page.getByRole('link', { name: UNANSWERED })).toBeVisible();
	await expect(page.getByRole('link', { name: ANSWERED })).toHaveCount(0);
	const need = page.getByRole('link', { name: UNANSWERED });
	await expect(need).toHaveAttribute('href', /\/entries\?entry=[0-9a-f-]{36}$/);
	await need.click();
	await expect(page.getByRole('complementary', { name: 'Voce aperta' }).getByRole('heading', { name: UNANSWERED })).toBeVisible();
});

test('a commenter reads the commitments without changing them and comments on one', async () => {
	const page = anna.page;
	await openCommitments(page);
	await expect(page.getByText('Hai il ruolo di commentatore: puoi commentare gli impegni, ma non modificarli.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Aggiungi un impegno' })).toHaveCount(0);
	await card(page, TUTORING).click();
	await expect(panel(page).getByRole('button', { name: 'Modifica' })).toHaveCount(0);
	const body = `Le ore valgono anche per i tirocini estivi? ${run}`;
	await panel(page).getByLabel(`Il tuo commento su «${TUTORING}»`).fill(body);
	await panel(page).getByRole('button', { name: 'Pubblica il commento' }).click();
	await expect(panel(page).getByText(body)).toBeVisible();
	// Marco, with the commitment open, sees it arrive.
	await openCommitments(marco.page, `?commitment=${new URL(page.url()).searchParams.get('commitment')}`);
	await expect(panel(marco.page).getByText(body)).toBeVisible();
});

test('removing a commitment asks first and can be undone', async () => {
	const page = laura.page;
	await openCommitments(page);
	await card(page, WORKSHOPS).click();
	await panel(page).getByText('Rimuovi', { exact: true }).click();
	await panel(page).getByRole('button', { name: 'Sì, rimuovi' }).click();
	await expect(card(page, WORKSHOPS)).toHaveCount(0);
	await page.getByRole('button', { name: 'Annulla la rimozione' }).click();
	await expect(card(page, WORKSHOPS)).toBeVisible();
	await expect(panel(page).getByRole('heading', { name: WORKSHOPS })).toBeVisible();
});

const PAGES = [
	['partner', COMMITMENTS],
	['system', `${COMMITMENTS}?view=system`],
	['table', `${COMMITMENTS}?view=table`],
	['gaps', `${COMMITMENTS}?view=gaps`],
	['form', COMMITMENTS],
	['partner-page', `${COMMITMENTS}/partners/de000000-0000-4000-8000-000000000109`],
	['pact-text', PACT]
] as const;

for (const [name, url] of PAGES) {
	test(`the ${name} page passes axe at 1280 and 360 px wide`, async ({}, testInfo) => {
		const page = giulia.page;
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto(url);
		if (name === 'form') {
			await page.getByRole('button', { name: 'Aggiungi un impegno' }).click();
			await panel(page).getByRole('button', { name: 'Aggiungi l’impegno' }).click();
			await expect(panel(page).getByText('Il modulo contiene errori')).toBeVisible();
		} else if (name === 'partner-page') {
			await expect(page.getByRole('heading', { name: TUTORING })).toBeVisible();
		} else if (name === 'pact-text') {
			await page.getByRole('link', { name: 'Apri gli impegni del patto' }).scrollIntoViewIfNeeded();
		} else {
			await expect(page.getByText('Caricamento degli impegni…')).toBeHidden();
			await expect(page.getByRole('heading', { name: 'Il patto in sintesi' })).toBeVisible();
		}
		// One page, resized: what is open stays open.
		await expectNoSeriousA11yViolations(page);
		await page.screenshot({ path: testInfo.outputPath(`commitments-${name}-1280.png`) });
		await page.setViewportSize({ width: 390, height: 844 });
		await page.screenshot({ path: testInfo.outputPath(`commitments-${name}-390.png`) });
		await page.setViewportSize({ width: 360, height: 800 });
		await expectNoSeriousA11yViolations(page);
	});
}
