// Italian messages of mapTable: the keys the English file must match.
export const mapTable = {
	'mapTable.caption': 'Voci della mappa',
	'mapTable.order': 'Ordinate per {column}, {direction}',
	'mapTable.asc': 'in ordine crescente',
	'mapTable.desc': 'in ordine decrescente',
	'mapTable.rows': 'righe {from}–{to} di {total}',
	'mapTable.scrollHint': 'Su uno schermo stretto la tabella scorre in orizzontale.',
	'mapTable.pages': 'Pagine della tabella',
	'mapTable.editHint': 'Premi Invio o fai clic per modificare questa cella.',
	'mapTable.editName': 'Modifica il nome di «{name}»',
	'mapTable.fieldOf': '{field} di «{name}»',
	'mapTable.empty': 'vuoto',
	'mapTable.save': 'Salva',
	'mapTable.cancel': 'Annulla',
	'mapTable.tagsHint': 'Separa le etichette con una virgola.',
	'mapTable.changedMeanwhile': 'Nel frattempo qualcuno ha cambiato questo campo in «{value}». Se salvi, resta il tuo valore.',
	'mapTable.takeTheirs': 'Usa il loro valore',
	'mapTable.gone': 'Nel frattempo questa voce è stata eliminata: la modifica non è stata salvata.',
	'mapTable.position': 'Posizione: {lat}, {lng}'
} as const;
