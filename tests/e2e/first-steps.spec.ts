import { test, expect, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { signUp } from './support/sign-up.ts';
import { DEMO_NETWORK, DEMO_PEOPLE, signIn } from './support/demo.ts';
import { openInbox } from './support/inbox.ts';

// A new network's first steps, the welcome after an accepted invitation and
// the facilitator's notice of it, and a pending invitation's link copied again.

// A run-unique suffix: the e2e server's database lives for the whole run.
const run = Date.now().toString(36);
// Each test walks a newcomer's first hour (signing up, a network, several pages, axe at two widths):
// more than the default minute on a busy two-core machine.
test.describe.configure({ timeout: 150_000 });
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function newPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}) {
	const context = await browser.newContext(options);
	return context.newPage();
}

/** Axe at a laptop's width and at a phone's, leaving the page at the laptop's. */
async function expectAccessibleAtBothWidths(page: Page) {
	for (const size of [PHONE, DESKTOP]) {
		await page.setViewportSize(size);
		await expectNoSeriousA11yViolations(page);
	}
}

/** Signs a new facilitator up and creates a network; returns the network's home. */
async function newNetwork(page: Page, who: string, network: string): Promise<string> {
	await page.goto('/signup', { waitUntil: 'networkidle' });
	await signUp(page, { name: `${who} Test`, organisation: 'Agente di comunità', email: `${who.toLowerCase()}.${run}@trama.test` });
	await expect(page.getByRole('heading', { name: 'Le mie reti' })).toBeVisible();
	await page.getByRole('link', { name: 'Crea una rete' }).click();
	await page.getByLabel('Nome della rete').fill(network);
	await page.getByLabel('Ambito territoriale').fill('Ambito FR-C, Sora');
	await page.getByRole('button', { name: 'Crea la rete' }).click();
	await expect(page.getByRole('heading', { level: 1, name: network })).toBeVisible();
	return page.url();
}

const firstSteps = (page: Page) => page.getByRole('region', { name: 'Primi passi' });
const step = (page: Page, name: string) => firstSteps(page).getByRole('listitem').filter({ hasText: name });

