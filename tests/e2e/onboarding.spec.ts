import { test, expect, type Browser } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { signUp } from './support/sign-up.ts';

// A run-unique suffix: the e2e server's database lives for the whole run.
const run = Date.now().toString(36);

async function newPage(browser: Browser) {
	const context = await browser.newContext();
	return context.newPage();
}

test('a facilitator builds a network and a partner joins it through an invitation', async ({ browser }) => {
	const facilitator = await newPage(browser);
	const invitedEmail = `anna.${run}@comune.test`;

	await test.step('sign up', async () => {
		await facilitator.goto('/signup');
		await expectNoSeriousA11yViolations(facilitator);
		await signUp(facilitator, { name: 'Giulia Test', organisation: 'Agente di comunità', email: `giulia.${run}@trama.test` });
		await expect(facilitator.getByRole('heading', { name: 'Le mie reti' })).toBeVisible();
		await expectNoSeriousA11yViolations(facilitator);
	});

	await test.step('create a network', async () => {
		await facilitator.getByRole('link', { name: 'Crea una rete' }).click();
		await expectNoSeriousA11yViolations(facilitator);
		await facilitator.getByLabel('Nome della rete').fill(`Rete lavoro Sora ${run}`);
		await facilitator.getByLabel('Ambito territoriale').fill('Ambito FR-C, Sora');
		await facilitator.getByLabel('Fase del processo').selectOption('mapping');
		await facilitator.getByRole('button', { name: 'Crea la rete' }).click();
		await expect(facilitator.getByRole('heading', { level: 1, name: `Rete lavoro Sora ${run}` })).toBeVisible();
		await expect(facilitator.getByText('Il tuo ruolo: Facilitatore')).toBeVisible();
		await expectNoSeriousA11yViolations(facilitator);
	});
	const networkUrl = facilitator.url();

	await test.step('add a partner', async () => {
		await facilitator.getByRole('link', { name: 'Partner', exact: true }).click();
		await facilitator.getByLabel('Nome dell’organizzazione').fill('Comune di Sora – Servizi sociali');
		await facilitator.getByLabel('Tipo').selectOption('local_authority');
		await facilitator.getByRole('checkbox', { name: 'Sociale' }).check();
		await facilitator.getByRole('button', { name: 'Aggiungi partner' }).click();
		await expect(facilitator.getByRole('status')).toContainText('Comune di Sora – Servizi sociali');
		await expect(
			facilitator.getByRole('region', { name: /Sociale/ }).getByText('Comune di Sora – Servizi sociali', { exact: true })
		).toBeVisible();
		await expectNoSeriousA11yViolations(facilitator);
	});

	let link = '';
	await test.step('invite a commenter for that partner', async () => {
		await facilitator.getByRole('link', { name: 'Persone', exact: true }).click();
		await facilitator.getByLabel('Email della persona').fill(invitedEmail);
		await facilitator.getByLabel('Ruolo', { exact: true }).selectOption('commenter');
		await facilitator.getByLabel('Partner per cui parla (facoltativo)', { exact: true }).selectOption({ label: 'Comune di Sora – Servizi sociali' });
		await facilitator.getByRole('button', { name: 'Crea invito' }).click();
		link = await facilitator.getByLabel('Link di invito', { exact: true }).inputValue();
		expect(link).toMatch(/\/invite\/[\w-]{40,}$/);
		await expect(facilitator.getByText(invitedEmail).first()).toBeVisible();
		await expectNoSeriousA11yViolations(facilitator);
	});

	await test.step('the only facilitator cannot step down', async () => {
		await facilitator.getByLabel('Cambia ruolo di Giulia Test').selectOption('viewer');
		await facilitator.getByRole('button', { name: 'Aggiorna ruolo e partner di Giulia Test' }).click();
		await expect(facilitator.getByRole('alert')).toHaveText(
			'La rete deve avere almeno un facilitatore: nomina prima un altro facilitatore.'
		);
		await expect(facilitator.getByLabel('Cambia ruolo di Giulia Test')).toHaveValue('facilitator');
	});

	const invitee = await newPage(browser);
	await test.step('the invitee signs up from the link and accepts', async () => {
		await invitee.goto(link);
		await expect(invitee.getByText(`come Commentatore`)).toBeVisible();
		await expectNoSeriousA11yViolations(invitee);
		await invitee.getByRole('link', { name: 'Registrati per accettare' }).click();
		await expect(invitee.getByLabel('Email')).toHaveValue(invitedEmail);
		await signUp(invitee, { name: 'Anna Test', organisation: 'Comune di Sora' });
		await invitee.getByRole('button', { name: 'Accetta l’invito' }).click();
		await expect(invitee.getByRole('heading', { level: 1, name: `Rete lavoro Sora ${run}` })).toBeVisible();
		await expect(invitee.getByText('Il tuo ruolo: Commentatore')).toBeVisible();
		await expect(invitee.getByText('per Comune di Sora – Servizi sociali')).toBeVisible();
		expect(invitee.url()).toContain(networkUrl.replace(/^https?:\/\/[^/]+/, ''));
	});

	await test.step('the link cannot be used twice', async () => {
		const other = await newPage(browser);
		await other.goto(link);
		await expect(other.getByText('Questo invito è già stato usato')).toBeVisible();
	});

	await test.step('an outsider is refused clearly', async () => {
		const outsider = await newPage(browser);
		await outsider.goto('/signup');
		await signUp(outsider, { name: 'Esterno Test', organisation: 'Altra rete', email: `esterno.${run}@altro.test` });
		await expect(outsider.getByRole('heading', { name: 'Le mie reti' })).toBeVisible();
		const response = await outsider.goto(networkUrl);
		expect(response?.status()).toBe(403);
		await expect(outsider.getByRole('heading', { name: 'Accesso negato' })).toBeVisible();
		await expect(outsider.getByText('Non fai parte di questa rete')).toBeVisible();
		await expectNoSeriousA11yViolations(outsider);
	});
	await test.step('the invitee can leave the network again', async () => {
		await invitee.getByRole('link', { name: 'Persone', exact: true }).click();
		await invitee.getByRole('button', { name: 'Lascia la rete' }).click();
		await invitee.getByRole('dialog').getByRole('button', { name: 'Sì, lascia la rete' }).click();
		await expect(invitee.getByText('Non fai ancora parte di nessuna rete')).toBeVisible();
		expect((await invitee.goto(networkUrl))?.status()).toBe(403);
	});
});

