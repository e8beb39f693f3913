// The entries of the demo territorial map ("Mappatura dei servizi per il
// lavoro – Ambito di Frosinone"): services, needs, resources, opportunities
// and meeting places across the province, owned by the demo partners of
// supabase/seed.sql. Some needs have services for the same people nearby;
// others have none (homelessness in Cassino, violence against women around
// Sora, older job seekers in Cassino), which the synergy view shows as gaps.
// Contacts use reserved example domains: none of them reaches anyone.
import { blankEntry, type MapEntry, type Position } from '../../map/entry.ts';

/** The demo partners of supabase/seed.sql, by a short name: also what the demo pact (demo-pact.ts) names. */
export const DEMO_PARTNERS = {
	dsm: 'de000000-0000-4000-8000-000000000101',
	serd: 'de000000-0000-4000-8000-000000000102',
	comune: 'de000000-0000-4000-8000-000000000103',
	arcobaleno: 'de000000-0000-4000-8000-000000000104',
	famiglie: 'de000000-0000-4000-8000-000000000105',
	futuroLavoro: 'de000000-0000-4000-8000-000000000106',
	iis: 'de000000-0000-4000-8000-000000000107',
	cpi: 'de000000-0000-4000-8000-000000000108',
	ponte: 'de000000-0000-4000-8000-000000000109',
	ciociariaVerde: 'de000000-0000-4000-8000-000000000110'
} as const;
const PARTNER = DEMO_PARTNERS;

// Town centres, nudged per entry so that markers in one town do not sit on top of each other.
const TOWN = {
	frosinone: { lat: 41.6397, lng: 13.3426 },
	sora: { lat: 41.718, lng: 13.6137 },
	cassino: { lat: 41.4919, lng: 13.8311 },
	alatri: { lat: 41.7261, lng: 13.3429 },
	ceccano: { lat: 41.5686, lng: 13.3346 },
	anagni: { lat: 41.7436, lng: 13.1553 },
	isolaDelLiri: { lat: 41.6795, lng: 13.5724 },
	ferentino: { lat: 41.6917, lng: 13.2547 }
} satisfies Record<string, Position>;

const near = (town: Position, dLat: number, dLng: number): Position => ({
	lat: Math.round((town.lat + dLat) * 1e5) / 1e5,
	lng: Math.round((town.lng + dLng) * 1e5) / 1e5
});