async function createDocument(page: Page, home: string, linkName: string, title: string, kind: string) {
	await step(page, linkName).getByRole('link', { name: linkName }).click();
	await page.getByLabel('Titolo').fill(title);
	// The step's link chose the kind already.
	await expect(page.getByLabel('Tipo di documento').locator('option:checked')).toHaveText(kind);
	await page.getByRole('button', { name: 'Crea il documento' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await page.goto(home);
}

test('a new facilitator sees the first steps tick off one by one, then the list go', async ({ browser }) => {
	const page = await newPage(browser);
	const home = await newNetwork(page, 'Giulia', `Rete primi passi ${run}`);

	await test.step('all four steps are to do, each a link to where it is done', async () => {
		await expect(firstSteps(page).getByRole('listitem')).toHaveCount(4);
		await expect(firstSteps(page).getByText('da fare')).toHaveCount(4);
		await expect(firstSteps(page)).toContainText('0 di 4 fatti');
		await expectAccessibleAtBothWidths(page);
	});

	await test.step('adding a partner ticks the first step', async () => {
		await step(page, 'Aggiungi i partner').getByRole('link', { name: 'Aggiungi i partner' }).click();
		await page.getByLabel('Nome dell’organizzazione').fill('Comune di Sora – Servizi sociali');
		await page.getByRole('checkbox', { name: 'Sociale' }).check();
		await page.getByRole('button', { name: 'Aggiungi partner' }).click();
		await expect(page.getByRole('status')).toContainText('Comune di Sora – Servizi sociali');
		await page.goto(home);
		await expect(step(page, 'Aggiungi i partner')).toContainText('fatto');
		await expect(step(page, 'Invita le persone dei partner')).toContainText('da fare');
	});

	await test.step('inviting someone ticks the second', async () => {
		await step(page, 'Invita le persone dei partner').getByRole('link', { name: 'Invita le persone dei partner' }).click();
		await page.getByLabel('Email della persona').fill(`marco.${run}@cooperativa.test`);
		await page.getByRole('button', { name: 'Crea invito' }).click();
		await expect(page.getByLabel('Link di invito', { exact: true })).toHaveValue(/\/invite\//);
		await page.goto(home);
		await expect(step(page, 'Invita le persone dei partner')).toContainText('fatto');
		await expect(firstSteps(page)).toContainText('2 di 4 fatti');
	});

	await test.step('starting the map ticks the third', async () => {
		await createDocument(page, home, 'Avvia la mappatura del territorio', 'Mappatura dei servizi di Sora', 'Mappatura del territorio');
		await expect(step(page, 'Avvia la mappatura del territorio')).toContainText('fatto');
		await expect(step(page, 'Avvia il patto di comunità')).toContainText('da fare');
	});

	await test.step('starting the pact ticks the last, and the list is gone', async () => {
		await createDocument(page, home, 'Avvia il patto di comunità', 'Patto di comunità di Sora', 'Patto di comunità');
		await expect(page.getByRole('heading', { level: 2, name: 'Documenti recenti' })).toBeVisible();
		await expect(firstSteps(page)).toHaveCount(0);
	});
});

test('an invited person lands on a welcome, and the facilitator is told', async ({ browser }) => {
	const facilitator = await newPage(browser);
	const network = `Rete dell’accoglienza ${run}`;
	const home = await newNetwork(facilitator, 'Sara', network);
	const email = `anna.${run}@comune.test`;
	let link = '';

	await test.step('the facilitator adds a partner and invites a commenter for it', async () => {
		await facilitator.goto(`${home}/partners`);
		await facilitator.getByLabel('Nome dell’organizzazione').fill('Comune di Sora – Servizi sociali');
		await facilitator.getByRole('checkbox', { name: 'Sociale' }).check();
		await facilitator.getByRole('button', { name: 'Aggiungi partner' }).click();
		await expect(facilitator.getByRole('status')).toContainText('Comune di Sora – Servizi sociali');
		await facilitator.goto(`${home}/members`);
		await facilitator.getByLabel('Email della persona').fill(email);
		await facilitator.getByLabel('Ruolo', { exact: true }).selectOption('commenter');
		await facilitator.getByLabel('Partner per cui parla (facoltativo)', { exact: true }).selectOption({ label: 'Comune di Sora – Servizi sociali' });
		await facilitator.getByRole('button', { name: 'Crea invito' }).click();
		link = await facilitator.getByLabel('Link di invito', { exact: true }).inputValue();
	});

	const invitee = await newPage(browser);
	await test.step('the invitee signs up, accepts and reads the welcome', async () => {
		await invitee.goto(link);
		await invitee.getByRole('link', { name: 'Registrati per accettare' }).click();
		await expect(invitee.getByLabel('Email')).toHaveValue(email);
		await signUp(invitee, { name: 'Anna Test', organisation: 'Comune di Sora' });
		await invitee.getByRole('button', { name: 'Accetta l’invito' }).click();
		await expect(invitee.getByRole('heading', { level: 1, name: `Ti diamo il benvenuto nella rete «${network}»` })).toBeVisible();
		expect(new URL(invitee.url()).pathname).toBe(`${new URL(home).pathname}/welcome`);
		await expect(invitee.getByText('Il tuo ruolo è Commentatore. Parli per Comune di Sora – Servizi sociali.')).toBeVisible();
		await expect(invitee.getByText('Leggere tutti i documenti della rete e commentarli')).toBeVisible();
		await expect(invitee.getByText('Modificare il testo dei documenti o caricare file')).toBeVisible();
		await expectAccessibleAtBothWidths(invitee);
	});

	await test.step('a member who is not a facilitator sees no first steps', async () => {
		await invitee.goto(home);
		await expect(invitee.getByRole('heading', { level: 2, name: 'Documenti recenti' })).toBeVisible();
		await expect(firstSteps(invitee)).toHaveCount(0);
	});

	await test.step('the facilitator finds the notice, which leads to the members', async () => {
		await facilitator.goto(home);
		const items = await openInbox(facilitator);
		const notice = items.filter({ hasText: 'Anna Test ha accettato il tuo invito: ora fa parte della rete' });
		await expect(notice).toHaveCount(1);
		await expect(notice).toContainText('Invito accettato');
		await notice.getByRole('link').click();
		await expect(facilitator.getByRole('heading', { level: 1, name: 'Persone' })).toBeVisible();
		expect(new URL(facilitator.url()).pathname).toBe(`${new URL(home).pathname}/members`);
		await expect(facilitator.getByText('Anna Test').first()).toBeVisible();
	});
});

test('a pending invitation’s link copies twice as the same valid link, with and without JavaScript', async ({ browser }) => {
	const { context, page } = await signIn(browser, DEMO_PEOPLE.giulia.email);
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);

	await test.step('the demo network has its first steps done, so shows none', async () => {
		await page.goto(DEMO_NETWORK);
		await expect(page.getByRole('heading', { level: 2, name: 'Documenti recenti' })).toBeVisible();
		await expect(firstSteps(page)).toHaveCount(0);
	});

	const copies: string[] = [];
	await test.step('the facilitator copies the demo’s pending link twice', async () => {
		await page.goto(`${DEMO_NETWORK}/members`, { waitUntil: 'networkidle' });
		const field = page.getByLabel('Link di invito per luca.marini@trama.test');
		const shown = await field.inputValue();
		expect(shown).toMatch(/\/invite\/\w{40,}$/);
		// The address is in a visually hidden part of the name, which Chromium joins with a space.
		const copy = page.getByRole('button', { name: /^Copia link\s*: luca\.marini@trama\.test$/ });
		for (let i = 0; i < 2; i++) {
			await copy.click();
			await expect(page.getByRole('status').filter({ hasText: 'Link copiato negli appunti.' })).toBeVisible();
			copies.push(await page.evaluate(() => navigator.clipboard.readText()));
		}
		expect(copies).toEqual([shown, shown]);
		// Copying changed nothing: the page shows the same link after a reload.
		await page.reload();
		await expect(field).toHaveValue(shown);
		await expectAccessibleAtBothWidths(page);
	});

	await test.step('each copy opens the same valid invitation in a fresh browser', async () => {
		for (const copied of copies) {
			const visitor = await newPage(browser);
			await visitor.goto(copied);
			await expect(visitor.getByRole('heading', { level: 1, name: 'Invito a una rete' })).toBeVisible();
			await expect(visitor.getByText('L’invito è per luca.marini@trama.test.')).toBeVisible();
			await visitor.context().close();
		}
	});

	await test.step('without JavaScript the link is there to select, and there is no button that cannot work', async () => {
		const cookies = await context.cookies();
		const plain = await newPage(browser, { javaScriptEnabled: false });
		await plain.context().addCookies(cookies);
		await plain.goto(`${DEMO_NETWORK}/members`);
		await expect(plain.getByLabel('Link di invito per luca.marini@trama.test')).toHaveValue(copies[0]);
		await expect(plain.getByRole('button', { name: /^Copia link/ })).toHaveCount(0);
		await plain.context().close();
	});
});
