import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

// The seeded demo network and its people (src/lib/server/db/seed.ts).
export const DEMO_NETWORK = '/networks/de000000-0000-4000-8000-000000000001';
export const DEMO_PASSWORD = 'Trama-demo-2026';
export const DEMO_PEOPLE = {
	giulia: { email: 'giulia.rinaldi@trama.test', name: 'Giulia Rinaldi', id: 'd0000000-0000-4000-8000-000000000001' },
	marco: { email: 'marco.ferri@trama.test', name: 'Marco Ferri', id: 'd0000000-0000-4000-8000-000000000002' },
	anna: { email: 'anna.colombo@trama.test', name: 'Anna Colombo', id: 'd0000000-0000-4000-8000-000000000003' },
	paolo: { email: 'paolo.desantis@trama.test', name: 'Paolo De Santis', id: 'd0000000-0000-4000-8000-000000000004' }
} as const;

export interface Person {
	context: BrowserContext;
	page: Page;
}

/** A person signed in from a browser of their own; a phone, say, when given its viewport. */
export async function signIn(
	browser: Browser,
	email: string,
	viewport?: { width: number; height: number },
	options: { javaScriptEnabled?: boolean } = {}
): Promise<Person> {
	const context = await browser.newContext({ ...(viewport ? { viewport } : {}), ...options });
	const page = await context.newPage();
	// Hydration rewrites the fields' values: typing before it ends would be lost.
	await page.goto('/login', { waitUntil: 'networkidle' });
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Accedi' }).click();
	await expect(page.getByRole('heading', { name: 'Le mie reti' })).toBeVisible();
	return { context, page };
}
