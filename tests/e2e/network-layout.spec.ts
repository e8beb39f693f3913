import { test, expect, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { DEMO_NETWORK, DEMO_PEOPLE, signIn, type Person } from './support/demo.ts';

// The frame of a network's pages: on a phone the header and the network's
// tabs fold into menus and leave the first screen to the page; the network's
// name sits in the same place on every tab, on a phone and on a laptop.
const NAME = 'Inserimento lavorativo – Ambito di Frosinone 2027';
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };
const TABS: [string, string][] = [
	['home', DEMO_NETWORK],
	['documents', `${DEMO_NETWORK}/documents`],
	['partners', `${DEMO_NETWORK}/partners`],
	['members', `${DEMO_NETWORK}/members`],
	['files', `${DEMO_NETWORK}/files`],
	['discussions', `${DEMO_NETWORK}/discussions`],
	['activity', `${DEMO_NETWORK}/activity`],
	['settings', `${DEMO_NETWORK}/settings`],
	['map', `${DEMO_NETWORK}/documents/dd000000-0000-4000-8000-000000000002`],
	['welcome', `${DEMO_NETWORK}/welcome`]
];

const networkHead = (page: Page) => page.locator('.network-head');
const title = (page: Page) => networkHead(page).getByText(NAME, { exact: true });
const sectionsButton = (page: Page) => networkHead(page).locator('summary');
const sections = (page: Page) => page.getByRole('navigation', { name: NAME });

let giulia: Person;
test.beforeAll(async ({ browser }) => {
	giulia = await signIn(browser, DEMO_PEOPLE.giulia.email, LAPTOP);
});
test.afterAll(async () => {
	await giulia?.context.close();
});

for (const viewport of [LAPTOP, PHONE]) {
	test(`at ${viewport.width} px the network's name is in the same place on every tab, and axe finds nothing serious`, async () => {
		// Ten pages, each checked by axe.
		test.setTimeout(180_000);
		const { page } = giulia;
		await page.setViewportSize(viewport);
		const boxes = new Map<string, unknown>();
		for (const [name, url] of TABS) {
			await page.goto(url);
			await expect(title(page)).toBeVisible();
			const box = await title(page).boundingBox();
			boxes.set(name, box && [box.x, box.y, box.width, box.height].map(Math.round));
			if (viewport === PHONE) {
				// The header and the network's tabs, together, within the first quarter of the screen.
				const bottom = await sections(page).evaluate((nav) => nav.getBoundingClientRect().bottom);
				expect(bottom, `the tabs of ${name} end ${bottom}px down`).toBeLessThanOrEqual(PHONE.height / 4);
			}
			await page.screenshot({ path: test.info().outputPath(`${name}-${viewport.width}.png`) });
			await expectNoSeriousA11yViolations(page);
		}
		const home = boxes.get('home');
		for (const [name] of TABS) expect(boxes.get(name), `the name's box on ${name}`).toEqual(home);
	});
}

test('on a phone the tabs are a menu that names the current tab, works by keyboard and closes as menus do', async () => {
	const { page } = giulia;
	await page.setViewportSize(PHONE);
	await page.goto(`${DEMO_NETWORK}/partners`);
	const button = sectionsButton(page);
	await expect(button).toHaveAccessibleName('Sezioni della rete, ora: Partner');
	await expect(button).toHaveText(/Partner/);
	await expect(button).toHaveAttribute('aria-expanded', 'false');
	await expect(sections(page).getByRole('link', { name: 'Persone' })).toBeHidden();

	await button.click();
	await expect(button).toHaveAttribute('aria-expanded', 'true');
	await expect(sections(page).getByRole('link', { name: 'Partner' })).toHaveAttribute('aria-current', 'page');
	await page.screenshot({ path: test.info().outputPath('sections-open-390.png') });
	await expectNoSeriousA11yViolations(page);
	// Escape closes it and gives the focus back to its button.
	await sections(page).getByRole('link', { name: 'Persone' }).focus();
	await page.keyboard.press('Escape');
	await expect(button).toHaveAttribute('aria-expanded', 'false');
	await expect(button).toBeFocused();

	// By keyboard: open, Tab to a tab, follow it; the menu closes and names the new tab.
	await page.keyboard.press('Enter');
	await expect(button).toHaveAttribute('aria-expanded', 'true');
	await page.keyboard.press('Tab');
	await expect(sections(page).getByRole('link', { name: 'Panoramica' })).toBeFocused();
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Documenti' })).toBeVisible();
	await expect(button).toHaveAttribute('aria-expanded', 'false');
	await expect(button).toHaveAccessibleName('Sezioni della rete, ora: Documenti');

	// A click elsewhere closes it too.
	await button.click();
	await expect(button).toHaveAttribute('aria-expanded', 'true');
	await title(page).click();
	await expect(button).toHaveAttribute('aria-expanded', 'false');
});

test('on a phone the header keeps to one line, the rest behind its menu', async () => {
	const { page } = giulia;
	await page.setViewportSize(PHONE);
	await page.goto(DEMO_NETWORK);
	const header = page.getByRole('banner').first();
	expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
	const main = page.getByRole('navigation', { name: 'Navigazione principale' });
	await expect(main.getByRole('link', { name: /^Notifiche/ })).toBeVisible();
	await expect(main.getByRole('button', { name: 'Esci' })).toBeHidden();
	await main.locator('summary').click();
	await expect(main.getByRole('button', { name: 'Esci' })).toBeVisible();
	await expect(main.getByRole('link', { name: /^Profilo/ })).toBeVisible();
	await page.screenshot({ path: test.info().outputPath('header-menu-390.png') });
	await expectNoSeriousA11yViolations(page);
	await page.keyboard.press('Escape');
	await expect(main.getByRole('button', { name: 'Esci' })).toBeHidden();
	// On a laptop the same links are in line, without a menu.
	await page.setViewportSize(LAPTOP);
	await expect(main.locator('summary')).toBeHidden();
	await expect(main.getByRole('button', { name: 'Esci' })).toBeVisible();
	await expect(sections(page).getByRole('link', { name: 'Persone' })).toBeVisible();
});

test('without JavaScript the tabs menu opens and its links work', async ({ browser }) => {
	const { context, page } = await signIn(browser, DEMO_PEOPLE.giulia.email, PHONE, { javaScriptEnabled: false });
	await page.goto(DEMO_NETWORK);
	await expect(sections(page).getByRole('link', { name: 'Persone' })).toBeHidden();
	await sectionsButton(page).click();
	await sections(page).getByRole('link', { name: 'Persone' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Persone' })).toBeVisible();
	await expect(sectionsButton(page)).toHaveText(/Persone/);
	await context.close();
});
