import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { DEMO_NETWORK, DEMO_PEOPLE, signIn } from './support/demo.ts';

// The follow-up of the demo co-design plan, on an action's page: Marco, who
// speaks for Il Ponte (the lead of action 2), posts progress with evidence
// from the network's file space, and the history shows it; Giulia records a
// verification, partly achieved, that opens a revised action, linked from
// both actions' pages; Anna, a commenter, sees no form and is told who may.
// The page and its forms pass axe at 1280 and 360 pixels.

const run = Date.now().toString(36);
const PLAN = `${DEMO_NETWORK}/documents/dd000000-0000-4000-8000-000000000003/plan/actions`;
const ACTION_2 = `${PLAN}/ea000000-0000-4000-8000-000000000002`;
const ACTION_5 = `${PLAN}/ea000000-0000-4000-8000-000000000005`;

/** Axe at 1280 and at 360 pixels wide, and screenshots for a person to look at. */
async function checkPage(page: Page, name: string) {
	for (const width of [1280, 360]) {
		await page.setViewportSize({ width, height: 800 });
		await expectNoSeriousA11yViolations(page);
	}
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.screenshot({ path: test.info().outputPath(`${name}-1280.png`), fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: test.info().outputPath(`${name}-390.png`), fullPage: true });
	await page.setViewportSize({ width: 1280, height: 800 });
}

const history = (page: Page) => page.getByRole('region', { name: 'Storia' });

