/**
 * The starting text of each kind of document: the sections an Italian
 * co-programming or co-design process writes (art. 55 D.Lgs. 117/2017,
 * DM 72/2021), each with a guide telling the writer what goes there. The
 * guide is no text of the document: it is the `guide` attribute of the
 * section's empty paragraph (see editor/section-guide.ts), which the editor
 * shows as a placeholder until someone writes there.
 *
 * A template is written once, into the document's first Yjs state, when the
 * document is created (public.initialize_document); editing it later changes
 * only documents created afterwards.
 */
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { documentSchema, FRAGMENT } from '../editor/extensions.ts';
import type { DocumentKind } from './kinds.ts';
import type { DocNode } from './json.ts';
import type { Locale } from '../i18n/translate.ts';

/** Every template in every language the app speaks: adding a locale fails to compile until it is translated. */
type Words = Record<Locale, string>;

interface Section {
	heading: Words;
	/** What the writer puts here; a placeholder in the section's first paragraph, never text. */
	guide?: Words;
	/** A table's column headings, or the starting items of a list ('' for an empty item). */
	table?: Words[];
	bulletList?: Words[];
	orderedList?: Words[];
}

const SECTIONS: Record<DocumentKind, Section[]> = {
	territorial_map: [
		{
			heading: { it: 'Contesto territoriale', en: 'Local context' },
			guide: {
				it: 'Descrivete l’ambito territoriale (comuni, distretto sociosanitario, ambito sociale) e i dati essenziali su popolazione e mercato del lavoro, con l’anno di riferimento.',
				en: 'Describe the area (municipalities, health district, social district) and the key figures on population and the labour market, with their reference year.'
			}
		},
		{
			heading: { it: 'Bisogni rilevati', en: 'Needs identified' },
			guide: {
				it: 'I bisogni emersi dai servizi e dagli incontri con la comunità: chi li esprime, quante persone riguardano, su quali evidenze si basano.',
				en: 'The needs raised by services and community meetings: who expresses them, how many people they concern, what evidence supports them.'
			}
		},
		{
			heading: { it: 'Servizi e risorse presenti', en: 'Services and resources' },
			guide: {
				it: 'Una riga per ogni servizio o risorsa: chi lo offre, a quale dei quattro sistemi appartiene, a chi si rivolge e dove si trova.',
				en: 'One row per service or resource: who provides it, which of the four systems it belongs to, whom it serves and where it is.'
			},
			table: [
				{ it: 'Servizio', en: 'Service' },
				{ it: 'Ente', en: 'Organisation' },
				{ it: 'Sistema (sanitario/sociale/formazione/lavoro)', en: 'System (health/social/training/employment)' },
				{ it: 'Destinatari', en: 'Target group' },
				{ it: 'Luogo', en: 'Place' }
			]
		},
		{
			heading: { it: 'Opportunità e sinergie', en: 'Opportunities and synergies' },
			guide: {
				it: 'Dove i servizi possono lavorare insieme, quali sovrapposizioni evitare, quali risorse (spazi, finanziamenti, competenze) non sono ancora usate.',
				en: 'Where services can work together, which overlaps to avoid, which resources (spaces, funding, skills) are not yet used.'
			}
		},
		{
			heading: { it: 'Fonti e metodo', en: 'Sources and method' },
			guide: {
				it: 'Le fonti dei dati (ISTAT, osservatori regionali, dati dei servizi), il periodo di rilevazione e come sono stati raccolti i contributi dei partner.',
				en: 'The data sources (ISTAT, regional observatories, service records), the period covered and how partners’ contributions were gathered.'
			}
		}
	],
	community_pact: [
		{
			heading: { it: 'Premesse', en: 'Recitals' },
			guide: {
				it: 'Il quadro normativo (art. 55 del D.Lgs. 117/2017, DM 72/2021, leggi regionali) e gli atti che hanno avviato la co-programmazione, con numero e data.',
				en: 'The legal framework (art. 55 of Legislative Decree 117/2017, Ministerial Decree 72/2021, regional laws) and the acts that opened the co-programming, with number and date.'
			}
		},
		{
			heading: { it: 'Finalità e obiettivi', en: 'Purpose and objectives' },
			guide: {
				it: 'Lo scopo comune del patto e gli obiettivi concreti che i partner si impegnano a raggiungere insieme.',
				en: 'The shared purpose of the pact and the concrete objectives the partners commit to reach together.'
			}
		},
		{
			heading: { it: 'Soggetti sottoscrittori e ruoli', en: 'Signatories and roles' },
			guide: {
				it: 'Gli enti che sottoscrivono il patto e il ruolo di ciascuno nella rete (capofila, partner, sostenitore).',
				en: 'The organisations signing the pact and the role of each in the network (lead, partner, supporter).'
			}
		},
		{
			heading: { it: 'Impegni delle parti', en: 'Commitments of the parties' },
			guide: {
				it: 'Per ogni partner, l’impegno che assume e le risorse che mette a disposizione: personale, spazi, attrezzature, risorse economiche.',
				en: 'For each partner, the commitment it makes and the resources it provides: staff, spaces, equipment, funds.'
			},
			table: [
				{ it: 'Partner', en: 'Partner' },
				{ it: 'Impegno', en: 'Commitment' },
				{ it: 'Risorse messe a disposizione', en: 'Resources provided' }
			]
		},
		{
			heading: { it: 'Governance', en: 'Governance' },
			guide: {
				it: 'Come la rete decide: chi compone la cabina di regia e il tavolo tecnico, che cosa fanno, ogni quanto si riuniscono.',
				en: 'How the network decides: who sits on the steering committee and the technical working group, what they do, how often they meet.'
			},
			bulletList: [
				{ it: 'Cabina di regia: ', en: 'Steering committee: ' },
				{ it: 'Tavolo tecnico: ', en: 'Technical working group: ' }
			]
		},
		{
			heading: { it: 'Durata e rinnovo', en: 'Duration and renewal' },
			guide: {
				it: 'Da quando vale il patto, per quanto tempo, e come può essere rinnovato, modificato o sciolto.',
				en: 'When the pact takes effect, for how long, and how it can be renewed, amended or ended.'
			}
		},
		{
			heading: { it: 'Monitoraggio e verifica', en: 'Monitoring and review' },
			guide: {
				it: 'Chi verifica che gli impegni siano rispettati, con quali indicatori e con quale cadenza; come vengono condivisi gli esiti.',
				en: 'Who checks that the commitments are kept, with which indicators and how often; how the findings are shared.'
			}
		},
		{
			heading: { it: 'Sottoscrizioni', en: 'Signatures' },
			guide: {
				it: 'Ogni partner aderisce indicando l’ente, il legale rappresentante o il suo delegato e la data di sottoscrizione.',
				en: 'Each partner adheres by giving the organisation, its legal representative or delegate, and the date of signature.'
			}
		}
	],
	co_design: [
		{
			heading: { it: 'Contesto e bisogni', en: 'Context and needs' },
			guide: {
				it: 'Il contesto e i bisogni a cui il progetto risponde, richiamando gli esiti della co-programmazione e della mappatura.',
				en: 'The context and the needs the project answers, drawing on the outcomes of co-programming and of the territorial map.'
			}
		},
		{
			heading: { it: 'Obiettivi generali e specifici', en: 'General and specific objectives' },
			guide: {
				it: 'Un obiettivo generale e gli obiettivi specifici che lo realizzano, ciascuno misurabile.',
				en: 'One general objective and the specific objectives that achieve it, each of them measurable.'
			}
		},
		{
			heading: { it: 'Destinatari', en: 'Target groups' },
			guide: {
				it: 'Chi sono i destinatari diretti e indiretti, quanti sono, come vengono individuati e accompagnati.',
				en: 'Who the direct and indirect beneficiaries are, how many, how they are reached and supported.'
			}
		},
		{
			heading: { it: 'Partner e ruoli', en: 'Partners and roles' },
			guide: {
				it: 'Per ogni partner, il ruolo nel progetto e le competenze che porta.',
				en: 'For each partner, its role in the project and the skills it brings.'
			}
		},
		{
			heading: { it: 'Piano delle azioni', en: 'Action plan' },
			guide: {
				it: 'Una riga per azione: chi ne risponde, quando inizia e finisce, quale indicatore ne misura il risultato e come viene verificato.',
				en: 'One row per action: who is responsible, when it starts and ends, which indicator measures its result and how it is verified.'
			},
			table: [
				{ it: 'Azione', en: 'Action' },
				{ it: 'Partner responsabile', en: 'Responsible partner' },
				{ it: 'Inizio', en: 'Start' },
				{ it: 'Fine', en: 'End' },
				{ it: 'Indicatore', en: 'Indicator' },
				{ it: 'Verifica', en: 'Verification' }
			]
		},
		{
			heading: { it: 'Risorse e budget', en: 'Resources and budget' },
			guide: {
				it: 'Risorse economiche, umane e strumentali, le fonti di finanziamento e la quota di cofinanziamento di ciascun partner.',
				en: 'Financial, human and material resources, the funding sources and each partner’s share of co-funding.'
			}
		},
		{
			heading: { it: 'Governance', en: 'Governance' },
			guide: {
				it: 'Come il tavolo di co-progettazione coordina il progetto: referenti, incontri, decisioni e gestione delle varianti.',
				en: 'How the co-design table coordinates the project: contact people, meetings, decisions and handling of changes.'
			}
		},
		{
			heading: { it: 'Durata', en: 'Duration' },
			guide: {
				it: 'Data di avvio, durata complessiva e fasi del progetto.',
				en: 'Start date, overall duration and phases of the project.'
			}
		},
		{
			heading: { it: 'Monitoraggio e valutazione', en: 'Monitoring and evaluation' },
			guide: {
				it: 'Come si raccolgono i dati degli indicatori, chi li analizza e quando la rete valuta risultati e impatto.',
				en: 'How indicator data is collected, who analyses it and when the network assesses results and impact.'
			}
		}
	],
	minutes: [
		{
			heading: { it: 'Data, luogo e presenti', en: 'Date, place and attendees' },
			guide: {
				it: 'Data, ora e luogo (o piattaforma) dell’incontro; i presenti con l’ente che rappresentano; chi presiede e chi verbalizza.',
				en: 'Date, time and place (or platform) of the meeting; the attendees and the organisation each represents; who chairs and who takes the minutes.'
			}
		},
		{
			heading: { it: 'Ordine del giorno', en: 'Agenda' },
			guide: {
				it: 'I punti discussi, nell’ordine in cui sono stati trattati.',
				en: 'The items discussed, in the order they were taken.'
			},
			orderedList: [
				{ it: 'Approvazione del verbale della seduta precedente', en: 'Approval of the minutes of the previous meeting' },
				{ it: '', en: '' },
				{ it: 'Varie ed eventuali', en: 'Any other business' }
			]
		},
		{
			heading: { it: 'Discussione', en: 'Discussion' },
			guide: {
				it: 'Una sintesi degli interventi per ciascun punto all’ordine del giorno.',
				en: 'A summary of the contributions on each agenda item.'
			}
		},
		{
			heading: { it: 'Decisioni', en: 'Decisions' },
			guide: {
				it: 'Le decisioni prese, con l’esito di eventuali votazioni.',
				en: 'The decisions taken, with the outcome of any vote.'
			}
		},
		{
			heading: { it: 'Prossimi passi', en: 'Next steps' },
			guide: { it: 'Chi fa che cosa, ed entro quando.', en: 'Who does what, and by when.' },
			table: [
				{ it: 'Azione', en: 'Action' },
				{ it: 'Chi', en: 'Who' },
				{ it: 'Entro', en: 'By' }
			]
		}
	],
	free: [{ heading: { it: 'Introduzione', en: 'Introduction' } }]
};

