import { test, expect, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';

const DEMO_NETWORK = '/networks/de000000-0000-4000-8000-000000000001';

async function signIn(page: Page, email: string) {
	await page.goto('/login');
	await expectNoSeriousA11yViolations(page);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('Trama-demo-2026');
	await page.getByRole('button', { name: 'Accedi' }).last().click();
	await expect(page.getByRole('heading', { name: 'Le mie reti' })).toBeVisible();
}

test('every page a facilitator uses passes axe, on a laptop and on a phone', async ({ page }) => {
	await signIn(page, 'giulia.rinaldi@trama.test');
	for (const size of [
		{ width: 1280, height: 800 },
		{ width: 390, height: 844 }
	]) {
		await page.setViewportSize(size);
		for (const path of ['/', '/profile', '/networks/new', DEMO_NETWORK, `${DEMO_NETWORK}/partners`, `${DEMO_NETWORK}/members`, `${DEMO_NETWORK}/settings`]) {
			await page.goto(path);
			await expectNoSeriousA11yViolations(page);
			// Nothing wider than the screen: no sideways scrolling on a phone.
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
		}
	}
});

test('a viewer sees the network read-only, and the settings are refused', async ({ page }) => {
	await signIn(page, 'paolo.desantis@trama.test');
	await page.goto(`${DEMO_NETWORK}/members`);
	await expect(page.getByText('Solo chi facilita la rete può invitare persone e cambiare i ruoli.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Crea invito' })).toHaveCount(0);
	await expectNoSeriousA11yViolations(page);
	const response = await page.goto(`${DEMO_NETWORK}/settings`);
	expect(response?.status()).toBe(403);
	await expectNoSeriousA11yViolations(page);
});

test('an unknown page and a forged invitation get a clear page', async ({ page }) => {
	expect((await page.goto('/non-esiste'))?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Pagina non trovata' })).toBeVisible();
	await expectNoSeriousA11yViolations(page);
	expect((await page.goto('/invite/forged-token'))?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Invito non utilizzabile' })).toBeVisible();
	await expect(page.getByText('Questo link di invito non è valido.')).toBeVisible();
});
