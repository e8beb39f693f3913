// Italian messages of synergies: the keys the English file must match.
export const synergies = {
	'synergies.distance': 'Distanza massima',
	'synergies.km': '{km} km',
	'synergies.anyDistance': 'Qualsiasi distanza',
	'synergies.print': 'Stampa le sinergie',

	'synergies.summary': '{needs}: {answered}, {gaps}.',
	'synergies.needsOne': '1 bisogno',
	'synergies.needsMany': '{count} bisogni',
	'synergies.answeredOne': '1 con risposte',
	'synergies.answeredMany': '{count} con risposte',
	'synergies.gapsOne': '1 scoperto',
	'synergies.gapsMany': '{count} scoperti',
	'synergies.within': 'Risposte entro {km} km in linea d’aria.',
	'synergies.withinAny': 'Risposte a qualsiasi distanza.',

	'synergies.howTitle': 'Come sono ordinate le risposte',
	'synergies.how':
		'Per ogni bisogno sono risposte i servizi, le risorse e le opportunità di lavoro o tirocinio che servono almeno uno dei suoi stessi destinatari entro la distanza scelta; i luoghi di incontro non contano come risposte. Vengono prima quelle con più destinatari in comune, poi le più vicine, poi quelle dello stesso sistema del bisogno, poi quelle con posti liberi; a parità, in ordine alfabetico. Le voci senza posizione non si possono misurare: sono elencate a parte, da verificare.',
	'synergies.targetFilter':
		'Il filtro per destinatari vale anche per le risposte: sono mostrate solo quelle che servono «{target}».',

	'synergies.gapsTitle': 'Bisogni scoperti ({count})',
	'synergies.gapsIntro': 'Nessuna risposta confermata entro la distanza scelta: sono i vuoti da portare al tavolo.',
	'synergies.answeredTitle': 'Bisogni con risposte ({count})',
	'synergies.gap': 'Scoperto',
	'synergies.gap.no_targets': 'Nessun destinatario indicato: completa la voce per cercare risposte.',
	'synergies.gap.no_answers': 'Nessuna voce della mappa serve queste persone.',
	'synergies.gap.need_unplaced': 'Il bisogno non ha una posizione: non si può misurare la distanza dalle risposte.',
	'synergies.gap.none_nearby': 'Nessuna risposta entro {km} km.',
	'synergies.nearest': 'La più vicina è a {distance}.',
	'synergies.targets': 'Destinatari: {targets}',
	'synergies.noTargets': 'Nessun destinatario indicato',

	'synergies.matchesOf': 'Risposte per «{name}»',
	'synergies.showAll': 'Mostra tutte le {count} risposte',
	'synergies.showFewer': 'Mostra solo le prime risposte',
	'synergies.unplacedTitle': 'Senza posizione, da verificare ({count})',
	'synergies.unplacedHint': 'Servono le stesse persone, ma senza posizione non si sa quanto siano lontane.',
	'synergies.moreOne': 'e un’altra risposta.',
	'synergies.moreMany': 'e altre {count} risposte.',

	'synergies.sharedOne': '1 destinatario in comune ({targets})',
	'synergies.sharedMany': '{count} destinatari in comune ({targets})',
	'synergies.kmAway': '{km} km',
	'synergies.veryNear': 'meno di 100 m',
	'synergies.noDistance': 'distanza non nota',
	'synergies.sameSystem': 'stesso sistema',
	'synergies.placesOne': '1 posto',
	'synergies.placesMany': '{count} posti',
	'synergies.placesNone': 'posti esauriti',

	'synergies.noNeeds':
		'La mappa non ha ancora bisogni: aggiungi voci della categoria «Bisogno» per vedere quali risposte ci sono e dove mancano.',
	'synergies.noNeedsFiltered': 'Nessun bisogno corrisponde a questi filtri.',
	'synergies.categoryFilter': 'Le sinergie partono dai bisogni, ma il filtro per categoria mostra solo «{category}».',
	'synergies.showNeeds': 'Mostra i bisogni',

	'synergies.printed': 'Sinergie al {date}.',
	'synergies.printedFilters': 'Filtri: {filters}.'
} as const;
