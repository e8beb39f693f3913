import { test, expect } from '@playwright/test';

test('the health check names the database, the auth provider and the file store', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(await response.json()).toEqual({ ok: true, database: 'pglite', auth: 'embedded', files: 'disk' });
});

test('session cookies are httpOnly and SameSite=Lax, and sign-out revokes the session', async ({ page, context }) => {
	await page.goto('/login');
	await page.getByLabel('Email').fill('marco.ferri@trama.test');
	await page.getByLabel('Password').fill('Trama-demo-2026');
	await page.getByRole('button', { name: 'Accedi' }).last().click();
	await expect(page.getByRole('heading', { name: 'Le mie reti' })).toBeVisible();
	const session = (await context.cookies()).find((c) => c.name === 'trama_session');
	expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

	await page.getByRole('button', { name: 'Esci' }).click();
	await expect(page.getByRole('heading', { name: 'Accedi a Trama' })).toBeVisible();
	// Replaying the old cookie must not bring the session back.
	await context.addCookies([{ ...session!, expires: -1 }]);
	await page.goto('/profile');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fprofile/);
});