test('bad input keeps what was typed and says why, in Italian', async ({ page }) => {
	await page.goto('/signup');
	await page.getByLabel('Nome e cognome').fill('Mario Rossi');
	await page.getByLabel('Email').fill('non-una-email');
	await page.getByLabel('Password').fill('corta');
	await page.getByRole('button', { name: 'Crea account' }).click();
	await expect(page.getByText('Inserisci un indirizzo email valido')).toBeVisible();
	await expect(page.getByLabel('Nome e cognome')).toHaveValue('Mario Rossi');
	await expect(page.getByLabel('Email')).toHaveValue('non-una-email');
	await expectNoSeriousA11yViolations(page);

	await page.goto('/login');
	await page.getByLabel('Email').fill('giulia.rinaldi@trama.test');
	await page.getByLabel('Password').fill('password sbagliata');
	await page.getByRole('button', { name: 'Accedi' }).last().click();
	await expect(page.getByRole('alert')).toHaveText('Email o password non corretti.');
	await expect(page.getByLabel('Email')).toHaveValue('giulia.rinaldi@trama.test');
});

test('what is typed before the page has loaded its scripts is kept once they run', async ({ page }) => {
	// A slow connection: the form is on screen, its scripts are still on the way.
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/login', { waitUntil: 'commit' });
	await page.getByLabel('Email').fill('giulia.rinaldi@trama.test');
	await page.getByLabel('Password').fill('Trama-demo-2026');
	release();
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel('Email')).toHaveValue('giulia.rinaldi@trama.test');
	await expect(page.getByLabel('Password')).toHaveValue('Trama-demo-2026');
	await page.getByRole('button', { name: 'Accedi' }).last().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Le mie reti' })).toBeVisible();
});

test('the demo facilitator sees the demo network in English when switching language', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('Email').fill('giulia.rinaldi@trama.test');
	await page.getByLabel('Password').fill('Trama-demo-2026');
	await page.getByRole('button', { name: 'Accedi' }).last().click();
	await page.getByRole('link', { name: /Inserimento lavorativo/ }).click();
	for (const system of ['Sanitario', 'Sociale', 'Formazione', 'Lavoro']) {
		await expect(page.getByRole('region', { name: new RegExp(system) })).toBeVisible();
	}
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('heading', { name: 'Partners by system' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expectNoSeriousA11yViolations(page);
	// Switch back so the account keeps Italian for other tests.
	await page.getByRole('button', { name: 'Italiano' }).click();
	await expect(page.getByRole('heading', { name: 'Partner per sistema' })).toBeVisible();
});
