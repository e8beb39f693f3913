import { expect, test, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { FRAGMENT } from '../../src/lib/editor/fragment.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { DEMO_NETWORK, DEMO_PEOPLE, signIn, type Person } from './support/demo.ts';
import { collabClient } from './support/collab-client.ts';
import { createFreeDocument, documentText, editorConnected } from './support/document-page.ts';
import { openInbox } from './support/inbox.ts';

// "Approvato" means approved, and a review is a step people are told about:
// approving keeps a version and makes the text read-only for everyone, the
// editor's typing included, until a facilitator reopens it with a reason;
// asking for review with a deadline notifies a commenter and the deadline
// shows on the document.

const run = Date.now().toString(36);
let giulia: Person;
let marco: Person;
let anna: Person;

test.beforeAll(async ({ browser }) => {
	giulia = await signIn(browser, DEMO_PEOPLE.giulia.email);
	marco = await signIn(browser, DEMO_PEOPLE.marco.email);
	anna = await signIn(browser, DEMO_PEOPLE.anna.email);
});
test.afterAll(async () => {
	for (const person of [giulia, marco, anna]) await person?.context.close();
});

async function typeAtEnd(page: Page, words: string) {
	await documentText(page).click();
	await page.keyboard.press('Control+End');
	await page.keyboard.press('Enter');
	await page.keyboard.type(words);
}

async function setStatus(page: Page, status: string) {
	// Hydrated first: the form then posts without reloading, as a person sees it.
	await page.getByLabel('Stato', { exact: true }).selectOption({ label: status });
	await page.getByRole('button', { name: 'Cambia stato' }).click();
}

/** A date `days` from today, as the date field takes it. */
function daysFromNow(days: number): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date(Date.now() + days * 86_400_000));
}