const text = (value: string): DocNode[] => (value ? [{ type: 'text', text: value }] : []);
const paragraph = (value = ''): DocNode => ({ type: 'paragraph', content: text(value) });
/** An empty paragraph that shows guide until someone writes in it. */
const guided = (guide: string | undefined): DocNode => ({ type: 'paragraph', attrs: { guide: guide ?? null } });
const cell = (type: 'tableHeader' | 'tableCell', value = ''): DocNode => ({ type, content: [paragraph(value)] });
const list = (type: 'bulletList' | 'orderedList', items: string[]): DocNode => ({
	type,
	content: items.map((item) => ({ type: 'listItem', content: [paragraph(item)] }))
});

/** A header row and one empty row to start filling in. */
const table = (columns: string[]): DocNode => ({
	type: 'table',
	content: [
		{ type: 'tableRow', content: columns.map((column) => cell('tableHeader', column)) },
		{ type: 'tableRow', content: columns.map(() => cell('tableCell')) }
	]
});

function sectionNodes(section: Section, locale: Locale): DocNode[] {
	const pick = (words: Words[]) => words.map((w) => w[locale]);
	const blocks = [
		...(section.table ? [table(pick(section.table))] : []),
		...(section.bulletList ? [list('bulletList', pick(section.bulletList))] : []),
		...(section.orderedList ? [list('orderedList', pick(section.orderedList))] : [])
	];
	// The section's writing starts in its first paragraph, above the table or list its guide speaks of;
	// a paragraph after them leaves room to write on (and a document that ends in a table would get
	// one from every editor that opens it, Tiptap's trailing node).
	return [
		{ type: 'heading', attrs: { level: 2 }, content: text(section.heading[locale]) },
		guided(section.guide?.[locale]),
		...(blocks.length > 0 ? [...blocks, paragraph()] : [])
	];
}

/**
 * The template of kind as ProseMirror JSON. It is passed through the schema so
 * that every attribute carries its default, exactly as it reads back from Yjs.
 */
export function templateFor(kind: DocumentKind, locale: Locale = 'it'): DocNode {
	const doc = { type: 'doc', content: SECTIONS[kind].flatMap((section) => sectionNodes(section, locale)) };
	return documentSchema().nodeFromJSON(doc).toJSON() as DocNode;
}

/** The first Yjs state of a new document of kind: one update holding its template. */
export function templateState(kind: DocumentKind, locale: Locale = 'it'): Uint8Array {
	return stateOf(templateFor(kind, locale));
}

/** The Yjs state of a whole document given as ProseMirror JSON, written as the editor would. */
export function stateOf(json: DocNode): Uint8Array {
	const ydoc = new Y.Doc();
	try {
		prosemirrorJSONToYXmlFragment(documentSchema(), json, ydoc.getXmlFragment(FRAGMENT));
		return Y.encodeStateAsUpdate(ydoc);
	} finally {
		ydoc.destroy();
	}
}
