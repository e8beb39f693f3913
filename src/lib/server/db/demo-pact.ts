// The commitments of the demo community pact ("Patto di comunità per
// l'inserimento lavorativo"): what each of the ten demo partners of
// supabase/seed.sql puts into the network in 2027 — people and hours,
// spaces, money, equipment — the needs of the demo map (demo-map.ts) each
// answers and the services and resources it brings. Two needs of the map are
// answered by nobody yet (night shelter in Cassino, work for women leaving
// violence around Sora): the pact's gaps. Contacts are those of seed.sql.
import { blankCommitment, type Commitment } from '../../pact/commitment.ts';
import { DEMO_PARTNERS, demoEntryId } from './demo-map.ts';

const PARTNER = DEMO_PARTNERS;
const entry = demoEntryId;

/** The demo map's services and resources (demo-map.ts) that commitments bring, by what they are. */
const MAP = {
	csmFrosinone: entry(1),
	csmSora: entry(2),
	serdFrosinone: entry(3),
	serdCassino: entry(4),
	segretariato: entry(5),
	girasole: entry(6),
	collocamentoMirato: entry(8),
	sportelloSora: entry(9),
	ortoSociale: entry(12),
	laboratorioPonte: entry(13),
	furgone: entry(14),
	auleInformatiche: entry(15),
	fondoBorseLavoro: entry(16),
	tirociniVerde: entry(17),
	tirociniLogistica: entry(18),
	raccoltaStagionale: entry(19),
	corsoRistorazione: entry(20),
	corsoOss: entry(21),
	istruzioneAdulti: entry(22),
	tirociniInclusione: entry(23),
	mutuoAiuto: entry(24),
	circoloSora: entry(27)
} as const;
/** The demo map's needs. */
const NEED = {
	csmFrosinone: entry(28),
	casaCircondariale: entry(29),
	// Answered by nobody yet: entry(30), night shelter in Cassino; entry(32), women leaving violence around Sora.
	trasportoIsola: entry(31),
	neetAnagni: entry(33),
	over50Cassino: entry(34),
	dipendenzeFerentino: entry(35)
} as const;

