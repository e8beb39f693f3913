import { readFile } from 'node:fs/promises';
import { test, expect, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { DEMO_NETWORK, DEMO_PEOPLE, signIn, type Person } from './support/demo.ts';
import { inboxItems, notificationsLink, openInbox, unreadBadgeCount } from './support/inbox.ts';

// The inbox, its settings and the activity record, as the demo network's
// people (and a newcomer in no network) use them. Posts are few: Marco posts
// three times and Anna never; the database limits each account to 12 posts
// a minute across the whole run.
const run = Date.now().toString(36);
const SIZES = [
	{ width: 1280, height: 800 },
	{ width: 360, height: 780 }
];

const NETWORK_NAME = 'Inserimento lavorativo – Ambito di Frosinone 2027';
const annaMention = `@[${DEMO_PEOPLE.anna.name}](mention:${DEMO_PEOPLE.anna.id})`;

/** Marks the page so that a test can tell it was never reloaded. */
const markPage = (page: Page) => page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
const wasNotReloaded = async (page: Page) =>
	expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

/**
 * Opens a page and waits until it is hydrated, which is when the layout opens
 * its live channel: what is typed into a form before then would be lost.
 */
async function openHydrated(page: Page, url: string) {
	const live = page.waitForRequest((request) => new URL(request.url()).pathname === '/live');
	await page.goto(url);
	await live;
}

/** Ticks or unticks kinds on the settings page, saves, and waits for the confirmation. */
async function saveKinds(page: Page, kinds: Record<string, boolean>) {
	await openHydrated(page, '/notifications/settings');
	for (const [label, on] of Object.entries(kinds)) await page.getByLabel(label).setChecked(on);
	await page.getByRole('button', { name: 'Salva le preferenze' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Preferenze salvate.' })).toBeVisible();
}

/** Axe on the page as it is, on a laptop and on a phone, and nothing wider than the screen. */
async function checkAtEverySize(page: Page) {
	for (const size of SIZES) {
		await page.setViewportSize(size);
		await expectNoSeriousA11yViolations(page);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
	}
	await page.setViewportSize(SIZES[0]);
}

test.describe('notifications', () => {
	let newcomer: Page;

	test.beforeAll(async ({ browser }) => {
		newcomer = await (await browser.newContext()).newPage();
		// Hydration rewrites the fields' values: typing before it ends would be lost.
		await newcomer.goto('/signup', { waitUntil: 'networkidle' });
		await newcomer.getByLabel('Nome e cognome').fill('Lucia Esposito');
		await newcomer.getByLabel('Organizzazione').fill('Cooperativa La Rete');
		await newcomer.getByLabel('Email').fill(`lucia.${run}@trama.test`);
		await newcomer.getByLabel('Password').fill('una frase lunga e sicura');
		await newcomer.getByRole('button', { name: 'Crea account' }).click();
		await expect(newcomer.getByRole('heading', { name: 'Le mie reti' })).toBeVisible();
	});
	test.afterAll(async () => {
		await newcomer.context().close();
	});

	test('a person in no network has an empty inbox and no unread count', async () => {
		await expect(notificationsLink(newcomer)).toHaveAccessibleName('Notifiche');
		expect(await unreadBadgeCount(newcomer)).toBe(0);
		const items = await openInbox(newcomer);
		await expect(items).toHaveCount(0);
		await expect(newcomer.getByText('Nessuna notifica per ora.')).toBeVisible();
		await expect(newcomer.getByRole('link', { name: 'Non lette (0)' })).toBeVisible();
		await expect(newcomer.getByRole('button', { name: 'Segna tutte come lette' })).toHaveCount(0);
		await checkAtEverySize(newcomer);

		await newcomer.getByRole('link', { name: 'Non lette (0)' }).click();
		await expect(newcomer.getByText('Hai letto tutto: nessuna notifica da leggere.')).toBeVisible();
		await expect(newcomer.getByRole('link', { name: 'Non lette (0)' })).toHaveAttribute('aria-current', 'page');
	});

	test('the kinds a person turns off stay off, and the inbox says so', async () => {
		await newcomer.goto('/profile');
		await newcomer.getByRole('link', { name: 'Preferenze delle notifiche' }).click();
		await expect(newcomer.getByRole('heading', { name: 'Preferenze delle notifiche' })).toBeVisible();
		for (const kind of ['Menzioni', 'Risposte', 'Commenti sui tuoi documenti']) {
			await expect(newcomer.getByLabel(kind)).toBeChecked();
		}
		await checkAtEverySize(newcomer);

		await newcomer.getByLabel('Risposte').uncheck();
		await newcomer.getByRole('button', { name: 'Salva le preferenze' }).click();
		await expect(newcomer.getByRole('status').filter({ hasText: 'Preferenze salvate.' })).toBeVisible();
		await newcomer.reload();
		await expect(newcomer.getByLabel('Risposte')).not.toBeChecked();
		await expect(newcomer.getByLabel('Menzioni')).toBeChecked();
		await expect(newcomer.getByLabel('Commenti sui tuoi documenti')).toBeChecked();

		await openInbox(newcomer);
		await expect(newcomer.getByText('Hai disattivato le notifiche per: Risposte.')).toBeVisible();

		await saveKinds(newcomer, { Risposte: true, Menzioni: false });
		await newcomer.reload();
		await expect(newcomer.getByLabel('Risposte')).toBeChecked();
		await expect(newcomer.getByLabel('Menzioni')).not.toBeChecked();
	});
});

test.describe('a mention reaches its person', () => {
	// Marco writes, Anna reads: one thread and two replies of his in all.
	test.describe.configure({ mode: 'serial' });
	const title = `Delibera per i tirocini ${run}`;
	let anna: Person;
	let marco: Person;
	let before = 0;
	let threadUrl = '';

	const replyBox = (page: Page) => page.getByRole('combobox', { name: /La tua risposta/ });
	async function reply(body: string) {
		await replyBox(marco.page).fill(body);
		await marco.page.getByRole('button', { name: 'Invia la risposta' }).click();
		await expect(marco.page.getByText('Risposta pubblicata.')).toBeVisible();
		await expect(replyBox(marco.page)).toHaveValue('');
	}

	test.beforeAll(async ({ browser }) => {
		anna = await signIn(browser, DEMO_PEOPLE.anna.email);
		marco = await signIn(browser, DEMO_PEOPLE.marco.email);
	});
	test.afterAll(async () => {
		await anna?.context.close();
		await marco?.context.close();
	});

	test('Marco mentions Anna in a new thread: her count rises on the page she has open, and the inbox says who, what and where', async () => {
		await openHydrated(anna.page, DEMO_NETWORK);
		await expect(anna.page.getByRole('heading', { name: NETWORK_NAME })).toBeVisible();
		// Other specs of the run may have told her of things already.
		before = await unreadBadgeCount(anna.page);
		await markPage(anna.page);

		const { page } = marco;
		await openHydrated(page, `${DEMO_NETWORK}/discussions`);
		await page.getByLabel('Titolo').fill(title);
		await page.getByRole('combobox', { name: /Messaggio/ }).focus();
		await page.keyboard.type('Ciao @anna col');
		await expect(page.getByRole('option', { name: /Anna Colombo/ })).toHaveAttribute('aria-selected', 'true');
		await page.keyboard.press('Enter');
		await page.keyboard.type('ci mandi numero e data della delibera?');
		await page.getByRole('button', { name: 'Avvia la discussione' }).click();
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
		threadUrl = page.url();

		await expect.poll(() => unreadBadgeCount(anna.page)).toBe(before + 1);
		const unread = before + 1 === 1 ? '1 non letta' : `${before + 1} non lette`;
		await expect(notificationsLink(anna.page)).toHaveAccessibleName(`Notifiche, ${unread}`);
		await expect(anna.page.locator('[aria-live="polite"]', { hasText: `Nuova notifica: ${unread}.` })).toHaveCount(1);
		await wasNotReloaded(anna.page);

		const [newest] = await (await openInbox(anna.page)).all();
		await expect(newest.getByRole('link')).toHaveText(`Marco Ferri ti ha menzionato nella discussione «${title}»`);
		for (const words of ['Non letta', 'Menzione', `Rete: ${NETWORK_NAME}`, 'Ciao @Anna Colombo ci mandi numero e data della delibera?']) {
			await expect(newest).toContainText(words);
		}
		await expect(newest.getByRole('button', { name: 'Segna come letta' })).toBeVisible();
		await checkAtEverySize(anna.page);
	});

	test('a reply mentioning her appears in her open inbox, announced; opening it lands on the message and marks it read', async () => {
		const { page } = anna;
		await markPage(page);
		await reply(`${annaMention} serve entro venerdì, per la giunta.`);

		const summary = `Marco Ferri ti ha menzionato nella discussione «${title}»`;
		const newest = inboxItems(page).first();
		await expect(newest).toContainText('@Anna Colombo serve entro venerdì, per la giunta.');
		await expect(newest.getByRole('link')).toHaveText(summary);
		await expect(page.getByRole('status').filter({ hasText: `Nuova notifica: ${summary}` })).toHaveCount(1);
		await expect.poll(() => unreadBadgeCount(page)).toBe(before + 2);
		await wasNotReloaded(page);

		await newest.getByRole('link').click();
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
		const url = new URL(page.url());
		expect(url.pathname).toBe(new URL(threadUrl).pathname);
		expect(url.hash).toMatch(/^#message-[0-9a-f-]{36}$/);
		const message = page.locator(url.hash);
		await expect(message).toContainText('serve entro venerdì, per la giunta.');
		await expect(message).toBeInViewport();
		expect(await message.evaluate((element) => element.matches(':target'))).toBe(true);
		expect(await unreadBadgeCount(page)).toBe(before + 1);

		// In the inbox it is read now; the thread's mention still is not.
		const [latest, earlier] = await (await openInbox(page)).all();
		await expect(latest).toContainText('serve entro venerdì');
		await expect(latest).not.toContainText('Non letta');
		await expect(latest.getByRole('button', { name: 'Segna come letta' })).toHaveCount(0);
		await expect(earlier).toContainText('ci mandi numero e data della delibera?');
		await expect(earlier).toContainText('Non letta');
	});

	test('with mentions turned off, a further mention does not reach her', async () => {
		const { page } = anna;
		await saveKinds(page, { Menzioni: false });
		try {
			await openHydrated(page, threadUrl);
			await markPage(page);
			await reply(`${annaMention} ultima cosa: il modulo lo porto io.`);
			// The reply and any notification it makes are written together:
			// once she sees the reply, nothing more is coming.
			await expect(page.getByText('ultima cosa: il modulo lo porto io.')).toBeVisible();
			await wasNotReloaded(page);
			await page.reload();
			expect(await unreadBadgeCount(page)).toBe(before + 1);
			const items = await openInbox(page);
			await expect(items.first()).toContainText('serve entro venerdì');
			await expect(items.filter({ hasText: 'il modulo lo porto io' })).toHaveCount(0);
		} finally {
			// Later specs expect her to hear of mentions again.
			await saveKinds(page, { Menzioni: true });
		}
	});
});

test.describe('the activity record', () => {
	test('a commenter reads the seeded network’s record in sentences, filters it, and sees new entries arrive', async ({ browser }) => {
		const anna = await signIn(browser, DEMO_PEOPLE.anna.email);
		const { page } = anna;
		await openHydrated(page, DEMO_NETWORK);
		await page.getByRole('link', { name: 'Attività', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Attività' })).toBeVisible();
		await checkAtEverySize(page);

		await page.getByLabel('Tipo di attività').selectOption({ label: 'Persone' });
		await page.getByRole('button', { name: 'Filtra' }).click();
		await expect(page.getByText('Anna Colombo fa ora parte della rete come commentatore')).toBeVisible();
		await expect(page.getByText('Paolo De Santis fa ora parte della rete come lettore')).toBeVisible();
		await expect(page.getByRole('listitem').filter({ hasText: 'ha creato «' })).toHaveCount(0);

		await page.getByLabel('Tipo di attività').selectOption({ label: 'Discussioni' });
		await page.getByLabel('Persona').selectOption({ label: 'Giulia Rinaldi' });
		await page.getByRole('button', { name: 'Filtra' }).click();
		await expect(page.getByText('Giulia Rinaldi ha aperto la discussione «Calendario degli incontri del tavolo»')).toBeVisible();
		await expect(page.getByRole('listitem').filter({ hasText: 'fa ora parte della rete' })).toHaveCount(0);
		await page.getByLabel('Persona').selectOption({ label: 'Anna Colombo' });
		await page.getByRole('button', { name: 'Filtra' }).click();
		const replied = page.getByRole('listitem').filter({ hasText: 'Anna Colombo ha risposto nella discussione «Criteri di accesso ai tirocini: chi li definisce?»' });
		// A reply's entry leads to the reply itself.
		const toReply = replied.getByRole('link', { name: 'Criteri di accesso ai tirocini: chi li definisce?' });
		await expect(toReply).toHaveAttribute('href', /\/discussions\/de000000-0000-4000-8000-000000000202#message-[0-9a-f-]{36}$/);
		await toReply.click();
		await expect(page.getByRole('heading', { level: 1, name: 'Criteri di accesso ai tirocini: chi li definisce?' })).toBeVisible();
		await expect(page.locator(new URL(page.url()).hash)).toContainText('collocamento mirato');
		await page.goBack();

		await page.getByLabel('Tipo di attività').selectOption({ label: 'Documenti' });
		await page.getByLabel('Persona').selectOption({ label: 'Marco Ferri' });
		await page.getByRole('button', { name: 'Filtra' }).click();
		const created = page.getByText('Marco Ferri ha creato «Mappatura dei servizi per il lavoro – Ambito di Frosinone» (Mappatura del territorio)');
		await expect(created).toBeVisible();
		await expect(page.getByRole('listitem').filter({ hasText: 'Giulia Rinaldi' })).toHaveCount(0);
		await expect(page.getByText('Cooperativa sociale Il Ponte').first()).toBeVisible();

		// Another person's change appears without a reload, and is announced.
		await page.getByRole('link', { name: 'Mostra tutto' }).click();
		await expect(page.getByLabel('Tipo di attività')).toHaveValue('');
		const marco = await signIn(browser, DEMO_PEOPLE.marco.email);
		await openHydrated(marco.page, `${DEMO_NETWORK}/documents`);
		await marco.page.getByLabel('Titolo').fill(`Appunti del tavolo ${run}`);
		await marco.page.getByLabel('Tipo di documento').selectOption('free');
		await marco.page.getByRole('button', { name: 'Crea il documento' }).click();
		await expect(marco.page.getByRole('heading', { level: 1, name: `Appunti del tavolo ${run}` })).toBeVisible();
		const sentence = `Marco Ferri ha creato «Appunti del tavolo ${run}» (Documento libero)`;
		await expect(page.getByRole('listitem').filter({ hasText: sentence })).toBeVisible();
		await expect(page.getByRole('status').filter({ hasText: `Nuova attività: ${sentence}` })).toHaveCount(1);

		// What it is about is a link while it exists.
		await page.getByRole('link', { name: `Appunti del tavolo ${run}` }).click();
		await expect(page.getByRole('heading', { level: 1, name: `Appunti del tavolo ${run}` })).toBeVisible();
		await marco.context.close();
		await anna.context.close();
	});

	test('the facilitator downloads the whole record as CSV', async ({ browser }) => {
		const { context, page } = await signIn(browser, DEMO_PEOPLE.giulia.email);
		await page.goto(`${DEMO_NETWORK}/activity`);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Esporta CSV' }).click()]);
		expect(download.suggestedFilename()).toMatch(/^attivita-inserimento-lavorativo-ambito-di-frosinone-2027-\d{4}-\d{2}-\d{2}\.csv$/);
		const csv = await readFile(await download.path(), 'utf8');
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const lines = csv.slice(1).split('\r\n');
		expect(lines[0]).toBe('data e ora (UTC),data e ora locale (Europe/Rome),persona,organizzazione,azione,oggetto,dettagli');
		const time = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z,\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}`;
		expect(lines[1]).toMatch(
			new RegExp(`^${time},Giulia Rinaldi,Agente di comunità,Rete creata,Inserimento lavorativo – Ambito di Frosinone 2027,$`)
		);
		expect(lines).toContainEqual(
			expect.stringMatching(
				new RegExp(
					`^${time},Marco Ferri,Cooperativa sociale Il Ponte,Documento creato,Mappatura dei servizi per il lavoro – Ambito di Frosinone,tipo: Mappatura del territorio$`
				)
			)
		);
		expect(lines).toContainEqual(expect.stringMatching(/,Anna Colombo,Comune di Frosinone – Servizi sociali,Ingresso nella rete,Anna Colombo,ruolo: commentatore$/));
		expect(lines).toContainEqual(expect.stringMatching(/,Giulia Rinaldi,Agente di comunità,Discussione aperta,Calendario degli incontri del tavolo,$/));
		expect(lines).toContainEqual(
			expect.stringMatching(/,Anna Colombo,Comune di Frosinone – Servizi sociali,Risposta in una discussione,Criteri di accesso ai tirocini: chi li definisce\?,$/)
		);
		expect(lines.at(-1)).toBe('');
		await context.close();
	});

	test('a commenter has no export button and is refused the file', async ({ browser }) => {
		const { context, page } = await signIn(browser, DEMO_PEOPLE.anna.email);
		await page.goto(`${DEMO_NETWORK}/activity`);
		await expect(page.getByRole('heading', { level: 1, name: 'Attività' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Esporta CSV' })).toHaveCount(0);
		const response = await page.goto(`${DEMO_NETWORK}/activity/export.csv`);
		expect(response?.status()).toBe(403);
		await expect(page.getByText('Solo chi facilita la rete può esportare il registro delle attività.')).toBeVisible();
		await context.close();
	});
});
