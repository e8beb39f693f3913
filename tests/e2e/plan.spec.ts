import { test, expect, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { DEMO_NETWORK, DEMO_PEOPLE, signIn, type Person } from './support/demo.ts';

// The co-design document's action plan, co-written live beside its text:
// Giulia (facilitator) and Marco (editor for his cooperative) write the plan
// at once and each sees the other's changes arrive; bad input says why beside
// each field; Paolo (viewer) reads it without edit controls.
const CO_DESIGN = `${DEMO_NETWORK}/documents/dd000000-0000-4000-8000-000000000003`;
const PLAN = `${CO_DESIGN}/plan`;
const run = Date.now().toString(36);
const OBJECTIVE = `Accompagnare i giovani NEET ${run}`;
const ACTION = `Laboratori di orientamento per NEET ${run}`;
const LATE = 'Il furgone attrezzato da Isola del Liri';
const PONTE = 'Cooperativa sociale Il Ponte';

const panel = (page: Page) => page.getByRole('complementary', { name: 'Elemento del piano aperto' });
/** A form field by its label, with or without "(facoltativo)". */
const field = (scope: Locator, label: string) => scope.getByLabel(new RegExp(`^\\s*${label}(\\s+\\(facoltativo\\))?\\s*$`));
const link = (page: Page, title: string) => page.getByRole('link', { name: title, exact: true });

test.describe.configure({ mode: 'serial' });

let giulia: Person;
let marco: Person;

/** Opens the plan and waits until the live plan is in (the add buttons show for editors once it has started). */
async function openPlan(page: Page, query = '', editor = true) {
	await page.goto(`${PLAN}${query}`);
	await expect(page.getByRole('heading', { level: 1, name: /^Piano d’azione/ })).toBeVisible();
	if (editor) await expect(page.getByRole('button', { name: 'Aggiungi un’azione' })).toBeVisible();
	await expect(page.getByText(/^Connesso:/)).toBeVisible();
}

test.beforeAll(async ({ browser }) => {
	giulia = await signIn(browser, DEMO_PEOPLE.giulia.email);
	marco = await signIn(browser, DEMO_PEOPLE.marco.email);
});
test.afterAll(async () => {
	for (const person of [giulia, marco]) await person?.context.close();
});

test('the co-design text leads to its plan, which shows the demo objectives and actions in a matrix', async () => {
	const page = giulia.page;
	await page.goto(CO_DESIGN);
	await page.getByRole('link', { name: 'Apri il piano d’azione' }).click();
	await expect(page).toHaveURL(PLAN);
	await expect(page.getByRole('heading', { level: 3, name: /I servizi, le imprese e la scuola lavorano come una rete sola/ })).toBeVisible();
	await expect(page.getByRole('table', { name: /Tirocini per le persone in carico al CSM di Frosinone/ })).toBeVisible();
	// Action 6 ended on 30 November and is not done: late.
	await expect(page.getByRole('region', { name: 'Matrice' }).getByText(/ritardo/i).first()).toBeVisible();
});

test('two editors co-write the plan live: one adds an objective and an action, the other sees it and changes it', async () => {
	test.slow();
	await Promise.all([openPlan(giulia.page), openPlan(marco.page)]);

	const page = giulia.page;
	await page.getByRole('button', { name: 'Aggiungi un obiettivo' }).click();
	let form = panel(page);
	await expect(form.getByRole('heading', { name: 'Nuovo obiettivo' })).toBeFocused();
	await field(form, 'Obiettivo').fill(OBJECTIVE);
	await form.getByRole('button', { name: 'Aggiungi l’obiettivo' }).click();
	await expect(form.getByText('Obiettivo aggiunto.')).toBeVisible();

	await page.getByRole('button', { name: 'Aggiungi un’azione' }).click();
	form = panel(page);
	await expect(form.getByRole('heading', { name: 'Nuova azione' })).toBeFocused();
	await field(form, 'Obiettivo').selectOption({ label: OBJECTIVE });
	await field(form, 'Azione').fill(ACTION);
	await field(form, 'Partner capofila').selectOption({ label: PONTE });
	await form.getByRole('group', { name: /^Partner che contribuiscono/ }).getByRole('checkbox', { name: 'Comune di Frosinone – Servizi sociali' }).check();
	await field(form, 'Dal').fill('2027-02-01');
	await field(form, 'Al').fill('2027-06-30');
	await field(form, 'Ore').fill('120');
	await field(form, 'Euro pubblici').fill('4.500,50');
	await form.getByRole('button', { name: 'Aggiungi un indicatore' }).click();
	const indicator = form.getByRole('group', { name: 'Indicatore 1' });
	await field(indicator, 'Nome').fill('Giovani che concludono il laboratorio');
	await field(indicator, 'Valore di partenza').fill('0');
	await field(indicator, 'Valore obiettivo').fill('20');
	await field(indicator, 'Unità').fill('persone');
	await field(form, 'Come si verifica').fill('Registro delle presenze');
	await form.getByRole('button', { name: 'Aggiungi l’azione' }).click();
	await expect(form.getByText('Azione aggiunta.')).toBeVisible();
	await expect(form.getByText('Euro pubblici: 4500,50 €')).toBeVisible();

	// Marco sees both arrive, and changes the hours.
	await expect(marco.page.getByRole('heading', { level: 3, name: new RegExp(OBJECTIVE) })).toBeVisible();
	await link(marco.page, ACTION).click();
	const his = panel(marco.page);
	await his.getByRole('button', { name: 'Modifica' }).click();
	await field(his, 'Ore').fill('200');
	await his.getByRole('button', { name: 'Salva' }).click();
	await expect(his.getByText('Azione salvata.')).toBeVisible();

	// Giulia, with the action open, sees his change.
	await expect(panel(page).getByText('Ore: 200')).toBeVisible();
	// And in his organisation's view, his cooperative comes first.
	await openPlan(marco.page, '?view=partner');
	await expect(marco.page.getByRole('heading', { level: 3 }).first()).toContainText(PONTE);
	await expect(marco.page.getByRole('heading', { level: 3 }).first()).toContainText('La tua organizzazione');
});

test('an action ending before it starts, or an indicator without a unit, says why beside each field and saves nothing', async () => {
	const page = giulia.page;
	await openPlan(page);
	await page.getByRole('button', { name: 'Aggiungi un’azione' }).click();
	const form = panel(page);
	const wrong = `Azione sbagliata ${run}`;
	await field(form, 'Obiettivo').selectOption({ label: OBJECTIVE });
	await field(form, 'Azione').fill(wrong);
	await field(form, 'Partner capofila').selectOption({ label: PONTE });
	await field(form, 'Dal').fill('2027-06-01');
	await field(form, 'Al').fill('2027-01-31');
	await form.getByRole('button', { name: 'Aggiungi un indicatore' }).click();
	const indicator = form.getByRole('group', { name: 'Indicatore 1' });
	await field(indicator, 'Nome').fill('Ore di tirocinio');
	await field(indicator, 'Valore obiettivo').fill('300');
	await form.getByRole('button', { name: 'Aggiungi l’azione' }).click();

	await expect(form.getByText('Il modulo contiene errori: correggi i campi indicati.')).toBeVisible();
	await expect(field(form, 'Al')).toHaveAccessibleDescription(/L’azione non può finire prima di cominciare\./);
	await expect(field(indicator, 'Unità')).toHaveAccessibleDescription(/Indica l’unità di misura/);
	await expect(field(form, 'Al')).toBeFocused();
	// Everything typed is still there, and nothing reached the plan.
	await expect(field(form, 'Azione')).toHaveValue(wrong);
	await expect(field(indicator, 'Valore obiettivo')).toHaveValue('300');
	await expect(link(page, wrong)).toHaveCount(0);

	await form.getByRole('button', { name: /^Chiudi/ }).click();
	await expect(form.getByText('Hai modifiche non salvate. Vuoi scartarle?')).toBeVisible();
	await form.getByRole('button', { name: 'Scarta le modifiche' }).click();
	await expect(panel(page)).toHaveCount(0);
});

test('a removed action can be brought back', async () => {
	const page = giulia.page;
	await openPlan(page, `?q=${encodeURIComponent(run)}`);
	await link(page, ACTION).click();
	await panel(page).getByText('Rimuovi l’azione').click();
	await panel(page).getByRole('button', { name: 'Sì, rimuovi' }).click();
	await expect(link(page, ACTION)).toHaveCount(0);
	await page.getByRole('button', { name: 'Annulla la rimozione' }).click();
	await expect(link(page, ACTION)).toBeVisible();
});

test('the filter narrows every view and stays in the address', async () => {
	const page = giulia.page;
	await openPlan(page);
	await page.getByLabel('Stato').selectOption({ label: 'Oltre la data di fine' });
	await expect(page).toHaveURL(/status=late_now/);
	// The demo's late van, and any late action other specs added: as many in every view.
	const count = page.getByText(/^Azioni mostrate: \d+ su \d+$/);
	await expect(count).toBeVisible();
	const [, shown, total] = (await count.textContent())!.match(/(\d+) su (\d+)/)!.map(Number);
	expect(shown).toBeLessThan(total);
	await expect(link(page, LATE)).toBeVisible();
	await page.getByRole('link', { name: 'Per sistema' }).click();
	await expect(page).toHaveURL(/status=late_now/);
	await expect(page.getByRole('article')).toHaveCount(shown);
	await expect(link(page, LATE)).toBeVisible();
});

test('a viewer reads the plan without edit controls', async ({ browser }) => {
	const paolo = await signIn(browser, DEMO_PEOPLE.paolo.email);
	const page = paolo.page;
	await openPlan(page, '', false);
	await expect(page.getByText('Hai il ruolo di lettore: puoi consultare il piano, ma non modificarlo.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Aggiungi un’azione' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Aggiungi un obiettivo' })).toHaveCount(0);
	await link(page, ACTION).click();
	await expect(panel(page).getByRole('heading', { name: ACTION })).toBeVisible();
	await expect(panel(page).getByRole('button', { name: 'Modifica' })).toHaveCount(0);
	await expect(panel(page).getByRole('link', { name: 'Pagina dell’azione e avanzamento' })).toHaveAttribute('href', /\/plan\/actions\/[0-9a-f-]{36}$/);
	await paolo.context.close();
});

for (const width of [1280, 360]) {
	test(`every view of the plan and its form pass axe at ${width} px`, async () => {
		test.slow();
		const page = giulia.page;
		await page.setViewportSize({ width, height: 800 });
		for (const view of ['matrix', 'partner', 'system', 'timeline']) {
			await openPlan(page, `?view=${view}`);
			await expectNoSeriousA11yViolations(page);
		}
		await openPlan(page);
		await page.getByRole('button', { name: 'Aggiungi un’azione' }).click();
		await panel(page).getByRole('button', { name: 'Aggiungi un indicatore' }).click();
		await panel(page).getByRole('button', { name: 'Aggiungi l’azione' }).click();
		await expect(panel(page).getByText('Il modulo contiene errori: correggi i campi indicati.')).toBeVisible();
		await expectNoSeriousA11yViolations(page);
		await panel(page).getByRole('button', { name: /^Chiudi/ }).click();
		await panel(page).getByRole('button', { name: 'Scarta le modifiche' }).click();
		await page.getByRole('button', { name: 'Aggiungi un obiettivo' }).click();
		await expectNoSeriousA11yViolations(page);
		await page.setViewportSize({ width: 1280, height: 800 });
	});
}