test('Marco posts progress with evidence on his cooperative’s action; a percentage over 100 is refused beside its field', async ({ browser }) => {
	const { context, page } = await signIn(browser, DEMO_PEOPLE.marco.email);
	try {
		// Evidence: a file of the network's file space, uploaded there first.
		const evidence = `Registro tutor ${run}.pdf`;
		await page.goto(`${DEMO_NETWORK}/files`, { waitUntil: 'networkidle' });
		await page.getByLabel('Scegli i file da caricare').setInputFiles([
			{ name: evidence, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') }
		]);
		await expect(page.getByRole('link', { name: evidence, exact: true })).toBeVisible();

		await page.goto(ACTION_2, { waitUntil: 'networkidle' });
		await expect(page.getByRole('heading', { level: 1, name: 'Tutoraggio dei tirocini nel verde e in magazzino' })).toBeVisible();
		const form = page.getByRole('region', { name: 'Aggiorna l’avanzamento' });
		await form.getByLabel('Stato').selectOption('on_track');
		await form.getByLabel('Percentuale completata').fill('101');
		const note = `Primi due tirocini avviati ${run}`;
		await form.getByLabel('Nota').fill(note);
		await form.getByRole('button', { name: 'Pubblica l’aggiornamento' }).click();
		await expect(form.getByText('La percentuale va da 0 a 100.')).toBeVisible();
		// Nothing typed is lost.
		await expect(form.getByLabel('Nota')).toHaveValue(note);
		await expect(form.getByLabel('Percentuale completata')).toHaveValue('101');

		await form.getByLabel('Percentuale completata').fill('15');
		await form.getByLabel('Tirocini avviati (in tirocini)').fill('2');
		const search = form.getByRole('combobox', { name: 'Cerca tra i file della rete' });
		await search.fill(`Registro tutor ${run}`);
		await expect(page.getByRole('option', { name: new RegExp(evidence) })).toBeVisible();
		await search.press('Enter');
		await expect(form.getByRole('list', { name: /allegat/i }).getByText(evidence)).toBeVisible();
		await checkPage(page, 'plan-action-progress-form');
		await form.getByRole('button', { name: 'Pubblica l’aggiornamento' }).click();
		await expect(form.getByText('Aggiornamento pubblicato.')).toBeVisible();

		const posted = history(page).getByRole('listitem').filter({ hasText: note });
		await expect(posted).toContainText('In linea');
		await expect(posted).toContainText('15%');
		await expect(posted).toContainText('Aggiornamento di Marco Ferri');
		await expect(posted).toContainText('Tirocini avviati: 2 tirocini');
		await expect(posted.getByRole('link', { name: evidence })).toHaveAttribute('href', /\/files\/[0-9a-f-]{36}$/);
		// The newest first.
		await expect(history(page).getByRole('listitem').first()).toContainText(note);
		await checkPage(page, 'plan-action-posted');
	} finally {
		await context.close();
	}
});

test('Giulia records a verification that opens a revised action, linked from both actions’ pages', async ({ browser }) => {
	const { context, page } = await signIn(browser, DEMO_PEOPLE.giulia.email);
	try {
		await page.goto(ACTION_5, { waitUntil: 'networkidle' });
		const title = 'Un’assistente sociale dedicata a chi esce dalla Casa circondariale';
		// A facilitator who speaks for no partner may not post progress, and is told who may.
		await expect(page.getByRole('region', { name: 'Aggiorna l’avanzamento' })).toHaveCount(0);
		const form = page.getByRole('region', { name: 'Registra la verifica' });
		await form.getByRole('button', { name: 'Registra la verifica' }).click();
		await expect(form.getByText('Scegli il giudizio.')).toBeVisible();
		await expect(form.getByText('Scrivi perché: è ciò che la rete rilegge alla verifica successiva.')).toBeVisible();

		await form.getByLabel('Giudizio').selectOption('partly');
		await form.getByLabel('Perché').fill(`Quattro prese in carico su quindici (${run}).`);
		await form.getByLabel('Cosa cambia dopo').fill('Un secondo colloquio in carcere prima dell’uscita.');
		await form.getByLabel('Crea un’azione rivista').check();
		const revisedTitle = `${title} (rivista ${run})`;
		await expect(form.getByLabel('Titolo dell’azione rivista')).toHaveValue(`${title} (rivista)`);
		await form.getByLabel('Titolo dell’azione rivista').fill(revisedTitle);
		await checkPage(page, 'plan-action-verification-form');
		await form.getByRole('button', { name: 'Registra la verifica' }).click();

		const done = page.getByRole('status').filter({ hasText: 'Verifica registrata; l’azione rivista è nel piano' });
		await expect(done).toBeVisible();
		const recorded = history(page).getByRole('listitem').filter({ hasText: run });
		await expect(recorded).toContainText('Raggiunta in parte');
		await expect(recorded).toContainText('Verifica registrata da Giulia Rinaldi');
		const loop = page.getByRole('region', { name: 'Il ciclo di verifica' });
		await expect(loop.getByRole('link', { name: revisedTitle })).toBeVisible();

		// The revised action's page names the one it revises.
		await recorded.getByRole('link', { name: revisedTitle }).click();
		await expect(page.getByRole('heading', { level: 1, name: revisedTitle })).toBeVisible();
		await expect(page.getByRole('region', { name: 'Il ciclo di verifica' }).getByRole('link', { name: title })).toBeVisible();
		await checkPage(page, 'plan-action-revised');
	} finally {
		await context.close();
	}
});

test('Anna, a commenter, sees no progress form and is told who may post', async ({ browser }) => {
	const { context, page } = await signIn(browser, DEMO_PEOPLE.anna.email);
	try {
		await page.goto(`${PLAN}/ea000000-0000-4000-8000-000000000004`, { waitUntil: 'networkidle' });
		await expect(page.getByRole('heading', { level: 1, name: 'Laboratorio del legno per chi esce dal carcere' })).toBeVisible();
		await expect(page.getByRole('region', { name: 'Aggiorna l’avanzamento' })).toHaveCount(0);
		await expect(page.getByRole('region', { name: 'Registra la verifica' })).toHaveCount(0);
		await expect(page.getByText(/Solo chi parla per il capofila o per un partner che contribuisce .*: Cooperativa sociale Il Ponte, Comune di Frosinone/)).toBeVisible();
		// The demo's history: at risk, and the verification that opened the revised action.
		await expect(page.getByText('A rischio').first()).toBeVisible();
		await expect(page.getByRole('region', { name: 'Il ciclo di verifica' }).getByRole('link', { name: 'Laboratorio del legno per chi esce dal carcere (rivista)' })).toBeVisible();
		await checkPage(page, 'plan-action-commenter');
	} finally {
		await context.close();
	}
});
