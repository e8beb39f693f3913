import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { signUp } from './support/sign-up.ts';
import { commentOn, commentPanel, documentText, editorConnected } from './support/document-page.ts';
import { inboxItems, openInbox } from './support/inbox.ts';

// Asking for more access: a viewer refused on a document asks the
// facilitator for another role from the page that refused them; the
// facilitator grants or declines from the notification, with JavaScript or
// without; the viewer then has the role, or is told no.

// A run-unique suffix: the e2e server's database lives for the whole run.
const run = Date.now().toString(36);
// Each test signs two people up, makes a network and an invitation and walks both through it.
test.describe.configure({ timeout: 180_000 });
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** Axe at a phone's width and a laptop's, with a screenshot of each, leaving the page at the laptop's. */
async function checkAtBothWidths(page: Page, name: string) {
	for (const size of [PHONE, DESKTOP]) {
		await page.setViewportSize(size);
		await expectNoSeriousA11yViolations(page);
		await page.evaluate(() => window.scrollTo(0, 0));
		await page.screenshot({ path: test.info().outputPath(`${name}-${size.width}.png`), fullPage: false });
	}
}

// Every browser a test opens, closed when it ends whatever happened.
const opened: BrowserContext[] = [];
test.afterEach(async () => {
	for (const context of opened.splice(0)) await context.close();
});

async function newPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
	const context = await browser.newContext({ viewport: DESKTOP, ...options });
	opened.push(context);
	return context.newPage();
}

interface Cast {
	facilitator: Page;
	viewer: Page;
	home: string;
	documentUrl: string;
	viewerName: string;
}

/** A new facilitator with a network and a document in it, and a new person who joined it as a viewer. */
async function networkWithViewer(browser: Browser, who: string): Promise<Cast> {
	const facilitator = await newPage(browser);
	await facilitator.goto('/signup', { waitUntil: 'networkidle' });
	await signUp(facilitator, { name: `${who} Facilitatrice`, organisation: 'Agente di comunità', email: `${who.toLowerCase()}.f.${run}@trama.test` });
	await expect(facilitator.getByRole('heading', { name: 'Le mie reti' })).toBeVisible();
	await facilitator.getByRole('link', { name: 'Crea una rete' }).click();
	await facilitator.getByLabel('Nome della rete').fill(`Rete di ${who} ${run}`);
	await facilitator.getByLabel('Ambito territoriale').fill('Ambito FR-C, Sora');
	await facilitator.getByRole('button', { name: 'Crea la rete' }).click();
	await expect(facilitator.getByRole('heading', { level: 1, name: `Rete di ${who} ${run}` })).toBeVisible();
	const home = facilitator.url();

	await facilitator.goto(`${home}/documents`);
	await facilitator.getByLabel('Titolo').fill('Patto di comunità di Sora');
	await facilitator.getByLabel('Tipo di documento').selectOption('free');
	await facilitator.getByRole('button', { name: 'Crea il documento' }).click();
	await expect(facilitator.getByRole('heading', { level: 1, name: 'Patto di comunità di Sora' })).toBeVisible();
	const documentUrl = facilitator.url();

	const email = `${who.toLowerCase()}.v.${run}@asl.test`;
	await facilitator.goto(`${home}/members`);
	await facilitator.getByLabel('Email della persona').fill(email);
	await facilitator.getByLabel('Ruolo', { exact: true }).selectOption('viewer');
	await facilitator.getByRole('button', { name: 'Crea invito' }).click();
	const link = await facilitator.getByLabel('Link di invito', { exact: true }).inputValue();

	const viewerName = `${who} Lettrice`;
	const viewer = await newPage(browser);
	await viewer.goto(link);
	await viewer.getByRole('link', { name: 'Registrati per accettare' }).click();
	await expect(viewer.getByLabel('Email')).toHaveValue(email);
	await signUp(viewer, { name: viewerName, organisation: 'ASL Frosinone' });
	await viewer.getByRole('button', { name: 'Accetta l’invito' }).click();
	await expect(viewer.getByText(/Il tuo ruolo è Lettore/)).toBeVisible();
	return { facilitator, viewer, home, documentUrl, viewerName };
}

/** The facilitator's notification of the viewer's request. */
const requestNotice = (page: Page, name: string, role: string) =>
	inboxItems(page).filter({ hasText: `${name} chiede il ruolo di ${role}` });

