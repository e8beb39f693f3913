import { test, expect, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { DEMO_NETWORK, DEMO_PEOPLE, DEMO_PASSWORD, signIn } from './support/demo.ts';
import { openInbox } from './support/inbox.ts';

// Mentions as people write them: the composer shows the name chosen from its
// suggestions (@Anna Colombo), never the stored form @[Name](mention:id), and
// a name typed in full mentions as well, even from a page without
// JavaScript. Each test posts one thread, and Anna reads her inbox.

const run = Date.now().toString(36);
const discussions = `${DEMO_NETWORK}/discussions`;
const anna = DEMO_PEOPLE.anna;

/** Anna's newest notification that quotes `words`, from her inbox. */
async function annasNotification(browser: Browser, words: string) {
	const { page, context } = await signIn(browser, anna.email);
	const items = await openInbox(page);
	const item = items.filter({ hasText: words });
	await expect(item).toHaveCount(1);
	await expect(item).toContainText('Menzione');
	await context.close();
}

/** Opens the discussions and waits for hydration (the live channel opens then): typing before it would be lost. */
async function openHydrated(page: Page, url: string) {
	const live = page.waitForRequest((request) => new URL(request.url()).pathname === '/live');
	await page.goto(url);
	await live;
}

/** Giulia's new-thread form with "Ciao @An" typed in its message and the suggestions open. */
async function suggestionsOpen(browser: Browser) {
	const giulia = await signIn(browser, DEMO_PEOPLE.giulia.email, { width: 1280, height: 800 });
	const { page } = giulia;
	await openHydrated(page, discussions);
	await page.getByLabel('Titolo').fill(`Delibera di giunta ${run}`);
	const body = page.getByRole('combobox', { name: /Messaggio/ });
	await body.focus();
	await page.keyboard.type('Ciao @An');
	const option = page.getByRole('option', { name: /Anna Colombo/ });
	await expect(option).toBeVisible();
	await expect(body).toHaveAttribute('aria-expanded', 'true');
	return { ...giulia, body, option };
}

test('the suggestions open in the composer pass axe, on a laptop and on a phone', async ({ browser }) => {
	const { page, context, option } = await suggestionsOpen(browser);
	for (const size of [
		{ width: 1280, height: 800 },
		{ width: 390, height: 844 }
	]) {
		await page.setViewportSize(size);
		await option.scrollIntoViewIfNeeded();
		await page.screenshot({ path: test.info().outputPath(`mention-suggestions-${size.width}.png`) });
		await expectNoSeriousA11yViolations(page);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
	}
	await context.close();
});

test('a mention chosen and posted: the box shows the name, the message shows the mention, and Anna is told', async ({ browser }) => {
	const { page, context, body, option } = await suggestionsOpen(browser);
	await option.click();
	await expect(body).toHaveValue('Ciao @Anna Colombo ');
	await expect(body).toBeFocused();
	// Her whole name written, the list stays shut: Enter makes a new line.
	await expect(body).toHaveAttribute('aria-expanded', 'false');
	await page.keyboard.type(`ci mandi la delibera ${run}?`);
	await expect(body).toHaveValue(`Ciao @Anna Colombo ci mandi la delibera ${run}?`);
	expect(await body.inputValue()).not.toContain('mention:');

	await page.getByRole('button', { name: 'Avvia la discussione' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Delibera di giunta ${run}` })).toBeVisible();
	const mention = page.locator('.mention', { hasText: '@Anna Colombo' });
	await expect(mention).toBeVisible();
	await expect(mention).toHaveAttribute('data-user', anna.id);
	await expect(page.getByRole('main')).not.toContainText('mention:');
	await context.close();

	await annasNotification(browser, `Ciao @Anna Colombo ci mandi la delibera ${run}?`);
});

test('a name typed in full after an @, on a page without JavaScript, mentions her too', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('Email').fill(DEMO_PEOPLE.marco.email);
	await page.getByLabel('Password').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Accedi' }).click();
	await expect(page.getByRole('heading', { name: 'Le mie reti' })).toBeVisible();

	await page.goto(discussions);
	await page.getByLabel('Titolo').fill(`Sala di gennaio ${run}`);
	await page.getByRole('combobox', { name: /Messaggio/ }).fill(`Confermo la sala, @anna colombo: ti va il 13 ${run}?`);
	await page.getByRole('button', { name: 'Avvia la discussione' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Sala di gennaio ${run}` })).toBeVisible();
	// Written with her name as she gave it.
	await expect(page.locator('.mention', { hasText: '@Anna Colombo' })).toHaveAttribute('data-user', anna.id);
	await context.close();

	await annasNotification(browser, `Confermo la sala, @Anna Colombo: ti va il 13 ${run}?`);
});
