// Italian messages of discussions: the keys the English file must match.
export const discussions = {
	'discussions.title': 'Discussioni',

	'discussions.markdownHint': 'Puoi usare **grassetto**, *corsivo*, elenchi con «- » e link [testo](https://…). Scrivi @ per menzionare qualcuno.',
	'discussions.count': '{count} di {max} caratteri',
	'discussions.countNear': 'Restano {left} caratteri.',
	'discussions.countOver': 'Hai superato di {over} caratteri il limite di {max}: accorcia il testo.',
	'discussions.mentionList': 'Persone da menzionare',
	'discussions.mentionOne': '1 persona trovata: premi Invio per menzionarla.',
	'discussions.mentionMany': '{count} persone trovate: scegli con le frecce su e giù, poi premi Invio.',
} as const;