test('an access request granted: a viewer asks from the document, the facilitator grants it from the notification, the viewer edits', async ({
	browser
}) => {
	const { facilitator, viewer, documentUrl, viewerName } = await networkWithViewer(browser, 'Viola');

	await test.step('the document refuses the viewer its text, and offers to ask for the editor role', async () => {
		await viewer.goto(documentUrl);
		await editorConnected(viewer);
		await expect(documentText(viewer)).toHaveAttribute('contenteditable', 'false');
		await expect(viewer.getByText('Hai il ruolo di lettore: vedi le modifiche dal vivo')).toBeVisible();
		await checkAtBothWidths(viewer, 'document-refused');
		await viewer.getByRole('link', { name: 'Chiedi il ruolo di redattore' }).click();
		await expect(viewer.getByRole('heading', { level: 1, name: 'Chiedi un altro ruolo' })).toBeVisible();
		await expect(viewer.getByText('Il tuo ruolo in questa rete: lettore.')).toBeVisible();
		await expect(viewer.getByRole('radio', { name: /Redattore/ })).toBeChecked();
		await viewer.getByLabel('Messaggio a chi facilita la rete').fill('Vorrei completare la parte sui tirocini del DSM.');
		await checkAtBothWidths(viewer, 'request-form');
	});

	await test.step('the viewer sends the request and sees it waiting', async () => {
		await viewer.getByRole('button', { name: 'Invia la richiesta' }).click();
		await expect(viewer.getByRole('status')).toContainText('Richiesta inviata');
		await expect(viewer.getByText(/Hai chiesto il ruolo di redattore il .*: la richiesta aspetta una risposta/)).toBeVisible();
		await expect(viewer.getByRole('button', { name: 'Invia la richiesta' })).toHaveCount(0);
	});

	await test.step('the facilitator finds the request in the inbox, with the message, and grants it', async () => {
		await openInbox(facilitator);
		const notice = requestNotice(facilitator, viewerName, 'redattore');
		await expect(notice).toHaveCount(1);
		await expect(notice).toContainText('Vorrei completare la parte sui tirocini del DSM.');
		await expect(notice).toContainText('Richiesta di ruolo');
		await checkAtBothWidths(facilitator, 'inbox-request');
		await notice.getByRole('button', { name: 'Accogli' }).click();
		await expect(facilitator.getByRole('status').filter({ hasText: 'Richiesta accolta' })).toContainText(
			`${viewerName} ora ha il ruolo di redattore`
		);
		await expect(notice).toContainText(/Accolta da Viola Facilitatrice il/);
		await expect(notice.getByRole('button', { name: 'Accogli' })).toHaveCount(0);
	});

	await test.step('the viewer is told, and now writes in the document', async () => {
		await viewer.goto(documentUrl);
		await editorConnected(viewer);
		await expect(documentText(viewer)).toHaveAttribute('contenteditable', 'true');
		await expect(viewer.getByText('Hai il ruolo di lettore: vedi le modifiche dal vivo')).toHaveCount(0);
		await documentText(viewer).click();
		await viewer.keyboard.press('Control+End');
		await viewer.keyboard.type(' Tirocini con il DSM.');
		await expect(documentText(viewer)).toContainText('Tirocini con il DSM.');
		const items = await openInbox(viewer);
		await expect(items.filter({ hasText: 'Viola Facilitatrice ha accolto la tua richiesta: ora sei redattore' })).toHaveCount(1);
	});

	await test.step('the activity record says who granted what', async () => {
		await facilitator.goto(documentUrl.replace(/\/documents\/.*$/, '/activity'));
		await expect(facilitator.getByText(`Viola Facilitatrice ha accolto la richiesta di ${viewerName} del ruolo di redattore`)).toBeVisible();
	});
});