test.describe.serial('approval', () => {
	let url = '';
	const title = `Patto approvato ${run}`;

	test('approving keeps a version, and an editor can no longer type into the text', async () => {
		url = await createFreeDocument(giulia.page, title);
		await typeAtEnd(giulia.page, 'Le parti si impegnano a tre tirocini.');
		await marco.page.goto(url);
		await editorConnected(marco.page);
		await expect(documentText(marco.page)).toContainText('tre tirocini');

		await setStatus(giulia.page, 'Approvato');
		await expect(giulia.page.getByRole('status').filter({ hasText: 'Documento approvato' })).toBeVisible();
		const approved = giulia.page.getByRole('region', { name: /^Approvato da Giulia Rinaldi il / });
		await expect(approved).toBeVisible();
		const kept = approved.getByRole('link', { name: /^Versione conservata: Approvato il / });
		await expect(kept).toBeVisible();

		// The server closes Marco's open socket; his page asks again what he may do, without a reload: the text is read-only and says why.
		await expect(marco.page.getByText('Questo documento è approvato')).toBeVisible();
		await editorConnected(marco.page);
		await expect(documentText(marco.page)).toHaveAttribute('contenteditable', 'false');
		// His toolbar keeps only "Commenta": no formatting.
		await expect(marco.page.getByRole('button', { name: 'Grassetto' })).toHaveCount(0);
		await documentText(marco.page).click();
		await marco.page.keyboard.type('Testo aggiunto da Marco');
		await expect(documentText(marco.page)).not.toContainText('Testo aggiunto da Marco');
		// Nothing typed is stored: a fresh page shows the approved text only.
		await marco.page.reload();
		await editorConnected(marco.page);
		await expect(documentText(marco.page)).toContainText('tre tirocini');
		await expect(documentText(marco.page)).not.toContainText('Testo aggiunto da Marco');
		await expect(marco.page.getByRole('button', { name: 'Riapri' })).toHaveCount(0);

		// The kept version holds the approved text.
		await kept.click();
		await expect(giulia.page.getByText('Le parti si impegnano a tre tirocini.').first()).toBeVisible();
	});

	test('axe finds nothing serious on an approved document, at 1280 and 390 px', async () => {
		const { page } = giulia;
		for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
			await page.setViewportSize(viewport);
			await page.goto(url);
			await editorConnected(page);
			await page.getByText('Riapri', { exact: true }).click();
			await expectNoSeriousA11yViolations(page);
			await page.screenshot({ path: test.info().outputPath(`approved-${viewport.width}.png`), fullPage: true });
		}
		await page.setViewportSize({ width: 1280, height: 800 });
	});

	test('the collab server drops a forged change to the approved text: nobody ever gets it', async () => {
		await marco.page.goto(url);
		const documentId = new URL(marco.page.url()).pathname.split('/').at(-1)!;
		const forger = await collabClient(marco.page, documentId);
		const reader = await collabClient(marco.page, documentId);
		try {
			await Promise.all([forger.synced, reader.synced]);
			const paragraph = new Y.XmlElement('paragraph');
			paragraph.insert(0, [new Y.XmlText(`Testo falsificato ${run}`)]);
			forger.doc.getXmlFragment(FRAGMENT).push([paragraph]);
			// The server handles a socket's messages in order: once the forger's presence, sent after
			// the change, reaches the reader, the change was either relayed before it or dropped.
			forger.provider.awareness.setLocalStateField('forged', run);
			await expect
				.poll(() => [...reader.provider.awareness.getStates().values()].some((state) => state.forged === run))
				.toBe(true);
			expect(reader.doc.getXmlFragment(FRAGMENT).toString()).not.toContain('Testo falsificato');
		} finally {
			forger.destroy();
			reader.destroy();
		}
		await giulia.page.goto(url);
		await editorConnected(giulia.page);
		await expect(documentText(giulia.page)).toContainText('tre tirocini');
		await expect(documentText(giulia.page)).not.toContainText('Testo falsificato');
	});

	test('a facilitator reopens it with a reason, and the editor writes again', async () => {
		const { page } = giulia;
		await page.goto(url);
		await editorConnected(page);
		await page.getByText('Riapri', { exact: true }).click();
		// Without a reason, nothing happens but a clear message.
		await page.getByRole('button', { name: 'Riapri il documento' }).click();
		await expect(page.getByText('Scrivi perché riapri il documento')).toBeVisible();
		await page.getByLabel('Motivo').fill('Manca l’impegno della ASL');
		await page.getByLabel('Bozza').check();
		await page.getByRole('button', { name: 'Riapri il documento' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Documento riaperto: ora è «Bozza».' })).toBeVisible();
		await expect(page.getByRole('region', { name: /^Approvato da/ })).toHaveCount(0);
		// The activity record says who reopened it and why.
		await page.goto(`${DEMO_NETWORK}/activity`);
		await expect(
			page.getByText(`Giulia Rinaldi ha riaperto «${title}» (da approvato a bozza) perché: Manca l’impegno della ASL`)
		).toBeVisible();

		await marco.page.goto(url);
		await editorConnected(marco.page);
		await expect(documentText(marco.page)).toHaveAttribute('contenteditable', 'true');
		await typeAtEnd(marco.page, 'Impegno della ASL da concordare.');
		// Marco's words are stored: Giulia, opening the document again, reads them.
		await page.goto(url);
		await editorConnected(page);
		await expect(documentText(page)).toContainText('Impegno della ASL da concordare.');
	});
});

test('putting a document in review with a deadline notifies a commenter, and the deadline shows on it', async () => {
	// Two people, the inbox, and axe at two widths: more than one page's worth of work.
	test.slow();
	const title = `Patto in revisione ${run}`;
	const url = await createFreeDocument(giulia.page, title);
	const due = daysFromNow(7);
	const shown = new Intl.DateTimeFormat('it-IT', { dateStyle: 'long', timeZone: 'Europe/Rome' }).format(new Date(`${due}T12:00:00Z`));

	await giulia.page.getByLabel('Stato', { exact: true }).selectOption({ label: 'In revisione' });
	await giulia.page.getByLabel('Scadenza della revisione (facoltativa)').fill(due);
	await giulia.page.getByRole('button', { name: 'Cambia stato' }).click();
	await expect(giulia.page.getByText(`Revisione in corso: commenti entro il ${shown}.`)).toBeVisible();

	const items = await openInbox(anna.page);
	const told = items.filter({ hasText: `Giulia Rinaldi chiede di rivedere «${title}»` });
	await expect(told).toHaveCount(1);
	await told.getByRole('link').click();
	await expect(anna.page).toHaveURL(new RegExp(`${url.replace(/^https?:\/\/[^/]+/, '')}`));
	await expect(anna.page.getByText(`Revisione in corso: commenti entro il ${shown}.`)).toBeVisible();

	for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
		await anna.page.setViewportSize(viewport);
		await anna.page.goto(url);
		await editorConnected(anna.page);
		await expectNoSeriousA11yViolations(anna.page);
	}
	await giulia.page.setViewportSize({ width: 390, height: 844 });
	await giulia.page.goto(url);
	await editorConnected(giulia.page);
	await giulia.page.screenshot({ path: test.info().outputPath('review-390.png'), fullPage: true });
	await giulia.page.setViewportSize({ width: 1280, height: 800 });
});

test('a past deadline is refused with a clear message, keeping the choice', async () => {
	const url = await createFreeDocument(giulia.page, `Scadenza sbagliata ${run}`);
	await giulia.page.getByLabel('Stato', { exact: true }).selectOption({ label: 'In revisione' });
	await giulia.page.getByLabel('Scadenza della revisione (facoltativa)').fill(daysFromNow(-3));
	await giulia.page.getByRole('button', { name: 'Cambia stato' }).click();
	await expect(giulia.page.getByText('Scegli una data valida, da oggi a un anno da oggi.')).toBeVisible();
	await giulia.page.goto(url);
	await expect(giulia.page.locator('.meta').getByText('Bozza')).toBeVisible();
});
