import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { DEMO_NETWORK, DEMO_PEOPLE, signIn, type Person } from './support/demo.ts';
import { collabClient } from './support/collab-client.ts';
import { blankAction } from '../../src/lib/plan/plan.ts';
import { PLAN_ACTIONS } from '../../src/lib/plan/plan-doc.ts';
import { putItems } from '../../src/lib/structured/items-doc.ts';

// Where the demo plan stands: Giulia reads its monitoring page — the
// overall progress, the late demo action (the van from Isola del Liri ended
// on 30 November), a chart's table — and the page passes axe at desktop and
// phone widths. Then an action of Marco's cooperative written with its end
// already past reaches him in his notifications, and leads to its page.

const CO_DESIGN = 'dd000000-0000-4000-8000-000000000003';
const PLAN_PATH = `${DEMO_NETWORK}/documents/${CO_DESIGN}`;
const MONITORING = `${PLAN_PATH}/plan/monitoring`;
const IL_PONTE = 'de000000-0000-4000-8000-000000000109';
/** The demo plan's first general objective. */
const OBJECTIVE = 'ee000000-0000-4000-8000-000000000001';
const run = Date.now().toString(36);

let giulia: Person;
let marco: Person;

test.beforeAll(async ({ browser }) => {
	giulia = await signIn(browser, DEMO_PEOPLE.giulia.email);
	marco = await signIn(browser, DEMO_PEOPLE.marco.email);
});
test.afterAll(async () => {
	for (const person of [giulia, marco]) await person?.context.close();
});

async function checkPage(page: Page, name: string) {
	for (const width of [1280, 360]) {
		await page.setViewportSize({ width, height: 800 });
		await expectNoSeriousA11yViolations(page);
	}
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.screenshot({ path: test.info().outputPath(`${name}-1280.png`), fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: test.info().outputPath(`${name}-390.png`), fullPage: true });
}

test("the demo plan's monitoring shows its progress, its late action and a chart's table", async () => {
	const { page } = giulia;
	await page.goto(MONITORING);
	await expect(page.getByRole('heading', { level: 1, name: 'Monitoraggio del piano' })).toBeVisible();
	await expect(page.getByText('Avanzamento medio')).toBeVisible();

	const late = page.getByRole('region', { name: /^Azioni in ritardo/ });
	const van = late.getByRole('link', { name: 'Il furgone attrezzato da Isola del Liri' });
	await expect(van).toBeVisible();
	await expect(van).toHaveAttribute('href', `${PLAN_PATH}/plan/actions/ea000000-0000-4000-8000-000000000006`);
	await expect(late).toContainText('doveva finire il 30 novembre 2026');

	// Each chart's figures are a table too, behind a disclosure.
	const byStatus = page.getByRole('region', { name: 'Azioni per stato' });
	const table = byStatus.getByRole('table', { name: 'Azioni per stato' });
	await expect(table).toBeHidden();
	await byStatus.getByText('Mostra i dati in tabella').click();
	await expect(table.getByRole('row', { name: /Non avviata/ })).toBeVisible();
	const indicators = page.getByRole('region', { name: 'Indicatori rispetto ai valori attesi' });
	await indicators.getByText('Mostra i dati in tabella').click();
	await expect(indicators.getByRole('row', { name: /Tirocinanti trasportati ogni giorno/ })).toBeVisible();

	await checkPage(page, 'plan-monitoring');
});

test('a late action of his cooperative reaches Marco in his notifications, leading to the action', async () => {
	const { page } = marco;
	await page.goto(PLAN_PATH);
	const title = `Sportello serale per i tirocinanti ${run}`;
	const action = blankAction(crypto.randomUUID(), OBJECTIVE, {
		title,
		leadPartnerId: IL_PONTE,
		system: 'employment',
		from: '2026-09-01',
		to: '2026-11-20'
	});
	const writer = await collabClient(page, CO_DESIGN);
	try {
		await writer.synced;
		putItems(writer.doc, PLAN_ACTIONS, [action]);
		// The collab server projects the action; its end already past, the database reminds at once.
		await expect(async () => {
			await page.goto('/notifications');
			await expect(page.getByRole('main').getByRole('listitem').filter({ hasText: title })).toBeVisible({ timeout: 1000 });
		}).toPass({ timeout: 20_000 });
	} finally {
		writer.destroy();
	}
	const item = page.getByRole('main').getByRole('listitem').filter({ hasText: title });
	await expect(item).toContainText('Azione in ritardo');
	await expect(item).toContainText('ha passato la data di fine e non è conclusa');
	await item.getByRole('link', { name: /ha passato la data di fine/ }).click();
	await expect(page).toHaveURL(`${PLAN_PATH}/plan/actions/${action.id}`);
});