const id = (n: number) => `ec000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const WHOLE_YEAR = { from: '2027-01-01', to: '2027-12-31' };

export const DEMO_PACT_COMMITMENTS: Commitment[] = [
	// ASL Frosinone – Dipartimento di Salute Mentale
	blankCommitment(id(1), PARTNER.dsm, {
		title: 'Progetti individuali e budget di salute per trenta persone pronte al tirocinio',
		description:
			'Gli operatori dei centri di salute mentale definiscono con ogni persona il progetto terapeutico-riabilitativo e finanziano con il budget di salute la parte di percorso che non coprono le borse lavoro.',
		system: 'health',
		people: 4,
		hours: 1200,
		euros: 90000,
		...WHOLE_YEAR,
		contact: 'Paolo De Santis, dsm@asl.fr.test, 0775 000101',
		needIds: [NEED.csmFrosinone],
		entryIds: [MAP.csmFrosinone, MAP.csmSora]
	}),
	blankCommitment(id(2), PARTNER.dsm, {
		title: 'Un referente clinico per le aziende che ospitano i tirocini',
		description: 'Un infermiere e un tecnico della riabilitazione rispondono alle aziende entro due giorni lavorativi e le incontrano ogni tre mesi.',
		system: 'health',
		people: 2,
		hours: 200,
		from: '2027-03-01',
		to: '2027-12-31',
		contact: 'Paolo De Santis, dsm@asl.fr.test',
		needIds: [NEED.csmFrosinone]
	}),

	// SerD Frosinone
	blankCommitment(id(3), PARTNER.serd, {
		title: 'Attività diurne a Ferentino con gli educatori del SerD',
		description: 'Due mattine a settimana di laboratori e orientamento per chi segue un programma, in attesa di un posto di tirocinio.',
		system: 'health',
		people: 2,
		hours: 400,
		spaces: 'Sala riunioni del poliambulatorio di Ferentino, martedì e venerdì mattina',
		from: '2027-02-01',
		to: '2027-11-30',
		contact: 'Segreteria SerD, serd@asl.fr.test',
		needIds: [NEED.dipendenzeFerentino],
		entryIds: [MAP.serdFrosinone, MAP.serdCassino]
	}),

	// Comune di Frosinone – Servizi sociali
	blankCommitment(id(4), PARTNER.comune, {
		title: 'Dodici borse lavoro da 450 € al mese per sei mesi',
		description: 'Il fondo comunale finanzia le borse su progetto del servizio sociale professionale, anche per chi è in carico al CSM.',
		system: 'social',
		euros: 32400,
		...WHOLE_YEAR,
		contact: 'Anna Colombo, servizi.sociali@comune.fr.test',
		needIds: [NEED.csmFrosinone, NEED.casaCircondariale],
		entryIds: [MAP.fondoBorseLavoro, MAP.segretariato]
	}),
	blankCommitment(id(5), PARTNER.comune, {
		title: 'Un’assistente sociale per chi esce dalla Casa circondariale',
		description: 'Colloqui prima della dimissione, accompagnamento ai servizi e alla residenza, raccordo con l’ufficio di esecuzione penale esterna.',
		system: 'social',
		people: 1,
		hours: 300,
		from: '2027-01-15',
		to: '2027-12-15',
		contact: 'Anna Colombo, servizi.sociali@comune.fr.test',
		needIds: [NEED.casaCircondariale]
	}),
	blankCommitment(id(6), PARTNER.comune, {
		title: 'Le sale del Comune per i tavoli della rete e i colloqui',
		system: 'social',
		spaces: 'Sala Giunta per i tavoli mensili e due stanze al piano terra di Piazza VI Dicembre per i colloqui',
		...WHOLE_YEAR,
		contact: 'Segreteria dei Servizi sociali, servizi.sociali@comune.fr.test'
	}),

	// Cooperativa sociale Arcobaleno
	blankCommitment(id(7), PARTNER.arcobaleno, {
		title: 'Il furgone attrezzato per andare ai tirocini da Isola del Liri',
		description: 'Il martedì e il giovedì il furgone accompagna i tirocinanti alle zone industriali, all’andata e al ritorno; la cooperativa paga autista e carburante.',
		system: 'social',
		people: 1,
		hours: 350,
		euros: 4800,
		equipment: 'Furgone a 7 posti con pedana per carrozzina',
		from: '2027-02-01',
		to: '2027-12-31',
		contact: 'Laura Bianchi, 0775 000104',
		needIds: [NEED.trasportoIsola],
		entryIds: [MAP.furgone]
	}),
	blankCommitment(id(8), PARTNER.arcobaleno, {
		title: 'Il centro diurno aperto ai tirocinanti nei pomeriggi',
		description: 'Un luogo dove tornare dopo il turno di tirocinio, con un educatore per fare il punto della settimana.',
		system: 'social',
		people: 1,
		hours: 180,
		spaces: 'Centro diurno Il Girasole, lunedì e mercoledì dalle 15 alle 18',
		...WHOLE_YEAR,
		contact: 'Laura Bianchi, 0775 000104',
		needIds: [NEED.csmFrosinone],
		entryIds: [MAP.girasole]
	}),

	// Associazione Famiglie in Rete
	blankCommitment(id(9), PARTNER.famiglie, {
		title: 'Auto mutuo aiuto per i familiari di chi inizia un tirocinio',
		description: 'Un incontro al mese a Frosinone e uno a Sora, guidati da tre volontari formati.',
		system: 'social',
		people: 3,
		hours: 150,
		spaces: 'Circolo Famiglie in Rete di Sora',
		...WHOLE_YEAR,
		contact: 'Sportello del martedì, famiglieinrete@example.org',
		needIds: [NEED.csmFrosinone],
		entryIds: [MAP.mutuoAiuto, MAP.circoloSora]
	}),

	// Ente di formazione Futuro Lavoro
	blankCommitment(id(10), PARTNER.futuroLavoro, {
		title: 'Un modulo di riqualificazione per over 50 nella sede di Cassino',
		description: 'Centoventi ore di competenze di base e di ristorazione collettiva, con stage finale; cinque posti riservati alle persone segnalate dalla rete.',
		system: 'training',
		people: 2,
		hours: 120,
		euros: 8000,
		spaces: 'Aula della sede di Cassino',
		from: '2027-04-01',
		to: '2027-07-31',
		contact: 'Ufficio corsi, 0775 000106',
		needIds: [NEED.over50Cassino],
		entryIds: [MAP.corsoRistorazione]
	}),
	blankCommitment(id(11), PARTNER.futuroLavoro, {
		title: 'Formazione sulla sicurezza per ogni tirocinante',
		description: 'Il corso generale e specifico previsto dal D.Lgs. 81/2008, con attestato, prima dell’inizio di ogni tirocinio.',
		system: 'training',
		people: 1,
		hours: 160,
		spaces: 'Aule di Viale Mazzini 40, Frosinone',
		from: '2027-01-15',
		to: '2027-06-30',
		contact: 'Ufficio corsi, 0775 000106',
		needIds: [NEED.csmFrosinone, NEED.casaCircondariale],
		entryIds: [MAP.corsoOss]
	}),

	// IIS Brunelleschi – Da Vinci
	blankCommitment(id(12), PARTNER.iis, {
		title: 'Le aule informatiche il pomeriggio per le competenze digitali',
		description: 'Un docente e un tecnico di laboratorio tengono un corso di base per giovani e adulti della rete, due pomeriggi a settimana.',
		system: 'training',
		people: 2,
		hours: 96,
		spaces: 'Aule informatiche di Via Casilina Sud',
		equipment: '24 postazioni con collegamento a internet',
		from: '2027-02-01',
		to: '2027-05-31',
		contact: 'Referente PCTO, segreteria@iis-brunelleschi.example',
		needIds: [NEED.neetAnagni],
		entryIds: [MAP.auleInformatiche, MAP.istruzioneAdulti]
	}),

	// Centro per l'impiego di Frosinone
	blankCommitment(id(13), PARTNER.cpi, {
		title: 'Tirocini di inclusione e iscrizione al collocamento mirato',
		description: 'Il centro attiva i tirocini, ne cura le convenzioni con le aziende e iscrive al collocamento mirato chi ne ha diritto.',
		system: 'employment',
		people: 2,
		hours: 500,
		...WHOLE_YEAR,
		contact: 'Ufficio collocamento mirato, 0775 000108',
		needIds: [NEED.csmFrosinone, NEED.casaCircondariale],
		entryIds: [MAP.collocamentoMirato, MAP.tirociniInclusione]
	}),
	blankCommitment(id(14), PARTNER.cpi, {
		title: 'Uno sportello di orientamento ad Anagni un giorno a settimana',
		description: 'Un orientatore del centro riceve il giovedì nella biblioteca di Anagni i giovani che non si sono mai iscritti.',
		system: 'employment',
		people: 1,
		hours: 180,
		from: '2027-03-01',
		to: '2027-12-31',
		contact: 'Ufficio collocamento mirato, 0775 000108',
		needIds: [NEED.neetAnagni],
		entryIds: [MAP.sportelloSora]
	}),

	// Cooperativa sociale Il Ponte
	blankCommitment(id(15), PARTNER.ponte, {
		title: 'Tutoraggio di dieci tirocini nel verde e in magazzino',
		description: 'Tre tutor della cooperativa seguono i tirocinanti sul lavoro ogni giorno e fanno il punto ogni mese con i servizi invianti.',
		system: 'employment',
		people: 3,
		hours: 1500,
		from: '2027-03-01',
		to: '2027-12-31',
		contact: 'Marco Ferri, marco.ferri@trama.test, 0775 000109',
		needIds: [NEED.csmFrosinone, NEED.casaCircondariale],
		entryIds: [MAP.tirociniVerde, MAP.tirociniLogistica]
	}),
	blankCommitment(id(16), PARTNER.ponte, {
		title: 'Il laboratorio del legno per chi esce dal carcere',
		description: 'Tre mesi di laboratorio prima del tirocinio, per riprendere ritmi e abitudini di lavoro.',
		system: 'employment',
		people: 1,
		hours: 400,
		spaces: 'Laboratorio di Via Monti Lepini 58, Frosinone',
		equipment: 'Attrezzi da banco e dispositivi di protezione individuale',
		from: '2027-02-01',
		to: '2027-10-31',
		contact: 'Marco Ferri, marco.ferri@trama.test',
		needIds: [NEED.casaCircondariale],
		entryIds: [MAP.laboratorioPonte]
	}),

	// Ciociaria Verde srl
	blankCommitment(id(17), PARTNER.ciociariaVerde, {
		title: 'Quattro tirocini nell’orto sociale e nella raccolta stagionale',
		description: 'Un tutor aziendale, gli attrezzi e i dispositivi di protezione; l’azienda assicura i tirocinanti per la stagione.',
		system: 'employment',
		people: 1,
		hours: 600,
		euros: 2400,
		equipment: 'Attrezzi agricoli e dispositivi di protezione individuale',
		from: '2027-04-01',
		to: '2027-10-31',
		contact: 'Stefano Rossi, 0775 000110',
		needIds: [NEED.csmFrosinone, NEED.dipendenzeFerentino],
		entryIds: [MAP.ortoSociale, MAP.raccoltaStagionale]
	})
];
