import type { Page } from '@playwright/test';

/** Fills in the sign-up form the page shows and sends it; the email may be filled in already (an invitation). */
export async function signUp(page: Page, person: { name: string; organisation: string; email?: string }) {
	await page.getByLabel('Nome e cognome').fill(person.name);
	await page.getByLabel('Organizzazione').fill(person.organisation);
	if (person.email) await page.getByLabel('Email').fill(person.email);
	await page.getByLabel('Password').fill('una frase lunga e sicura');
	await page.getByRole('button', { name: 'Crea account' }).click();
}
