// Italian messages of mapNetwork: the keys the English file must match.
export const mapNetwork = {
	'mapNetwork.heading': 'I partner nei quattro sistemi',
	'mapNetwork.intro':
		'Due partner sono legati quando le loro voci servono gli stessi destinatari; il legame è più forte quando un bisogno dell’uno trova un servizio, una risorsa o un’opportunità dell’altro. Contano solo le voci che passano i filtri.',
	'mapNetwork.drawing': 'Disegno della rete: {partners} partner e {links} legami, elencati a parole qui sotto.',
	'mapNetwork.legendShared': 'Linea tratteggiata: destinatari in comune.',
	'mapNetwork.legendAnswers': 'Linea continua: anche bisogni a cui l’altro partner può rispondere.',
	'mapNetwork.legendWeight': 'Più la linea è spessa, più il legame è forte.',
	'mapNetwork.links': 'Legami tra i partner',
	'mapNetwork.noLinks': 'Con questi filtri nessuna coppia di partner ha destinatari in comune.',
	'mapNetwork.sharedOne': '1 destinatario in comune ({targets})',
	'mapNetwork.sharedMany': '{count} destinatari in comune ({targets})',
	'mapNetwork.answersOne': '1 bisogno di {partner} trova risposta in {other}',
	'mapNetwork.answersMany': '{count} abbinamenti tra bisogni di {partner} e risposte di {other}',
	'mapNetwork.entriesOne': '1 voce',
	'mapNetwork.entriesMany': '{count} voci',
	'mapNetwork.noEntries': 'Nessuna voce tra quelle mostrate.',
	'mapNetwork.entriesOf': 'Voci di {name}',
	'mapNetwork.showAll': 'Mostra tutte le {count} voci',
	'mapNetwork.showFewer': 'Mostra meno voci',
	'mapNetwork.apart': 'Voci che non legano nessun partner',
	'mapNetwork.withoutPartner': 'Senza partner',
	'mapNetwork.formerPartner': 'Di partner non più nella rete'
} as const;
