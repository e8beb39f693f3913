// Italian messages of mapImport: the keys the English file must match.
export const mapImport = {
	'mapImport.open': 'Importa da CSV o GeoJSON',
	'mapImport.title': 'Importa voci da un file',
	'mapImport.intro':
		'Un file CSV (come quelli esportati, o il modello) o GeoJSON. Prima di salvare vedi ogni problema, riga per riga, e scegli tu se importare le righe valide.',
	'mapImport.template': 'Scarica il modello CSV',
	'mapImport.templateFile': 'modello-mappa.csv',
	'mapImport.file': 'File CSV o GeoJSON',
	'mapImport.fileHint': 'Al massimo 10 MB e 10.000 righe. Puoi anche trascinare il file in questo riquadro.',
	'mapImport.separator': 'Separatore delle colonne (CSV)',
	'mapImport.separator.auto': 'Rilevalo dal file',
	'mapImport.separator.semicolon': 'Punto e virgola ( ; )',
	'mapImport.separator.comma': 'Virgola ( , )',
	'mapImport.separator.tab': 'Tabulazione',
	'mapImport.analysing': 'Analisi del file «{name}»…',
	'mapImport.summary': 'Cosa contiene «{name}»',
	'mapImport.count.rows': 'Righe',
	'mapImport.count.valid': 'Valide',
	'mapImport.count.refused': 'Con problemi',
	'mapImport.count.added': 'Nuove voci',
	'mapImport.count.updated': 'Aggiornano voci esistenti',
	'mapImport.problems': 'Problemi riga per riga',
	'mapImport.problems.row': 'Riga',
	'mapImport.problems.field': 'Campo',
	'mapImport.problems.why': 'Problema',
	'mapImport.problems.range': 'Problemi da {from} a {to} su {total}',
	'mapImport.confirm': 'Importa le {count} righe valide',
	'mapImport.confirmOne': 'Importa l’unica riga valida',
	'mapImport.nothingValid': 'Nessuna riga si può importare: correggi il file e sceglilo di nuovo.',
	'mapImport.cancel': 'Annulla',
	'mapImport.otherFile': 'Scegli un altro file',
	'mapImport.done': 'Importate {count} voci da «{name}»: {added} nuove, {updated} aggiornate.',
	'mapImport.doneOneNew': 'Importata una nuova voce da «{name}».',
	'mapImport.doneOneUpdated': 'Aggiornata una voce da «{name}».',
	'mapImport.problems.previous': 'Precedenti',
	'mapImport.problems.next': 'Successivi',

	'mapImport.file.empty': 'Il file è vuoto.',
	'mapImport.file.binary':
		'Il file non è testo: salva il foglio di calcolo come CSV (valori separati da punto e virgola) oppure scegli un file GeoJSON.',
	'mapImport.file.too_big': 'Il file pesa {size} MB: se ne possono importare al massimo {limit} MB alla volta. Dividilo in più file.',
	'mapImport.file.too_many_rows':
		'Il file ha {count} righe: se ne possono importare al massimo {limit} alla volta. Dividilo in più file.',
	'mapImport.file.too_many_features':
		'Il file ha {count} elementi: se ne possono importare al massimo {limit} alla volta. Dividilo in più file.',
	'mapImport.file.header_only': 'Il file ha solo la riga di intestazione: non ci sono voci da importare.',
	'mapImport.file.one_column':
		'La prima riga non contiene le colonne attese: trovata una sola colonna «{header}». Separa le colonne con il punto e virgola, la virgola o la tabulazione, e chiama «nome» la colonna dei nomi.',
	'mapImport.file.one_column_guess':
		'La prima riga non contiene le colonne attese: trovata una sola colonna «{header}»: il separatore è forse «{separator}»? Si possono usare il punto e virgola, la virgola o la tabulazione.',
	'mapImport.file.wrong_separator':
		'La prima riga non contiene le colonne attese con il separatore scelto (trovato «{header}»): il separatore è forse «{separator}»?',
	'mapImport.file.no_name_column': 'La prima riga non ha la colonna «nome» (o «name»): trovate {columns}.',
	'mapImport.file.invalid_json': 'Il file non è un JSON valido: controlla che sia un GeoJSON completo.',
	'mapImport.file.not_geojson': 'Il file è JSON ma non GeoJSON: serve una FeatureCollection di punti, o un singolo Feature.',
	'mapImport.file.no_features': 'Il GeoJSON non contiene elementi (features): non ci sono voci da importare.',
	'mapImport.file.read_failed': 'Non è stato possibile leggere il file. Riprova, o scegline un altro.',

	'mapImport.notice.windows_1252':
		'Il file non era in UTF-8: è stato letto come Windows-1252, la codifica di Excel su Windows. Controlla che le lettere accentate siano giuste.',
	'mapImport.notice.separator_found': 'Separatore delle colonne rilevato: «{separator}».',
	'mapImport.notice.separator_chosen': 'Separatore delle colonne scelto: «{separator}».',
	'mapImport.notice.ignored_columns': 'Colonne non riconosciute, ignorate: {columns}.',
	'mapImport.notice.missing_columns': 'Il file non ha le colonne {columns}, che ogni voce deve avere: aggiungile e riprova.',
	'mapImport.notice.ignored_properties': 'Proprietà non riconosciute, ignorate: {names}.',

	'mapImport.problem.unknown_partner': '«{value}» non è un partner della rete',
	'mapImport.problem.quotes': 'le virgolette di una cella non sono chiuse',
	'mapImport.problem.too_many_cells':
		'la riga ha più celle dell’intestazione («{value}» in più): forse una cella contiene il separatore senza virgolette',
	'mapImport.problem.duplicate_id': 'lo stesso identificativo è già alla riga {value}',
	'mapImport.problem.not_a_feature': 'non è un Feature GeoJSON',
	'mapImport.problem.no_properties': 'mancano le proprietà (properties)',
	'mapImport.problem.not_a_point': 'la geometria «{value}» non è un punto (Point)',
	'mapImport.problem.bad_coordinates': 'le coordinate {value} non sono [longitudine, latitudine]'
} as const;
