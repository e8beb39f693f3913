// Italian messages of mapComments: the keys the English file must match.
export const mapComments = {
	'mapComments.title': 'Commenti sulla voce',
	'mapComments.badgeLabel': 'Commenti:',
	'mapComments.badgeOpen': '{open} da risolvere',
	'mapComments.bodyLabel': 'Il tuo commento su «{name}»',
	'mapComments.none': 'Nessun commento su questa voce.',
	'mapComments.entryMissing':
		'Non è stato possibile collegare il commento alla voce: riaprila dalla mappa e riprova. Quello che hai scritto resta qui.',
	'mapComments.removedTitle': 'Commenti su voci rimosse',
	'mapComments.removedIntro': 'Queste voci sono state tolte dalla mappa: i loro commenti restano leggibili.',
	'mapComments.removedEntry': 'Voce rimossa: «{name}»'
} as const;