/** The id of the demo map's nth entry. */
export const demoEntryId = (n: number) => `ee000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const id = demoEntryId;

export const DEMO_MAP_ENTRIES: MapEntry[] = [
	// Services
	blankEntry(id(1), {
		name: 'Centro di salute mentale di Frosinone',
		category: 'service',
		system: 'health',
		targets: ['mental_health'],
		partnerId: PARTNER.dsm,
		address: 'Via Armando Fabi, 03100 Frosinone',
		position: near(TOWN.frosinone, -0.0031, 0.0014),
		hours: 'lun–ven 8–20, sab 8–14',
		contacts: 'csm.frosinone@asl.example',
		notes: 'Presa in carico, progetti terapeutico-riabilitativi individualizzati e budget di salute.',
		tags: ['budget di salute', 'PTRI']
	}),
	blankEntry(id(2), {
		name: 'Centro di salute mentale di Sora',
		category: 'service',
		system: 'health',
		targets: ['mental_health'],
		partnerId: PARTNER.dsm,
		address: 'Via San Marciano, 03039 Sora',
		position: near(TOWN.sora, -0.0017, 0.0008),
		hours: 'lun–ven 8–18',
		contacts: 'csm.sora@asl.example',
		tags: ['budget di salute']
	}),
	blankEntry(id(3), {
		name: 'SerD di Frosinone',
		category: 'service',
		system: 'health',
		targets: ['addiction'],
		partnerId: PARTNER.serd,
		address: 'Via Ciamarra, 03100 Frosinone',
		position: near(TOWN.frosinone, 0.0028, -0.0043),
		hours: 'lun–sab 8–14, mar e gio anche 15–18',
		contacts: 'serd.frosinone@asl.example',
		notes: 'Programmi terapeutici e reinserimento sociale; équipe per il gioco d’azzardo.'
	}),
	blankEntry(id(4), {
		name: 'SerD di Cassino',
		category: 'service',
		system: 'health',
		targets: ['addiction'],
		partnerId: PARTNER.serd,
		address: 'Via Di Biasio, 03043 Cassino',
		position: near(TOWN.cassino, -0.0014, -0.0021),
		hours: 'lun–ven 8–14',
		contacts: 'serd.cassino@asl.example'
	}),
	blankEntry(id(5), {
		name: 'Segretariato sociale del Comune di Frosinone',
		category: 'service',
		system: 'social',
		targets: ['disability', 'migrants', 'long_term_unemployed', 'homeless'],
		partnerId: PARTNER.comune,
		address: 'Piazza VI Dicembre, 03100 Frosinone',
		position: near(TOWN.frosinone, 0.0009, 0.0011),
		hours: 'lun, mer, ven 9–12; mar 15–17',
		contacts: 'segretariato.sociale@comune-frosinone.example',
		notes: 'Primo ascolto, orientamento ai servizi dell’ambito e presa in carico del servizio sociale professionale.'
	}),
	blankEntry(id(6), {
		name: 'Centro diurno Il Girasole',
		category: 'service',
		system: 'social',
		targets: ['mental_health', 'disability'],
		partnerId: PARTNER.arcobaleno,
		address: 'Via Gaeta 21, 03023 Ceccano',
		position: near(TOWN.ceccano, 0.0012, -0.0009),
		places: 20,
		hours: 'lun–ven 9–16',
		contacts: 'girasole@arcobaleno.example',
		notes: 'Laboratori di cucina, ceramica e orticoltura; trasporto dai comuni vicini su richiesta.',
		tags: ['laboratori']
	}),
	blankEntry(id(7), {
		name: 'Assistenza educativa domiciliare',
		category: 'service',
		system: 'social',
		targets: ['disability'],
		partnerId: PARTNER.arcobaleno,
		address: 'Via Piagge 4, 03011 Alatri',
		position: near(TOWN.alatri, -0.0011, 0.0016),
		hours: 'su appuntamento',
		contacts: 'domiciliare@arcobaleno.example'
	}),
	blankEntry(id(8), {
		name: 'Collocamento mirato (L. 68/1999)',
		category: 'service',
		system: 'employment',
		targets: ['disability', 'long_term_unemployed'],
		partnerId: PARTNER.cpi,
		address: 'Via Marittima 170, 03100 Frosinone',
		position: near(TOWN.frosinone, -0.0102, -0.0061),
		hours: 'lun–ven 9–12, mar e gio 15–16:30',
		contacts: 'collocamentomirato.frosinone@cpi.example',
		notes: 'Iscrizione alle liste, convenzioni con le imprese e tirocini di inclusione.'
	}),
	blankEntry(id(9), {
		name: 'Sportello del Centro per l’impiego a Sora',
		category: 'service',
		system: 'employment',
		targets: ['long_term_unemployed', 'over_50', 'neet'],
		partnerId: PARTNER.cpi,
		address: 'Via Lungoliri Mazzini, 03039 Sora',
		position: near(TOWN.sora, 0.0021, -0.0013),
		hours: 'mar e gio 9–12',
		contacts: 'cpi.sora@cpi.example',
		tags: ['Garanzia Giovani', 'GOL']
	}),
	blankEntry(id(10), {
		name: 'Sportello di orientamento per cittadini stranieri',
		category: 'service',
		system: 'social',
		targets: ['migrants'],
		partnerId: PARTNER.comune,
		address: 'Via Aldo Moro 1, 03100 Frosinone',
		position: near(TOWN.frosinone, -0.0058, -0.0102),
		hours: 'mer 14–18',
		contacts: 'stranieri@comune-frosinone.example',
		notes: 'Permessi di soggiorno, riconoscimento dei titoli di studio, mediazione linguistica (arabo, inglese, romeno).'
	}),
	blankEntry(id(11), {
		name: 'Centro di accoglienza diurna per persone senza dimora',
		category: 'service',
		system: 'social',
		targets: ['homeless'],
		address: 'Via Tiburtina 40, 03100 Frosinone',
		position: near(TOWN.frosinone, -0.0121, -0.0148),
		places: 25,
		hours: 'tutti i giorni 8–15',
		notes: 'Gestito da una parrocchia, non ancora partner della rete: doccia, pasto, ascolto.'
	}),

	// Resources
	blankEntry(id(12), {
		name: 'Orto sociale di Ceccano',
		category: 'resource',
		system: 'employment',
		targets: ['mental_health', 'addiction'],
		partnerId: PARTNER.ciociariaVerde,
		address: 'Località Badia, 03023 Ceccano',
		position: near(TOWN.ceccano, -0.0094, 0.0121),
		places: 8,
		contacts: 'info@ciociariaverde.example',
		notes: 'Due ettari messi a disposizione per percorsi di avvicinamento al lavoro agricolo.',
		tags: ['agricoltura sociale']
	}),
	blankEntry(id(13), {
		name: 'Laboratorio di falegnameria Il Ponte',
		category: 'resource',
		system: 'employment',
		targets: ['detainees', 'mental_health'],
		partnerId: PARTNER.ponte,
		address: 'Via Monti Lepini 58, 03100 Frosinone',
		position: near(TOWN.frosinone, -0.0201, -0.0157),
		places: 5,
		hours: 'lun–ven 8–13',
		contacts: 'falegnameria@ilponte.example',
		tags: ['laboratori', 'legno']
	}),
	blankEntry(id(14), {
		name: 'Furgone attrezzato per il trasporto di persone con disabilità',
		category: 'resource',
		system: 'social',
		targets: ['disability'],
		partnerId: PARTNER.arcobaleno,
		address: 'Via Piagge 4, 03011 Alatri',
		position: near(TOWN.alatri, -0.0009, 0.0019),
		places: 7,
		notes: 'Libero il martedì e il giovedì: da concordare per gli spostamenti verso i tirocini.',
		tags: ['trasporto']
	}),
	blankEntry(id(15), {
		name: 'Aule informatiche dell’IIS Brunelleschi – Da Vinci',
		category: 'resource',
		system: 'training',
		targets: ['neet', 'over_50'],
		partnerId: PARTNER.iis,
		address: 'Via Casilina Sud, 03100 Frosinone',
		position: near(TOWN.frosinone, -0.0143, 0.0052),
		places: 24,
		hours: 'pomeriggi, fuori dall’orario scolastico',
		contacts: 'segreteria@iis-brunelleschi.example',
		tags: ['competenze digitali']
	}),
	blankEntry(id(16), {
		name: 'Fondo comunale per le borse lavoro',
		category: 'resource',
		system: 'social',
		targets: ['long_term_unemployed', 'mental_health'],
		partnerId: PARTNER.comune,
		address: 'Piazza VI Dicembre, 03100 Frosinone',
		position: near(TOWN.frosinone, 0.0011, 0.0014),
		places: 12,
		notes: '12 borse da 450 € al mese per sei mesi nel 2027, su progetto del servizio sociale.'
	}),

	// Opportunities
	blankEntry(id(17), {
		name: 'Tirocini in manutenzione del verde',
		category: 'opportunity',
		system: 'employment',
		targets: ['mental_health', 'addiction', 'detainees'],
		partnerId: PARTNER.ponte,
		address: 'Via Casilina Nord 112, 03100 Frosinone',
		position: near(TOWN.frosinone, 0.0164, -0.0089),
		places: 6,
		hours: 'lun–ven 7–13',
		contacts: 'inserimenti@ilponte.example',
		notes: 'Tirocini di sei mesi con tutor, prorogabili; possibile assunzione come cooperativa di tipo B.',
		tags: ['tirocinio', 'verde']
	}),
	blankEntry(id(18), {
		name: 'Tirocini in logistica di magazzino',
		category: 'opportunity',
		system: 'employment',
		targets: ['long_term_unemployed', 'over_50'],
		partnerId: PARTNER.ponte,
		address: 'Zona industriale, 03023 Ceccano',
		position: near(TOWN.ceccano, 0.0182, 0.0064),
		places: 4,
		hours: 'turni 6–14 e 14–22',
		contacts: 'inserimenti@ilponte.example',
		tags: ['tirocinio', 'logistica']
	}),
	blankEntry(id(19), {
		name: 'Raccolta stagionale in azienda agricola',
		category: 'opportunity',
		system: 'employment',
		targets: ['migrants', 'long_term_unemployed'],
		partnerId: PARTNER.ciociariaVerde,
		address: 'Località Osteria della Fontana, 03012 Anagni',
		position: near(TOWN.anagni, -0.0312, 0.0105),
		places: 10,
		hours: 'giugno–ottobre',
		contacts: 'lavora@ciociariaverde.example',
		tags: ['agricoltura', 'stagionale']
	}),
	blankEntry(id(20), {
		name: 'Corso di qualifica per operatore della ristorazione',
		category: 'opportunity',
		system: 'training',
		targets: ['neet', 'mental_health'],
		partnerId: PARTNER.futuroLavoro,
		address: 'Via Sant’Angelo 30, 03043 Cassino',
		position: near(TOWN.cassino, 0.0033, 0.0012),
		places: 15,
		hours: '600 ore, da febbraio 2027',
		contacts: 'corsi@futurolavoro.example',
		tags: ['qualifica', 'ristorazione']
	}),
	blankEntry(id(21), {
		name: 'Corso di qualifica per operatore socio-sanitario (OSS)',
		category: 'opportunity',
		system: 'training',
		targets: ['over_50', 'long_term_unemployed'],
		partnerId: PARTNER.futuroLavoro,
		address: 'Viale Mazzini 80, 03100 Frosinone',
		position: near(TOWN.frosinone, 0.0052, 0.0067),
		places: 25,
		hours: '1000 ore, serale',
		contacts: 'corsi@futurolavoro.example',
		tags: ['qualifica', 'OSS']
	}),
	blankEntry(id(22), {
		name: 'Percorso serale di istruzione per adulti',
		category: 'opportunity',
		system: 'training',
		targets: ['detainees', 'migrants', 'neet'],
		partnerId: PARTNER.iis,
		address: 'Via Casilina Sud, 03100 Frosinone',
		position: near(TOWN.frosinone, -0.0146, 0.0049),
		hours: 'lun–ven 17–22',
		contacts: 'serale@iis-brunelleschi.example',
		notes: 'Anche nella Casa circondariale di Frosinone, con la stessa commissione d’esame.'
	}),
	blankEntry(id(23), {
		name: 'Tirocini di inclusione sociale a Sora e Isola del Liri',
		category: 'opportunity',
		system: 'employment',
		targets: ['disability', 'mental_health'],
		partnerId: PARTNER.cpi,
		address: 'Via Lungoliri Mazzini, 03039 Sora',
		position: near(TOWN.sora, 0.0024, -0.0016),
		places: 8,
		contacts: 'cpi.sora@cpi.example',
		notes: 'Tirocini di inclusione (DGR Lazio 511/2013) con indennità a carico del fondo di ambito.',
		tags: ['tirocinio']
	}),

	// Meeting places
	blankEntry(id(24), {
		name: 'Gruppo di auto mutuo aiuto per familiari',
		category: 'meeting_place',
		system: 'social',
		targets: ['mental_health'],
		partnerId: PARTNER.famiglie,
		address: 'Via Marco Tullio Cicerone 15, 03100 Frosinone',
		position: near(TOWN.frosinone, 0.0036, -0.0022),
		hours: 'primo e terzo giovedì del mese, 18–20',
		contacts: 'famiglieinrete@associazioni.example',
		tags: ['auto mutuo aiuto']
	}),
	blankEntry(id(25), {
		name: 'Casa delle associazioni di Isola del Liri',
		category: 'meeting_place',
		system: 'social',
		address: 'Piazza De Boncompagni, 03036 Isola del Liri',
		position: near(TOWN.isolaDelLiri, 0.0008, -0.0004),
		hours: 'su prenotazione',
		notes: 'Sala da 40 posti messa a disposizione dal Comune per gli incontri del tavolo.'
	}),
	blankEntry(id(26), {
		name: 'Biblioteca comunale di Alatri',
		category: 'meeting_place',
		system: 'social',
		targets: ['neet'],
		address: 'Piazza Santa Maria Maggiore, 03011 Alatri',
		position: near(TOWN.alatri, 0.0006, 0.0003),
		hours: 'lun–sab 9–19',
		notes: 'Spazio studio e incontri serali con i giovani del quartiere.'
	}),
	blankEntry(id(27), {
		name: 'Circolo Famiglie in Rete di Sora',
		category: 'meeting_place',
		system: 'social',
		targets: ['mental_health', 'addiction'],
		partnerId: PARTNER.famiglie,
		address: 'Corso Volsci 52, 03039 Sora',
		position: near(TOWN.sora, 0.0004, 0.0011),
		hours: 'mer 17–19',
		contacts: 'famiglieinrete@associazioni.example'
	}),

	// Needs
	blankEntry(id(28), {
		name: 'Inserimento lavorativo per persone in carico al CSM di Frosinone',
		category: 'need',
		system: 'health',
		targets: ['mental_health'],
		partnerId: PARTNER.dsm,
		address: 'Frosinone',
		position: near(TOWN.frosinone, -0.0029, 0.0017),
		places: 30,
		notes: 'Circa 30 persone con progetto individuale pronte per un tirocinio nel 2027.'
	}),
	blankEntry(id(29), {
		name: 'Reinserimento delle persone in uscita dalla Casa circondariale',
		category: 'need',
		system: 'social',
		targets: ['detainees'],
		partnerId: PARTNER.comune,
		address: 'Via Cerreto, 03100 Frosinone',
		position: near(TOWN.frosinone, -0.0163, 0.0272),
		notes: 'Dimissioni previste: una quindicina di persone nel 2027, spesso senza casa né lavoro all’uscita.'
	}),
	blankEntry(id(30), {
		name: 'Accoglienza notturna per persone senza dimora a Cassino',
		category: 'need',
		system: 'social',
		targets: ['homeless'],
		partnerId: PARTNER.comune,
		address: 'Cassino',
		position: near(TOWN.cassino, 0.0011, -0.0006),
		notes: 'Nessun dormitorio nel distretto: d’inverno le persone sono accompagnate a Frosinone o a Roma.'
	}),
	blankEntry(id(31), {
		name: 'Trasporto verso i luoghi di tirocinio da Isola del Liri',
		category: 'need',
		system: 'social',
		targets: ['disability'],
		address: 'Isola del Liri',
		position: near(TOWN.isolaDelLiri, -0.0012, 0.0009),
		notes: 'Le corse degli autobus non coprono gli orari dei tirocini nelle zone industriali.'
	}),
	blankEntry(id(32), {
		name: 'Sostegno al lavoro per donne che escono dalla violenza, area di Sora',
		category: 'need',
		system: 'social',
		targets: ['women_violence'],
		address: 'Sora',
		position: near(TOWN.sora, -0.0008, -0.0021),
		notes: 'Segnalato dal consultorio: mancano percorsi di autonomia economica dopo la casa rifugio.'
	}),
	blankEntry(id(33), {
		name: 'Orientamento al lavoro per giovani NEET ad Anagni',
		category: 'need',
		system: 'employment',
		targets: ['neet'],
		address: 'Anagni',
		position: near(TOWN.anagni, 0.0005, 0.0007),
		notes: 'Molti giovani non iscritti al Centro per l’impiego; lo sportello più vicino è a Frosinone.'
	}),
	blankEntry(id(34), {
		name: 'Riqualificazione per disoccupati over 50 a Cassino',
		category: 'need',
		system: 'employment',
		targets: ['over_50'],
		partnerId: PARTNER.cpi,
		address: 'Cassino',
		position: near(TOWN.cassino, -0.0021, 0.0027),
		notes: 'Dopo la crisi dell’indotto automobilistico: persone con esperienza, senza titoli spendibili.'
	}),
	blankEntry(id(35), {
		name: 'Attività diurne per persone con dipendenze a Ferentino',
		category: 'need',
		system: 'health',
		targets: ['addiction'],
		partnerId: PARTNER.serd,
		address: 'Ferentino',
		position: near(TOWN.ferentino, 0.0003, -0.0008),
		notes: 'Chi segue un programma al SerD non ha un luogo dove passare la giornata.'
	})
];
