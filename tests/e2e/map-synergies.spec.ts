import { test, expect, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { DEMO_PEOPLE, signIn, type Person } from './support/demo.ts';
import { newMap, openEntries } from './support/map.ts';
import { entry, putMapEntries } from './support/map-entries.ts';
import { PARTNERS, PLACES } from '../fixtures/frosinone.ts';

// The synergy view of a map of the spec's own: needs and answers around
// Frosinone, Ceccano, Alatri and Cassino, put in by Marco (an editor) through
// a real y-websocket client; Giulia and Paolo (a viewer) read the analysis.
const run = Date.now().toString(36);

const reinserimento = entry({
	name: 'Inserimento lavorativo di persone in uscita dal carcere',
	category: 'need',
	system: 'employment',
	targets: ['detainees', 'long_term_unemployed'],
	position: PLACES.frosinone
});
const casaRifugio = entry({ name: 'Casa rifugio per donne vittime di violenza', category: 'need', targets: ['women_violence'], position: PLACES.sora });
const automutuo = entry({ name: 'Gruppo di auto mutuo aiuto a Cassino', category: 'need', system: 'health', targets: ['mental_health'], position: PLACES.cassino });
const trasporto = entry({ name: 'Trasporto per le visite mediche', category: 'need', position: PLACES.frosinone });
const accoglienza = entry({ name: 'Prima accoglienza per persone migranti', category: 'need', targets: ['migrants'], position: PLACES.sora });
/** Six answers to the migrants' need, one more than the view ranks at first. */
const forMigrants = ['Sportello migranti', 'Corso di italiano L2', 'Mensa solidale', 'Ambulatorio per stranieri', 'Doposcuola interculturale', 'Dormitorio comunale'].map(
	(name) => entry({ name, category: 'service', targets: ['migrants'], position: PLACES.isolaDelLiri })
);
const ENTRIES = [
	reinserimento,
	casaRifugio,
	automutuo,
	trasporto,
	accoglienza,
	...forMigrants,
	entry({
		name: 'Tirocini in cooperativa sociale di tipo B',
		category: 'opportunity',
		system: 'employment',
		targets: ['detainees', 'long_term_unemployed'],
		partnerId: PARTNERS.ilPonte.id,
		position: PLACES.ceccano,
		places: 4
	}),
	entry({
		name: 'Sportello orientamento al lavoro',
		category: 'service',
		system: 'employment',
		targets: ['long_term_unemployed', 'over_50'],
		partnerId: PARTNERS.cpi.id,
		position: PLACES.frosinoneStazione
	}),
	entry({ name: 'Laboratorio di falegnameria', category: 'resource', system: 'social', targets: ['detainees'], position: PLACES.alatri }),
	entry({ name: 'Servizio civile universale', category: 'opportunity', system: 'social', targets: ['neet', 'detainees'] }),
	entry({ name: 'Centro di salute mentale di Frosinone', category: 'service', system: 'health', targets: ['mental_health'], position: PLACES.frosinone }),
	entry({ name: 'Casa del quartiere', category: 'meeting_place', targets: ['detainees', 'women_violence'], position: PLACES.frosinone })
];

const summary = (page: Page) => page.getByRole('status').filter({ hasText: /bisogn[oi]:/ });
const needCard = (page: Page, name: string) => page.getByRole('article', { name });
const answersTo = (card: Locator, name: string) => card.getByRole('list', { name: `Risposte per «${name}»`, exact: true });
/** The names of the ranked answers, in order. */
const rankedNames = (list: Locator) => list.locator(':scope > li').getByRole('button').allTextContents();

test.describe.configure({ mode: 'serial' });

let entriesPath = '';
let giulia: Person;

test.beforeAll(async ({ browser }) => {
	const marco = await signIn(browser, DEMO_PEOPLE.marco.email);
	entriesPath = await newMap(marco.page, `Sinergie ${run}`);
	await putMapEntries(marco.page, entriesPath, ENTRIES);
	await marco.context.close();
	giulia = await signIn(browser, DEMO_PEOPLE.giulia.email);
});
test.afterAll(async () => {
	await giulia.context.close();
});

test('ranks the answers to each need with their reasons, and puts the gaps first', async () => {
	const { page } = giulia;
	await openEntries(page, entriesPath, '?view=synergies');
	await expect(summary(page)).toContainText('5 bisogni: 2 con risposte, 3 scoperti.');
	await expect(summary(page)).toContainText('Risposte entro 25 km in linea d’aria.');

	// Gaps come first, each saying why.
	const headings = page.getByRole('heading', { level: 2 });
	await expect(headings).toHaveText(['Bisogni scoperti (3)', 'Bisogni con risposte (2)']);
	await expect(needCard(page, casaRifugio.name)).toContainText('Scoperto');
	await expect(needCard(page, casaRifugio.name)).toContainText('Nessuna voce della mappa serve queste persone.');
	await expect(needCard(page, automutuo.name)).toContainText('Nessuna risposta entro 25 km. La più vicina è a 43,8 km.');
	await expect(needCard(page, trasporto.name)).toContainText('Nessun destinatario indicato');

	const card = needCard(page, reinserimento.name);
	const ranked = answersTo(card, reinserimento.name);
	expect(await rankedNames(ranked)).toEqual([
		'Tirocini in cooperativa sociale di tipo B',
		'Sportello orientamento al lavoro',
		'Laboratorio di falegnameria'
	]);
	const first = ranked.locator(':scope > li').first();
	await expect(first).toContainText('Opportunità di lavoro o tirocinio · Lavoro · Cooperativa sociale Il Ponte');
	await expect(first.getByRole('listitem')).toHaveText([
		'2 destinatari in comune (Persone detenute o ex detenute, Disoccupati di lunga durata)',
		'7,8 km',
		'stesso sistema',
		'4 posti'
	]);
	// An answer without a position is listed apart, never dropped; a meeting place is no answer.
	await expect(card.getByRole('heading', { name: 'Senza posizione, da verificare (1)' })).toBeVisible();
	await expect(card).toContainText('Servizio civile universale');
	await expect(card).not.toContainText('Casa del quartiere');

	// The first five answers are ranked; the rest on demand.
	const migrants = needCard(page, accoglienza.name);
	const migrantsAnswers = answersTo(migrants, accoglienza.name).locator(':scope > li');
	await expect(migrantsAnswers).toHaveCount(5);
	await expect(migrants).toContainText('e un’altra risposta.');
	await migrants.getByRole('button', { name: 'Mostra tutte le 6 risposte' }).click();
	await expect(migrantsAnswers).toHaveCount(6);
	await expect(migrants.getByRole('button', { name: 'Mostra solo le prime risposte' })).toHaveAttribute('aria-expanded', 'true');

	// A name opens its entry.
	await first.getByRole('button', { name: 'Tirocini in cooperativa sociale di tipo B' }).click();
	await expect(page).toHaveURL(new RegExp(`entry=${ENTRIES.find((e) => e.name === 'Tirocini in cooperativa sociale di tipo B')!.id}`));
	await expectNoSeriousA11yViolations(page);
});

test('a wider distance answers a need it left uncovered, and stays in the address', async () => {
	const { page } = giulia;
	await openEntries(page, entriesPath, '?view=synergies');
	await page.getByRole('radio', { name: '50 km' }).check();
	await expect(page).toHaveURL(/km=50/);
	await expect(summary(page)).toContainText('5 bisogni: 3 con risposte, 2 scoperti.');
	const card = needCard(page, automutuo.name);
	await expect(card).not.toContainText('Scoperto');
	expect(await rankedNames(answersTo(card, automutuo.name))).toEqual(['Centro di salute mentale di Frosinone']);
	await expect(answersTo(card, automutuo.name)).toContainText('43,8 km');

	// At any distance, the answer without a position joins the ranking, after the measured ones sharing as many groups.
	await page.getByRole('radio', { name: 'Qualsiasi distanza' }).check();
	await expect(page).toHaveURL(/km=any/);
	const reinserimentoAnswers = answersTo(needCard(page, reinserimento.name), reinserimento.name);
	await expect(reinserimentoAnswers.locator(':scope > li')).toHaveCount(4);
	expect(await rankedNames(reinserimentoAnswers)).toEqual([
		'Tirocini in cooperativa sociale di tipo B',
		'Sportello orientamento al lavoro',
		'Laboratorio di falegnameria',
		'Servizio civile universale'
	]);
	await expect(reinserimentoAnswers.locator(':scope > li').last()).toContainText('distanza non nota');
});

test('a filter by target group narrows the needs and their answers', async () => {
	const { page } = giulia;
	await openEntries(page, entriesPath, '?view=synergies&target=detainees');
	await expect(summary(page)).toContainText('1 bisogno: 1 con risposte, 0 scoperti.');
	const ranked = answersTo(needCard(page, reinserimento.name), reinserimento.name);
	// The orientation desk serves the long-term unemployed, not the detainees the filter asks about.
	expect(await rankedNames(ranked)).toEqual(['Tirocini in cooperativa sociale di tipo B', 'Laboratorio di falegnameria']);
});

test('a viewer reads the analysis on a phone', async ({ browser }) => {
	const paolo = await signIn(browser, DEMO_PEOPLE.paolo.email, { width: 360, height: 780 });
	try {
		const { page } = paolo;
		await openEntries(page, entriesPath, '?view=synergies&km=50');
		await expect(page.getByRole('radio', { name: '50 km' })).toBeChecked();
		await expect(summary(page)).toContainText('5 bisogni: 3 con risposte, 2 scoperti.');
		await expect(needCard(page, reinserimento.name)).toBeVisible();
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		await expectNoSeriousA11yViolations(page);
	} finally {
		await paolo.context.close();
	}
});