test('an access request declined, and another granted without JavaScript: the viewer then comments', async ({ browser }) => {
	const { facilitator, viewer, home, documentUrl, viewerName } = await networkWithViewer(browser, 'Dora');
	// The facilitator's own browser without JavaScript, signed in as she is.
	const plain = await newPage(browser, { javaScriptEnabled: false });
	await plain.context().addCookies(await facilitator.context().cookies());

	const askToComment = async (message: string) => {
		await viewer.goto(documentUrl);
		await expect(commentPanel(viewer)).toContainText('Hai il ruolo di lettore');
		await commentPanel(viewer).getByRole('link', { name: 'Chiedi il ruolo di commentatore' }).click();
		await expect(viewer.getByRole('radio', { name: /Commentatore/ })).toBeChecked();
		await viewer.getByLabel('Messaggio a chi facilita la rete').fill(message);
		await viewer.getByRole('button', { name: 'Invia la richiesta' }).click();
		await expect(viewer.getByRole('status')).toContainText('Richiesta inviata');
	};

	await test.step('a page only facilitators may open refuses the viewer, and offers to ask', async () => {
		await viewer.goto(`${home}/settings`);
		await expect(viewer.getByRole('heading', { level: 1, name: 'Accesso negato' })).toBeVisible();
		await viewer.getByRole('link', { name: 'Chiedi a chi facilita la rete un altro ruolo' }).click();
		await expect(viewer.getByRole('heading', { level: 1, name: 'Chiedi un altro ruolo' })).toBeVisible();
		await expect(viewer.getByRole('radio', { name: /Commentatore/ })).toBeChecked();
	});

	await test.step('the viewer asks to comment, from the comment panel', async () => {
		await askToComment('Vorrei lasciare qualche osservazione.');
	});

	await test.step('the facilitator declines it without JavaScript, and the page says so', async () => {
		await plain.goto('/notifications');
		const notice = requestNotice(plain, viewerName, 'commentatore');
		await expect(notice).toHaveCount(1);
		await notice.getByRole('button', { name: 'Rifiuta' }).click();
		await expect(plain.getByRole('status').filter({ hasText: `Richiesta di ${viewerName} rifiutata` })).toBeVisible();
		await expect(requestNotice(plain, viewerName, 'commentatore')).toContainText(/Rifiutata da Dora Facilitatrice il/);
	});

	await test.step('the viewer is told no, keeps the role, and may ask again', async () => {
		await viewer.goto(`${home}/access`);
		await expect(viewer.getByText(/Dora Facilitatrice non ha accolto la tua richiesta del ruolo di commentatore/)).toBeVisible();
		await expect(viewer.getByText('Il tuo ruolo in questa rete: lettore.')).toBeVisible();
		const items = await openInbox(viewer);
		await expect(items.filter({ hasText: 'Dora Facilitatrice non ha accolto la tua richiesta del ruolo di commentatore' })).toHaveCount(1);
		await askToComment('Ci terrei: il DSM segue sei tirocinanti.');
	});

	await test.step('the members page lists the waiting request', async () => {
		await facilitator.goto(`${home}/members`);
		await expect(facilitator.getByRole('region', { name: /Richieste di un altro ruolo/ })).toContainText(viewerName);
		await checkAtBothWidths(facilitator, 'members-request');
	});

	await test.step('the members page grants it without JavaScript', async () => {
		await plain.goto(`${home}/members`);
		const section = plain.getByRole('region', { name: /Richieste di un altro ruolo/ });
		await expect(section).toContainText(`${viewerName} chiede il ruolo di commentatore; ora è lettore.`);
		await expect(section).toContainText('Ci terrei: il DSM segue sei tirocinanti.');
		await section.getByRole('button', { name: 'Accogli' }).click();
		await expect(plain.getByRole('status').filter({ hasText: 'Richiesta accolta' })).toContainText(
			`${viewerName} ora ha il ruolo di commentatore`
		);
		await expect(plain.getByRole('region', { name: /Richieste di un altro ruolo/ })).toHaveCount(0);
	});

	await test.step('the viewer now comments', async () => {
		await viewer.goto(documentUrl);
		await editorConnected(viewer);
		await expect(commentPanel(viewer)).not.toContainText('Hai il ruolo di lettore');
		await expect(viewer.getByText('Hai il ruolo di commentatore')).toBeVisible();
		await expect(viewer.getByRole('link', { name: 'Chiedi il ruolo di redattore' })).toBeVisible();
		const composer = await commentOn(viewer, 'Introduzione');
		await composer.getByLabel('Il tuo commento').fill('Aggiungiamo i tirocini del DSM.');
		await composer.getByRole('button', { name: 'Pubblica il commento' }).click();
		await expect(composer).toHaveCount(0);
		await expect(commentPanel(viewer).getByRole('article').filter({ hasText: 'Aggiungiamo i tirocini del DSM.' })).toHaveCount(1);
	});
});
