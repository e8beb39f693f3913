import type { mapImport as italian } from '../it/mapImport.ts';

export const mapImport: Record<keyof typeof italian, string> = {
	'mapImport.open': 'Import from CSV or GeoJSON',
	'mapImport.title': 'Import entries from a file',
	'mapImport.intro':
		'A CSV file (like the exported ones, or the template) or a GeoJSON file. Before anything is saved you see every problem, row by row, and choose whether to import the valid rows.',
	'mapImport.template': 'Download the CSV template',
	'mapImport.templateFile': 'map-template.csv',
	'mapImport.file': 'CSV or GeoJSON file',
	'mapImport.fileHint': 'At most 10 MB and 10,000 rows. You can also drop the file on this box.',
	'mapImport.separator': 'Column separator (CSV)',
	'mapImport.separator.auto': 'Detect it from the file',
	'mapImport.separator.semicolon': 'Semicolon ( ; )',
	'mapImport.separator.comma': 'Comma ( , )',
	'mapImport.separator.tab': 'Tab',
	'mapImport.analysing': 'Reading «{name}»…',
	'mapImport.summary': 'What «{name}» holds',
	'mapImport.count.rows': 'Rows',
	'mapImport.count.valid': 'Valid',
	'mapImport.count.refused': 'With problems',
	'mapImport.count.added': 'New entries',
	'mapImport.count.updated': 'Update existing entries',
	'mapImport.problems': 'Problems row by row',
	'mapImport.problems.row': 'Row',
	'mapImport.problems.field': 'Field',
	'mapImport.problems.why': 'Problem',
	'mapImport.problems.range': 'Problems {from} to {to} of {total}',
	'mapImport.confirm': 'Import the {count} valid rows',
	'mapImport.confirmOne': 'Import the only valid row',
	'mapImport.nothingValid': 'No row can be imported: correct the file and choose it again.',
	'mapImport.cancel': 'Cancel',
	'mapImport.otherFile': 'Choose another file',
	'mapImport.done': 'Imported {count} entries from «{name}»: {added} new, {updated} updated.',
	'mapImport.doneOneNew': 'Imported one new entry from «{name}».',
	'mapImport.doneOneUpdated': 'Updated one entry from «{name}».',
	'mapImport.problems.previous': 'Previous',
	'mapImport.problems.next': 'Next',

	'mapImport.file.empty': 'The file is empty.',
	'mapImport.file.binary':
		'The file is not text: save the spreadsheet as CSV (comma or semicolon separated values) or choose a GeoJSON file.',
	'mapImport.file.too_big': 'The file is {size} MB: at most {limit} MB can be imported at a time. Split it into several files.',
	'mapImport.file.too_many_rows': 'The file has {count} rows: at most {limit} can be imported at a time. Split it into several files.',
	'mapImport.file.too_many_features':
		'The file has {count} features: at most {limit} can be imported at a time. Split it into several files.',
	'mapImport.file.header_only': 'The file has only its header row: there are no entries to import.',
	'mapImport.file.one_column':
		'The first row does not hold the expected columns: found a single column «{header}». Separate columns with semicolons, commas or tabs, and call the names column «name».',
	'mapImport.file.one_column_guess':
		'The first row does not hold the expected columns: found a single column «{header}»: is the separator «{separator}»? Semicolons, commas or tabs can be used.',
	'mapImport.file.wrong_separator':
		'The first row does not hold the expected columns with the chosen separator (found «{header}»): is the separator «{separator}»?',
	'mapImport.file.no_name_column': 'The first row has no «name» (or «nome») column: found {columns}.',
	'mapImport.file.invalid_json': 'The file is not valid JSON: check that it is a complete GeoJSON file.',
	'mapImport.file.not_geojson': 'The file is JSON but not GeoJSON: a FeatureCollection of points, or a single Feature, is needed.',
	'mapImport.file.no_features': 'The GeoJSON has no features: there are no entries to import.',
	'mapImport.file.read_failed': 'The file could not be read. Try again, or choose another one.',

	'mapImport.notice.windows_1252':
		'The file was not UTF-8: it was read as Windows-1252, the encoding of Excel on Windows. Check that accented letters look right.',
	'mapImport.notice.separator_found': 'Column separator found: «{separator}».',
	'mapImport.notice.separator_chosen': 'Column separator chosen: «{separator}».',
	'mapImport.notice.ignored_columns': 'Unknown columns, ignored: {columns}.',
	'mapImport.notice.missing_columns': 'The file has no {columns} columns, which every entry needs: add them and try again.',
	'mapImport.notice.ignored_properties': 'Unknown properties, ignored: {names}.',

	'mapImport.problem.unknown_partner': '«{value}» is not a partner of the network',
	'mapImport.problem.quotes': 'the quotes of a cell are not closed',
	'mapImport.problem.too_many_cells':
		'the row has more cells than the header («{value}» too many): a cell may hold the separator without quotes',
	'mapImport.problem.duplicate_id': 'the same id is already on row {value}',
	'mapImport.problem.not_a_feature': 'is not a GeoJSON Feature',
	'mapImport.problem.no_properties': 'the properties are missing',
	'mapImport.problem.not_a_point': 'the geometry «{value}» is not a Point',
	'mapImport.problem.bad_coordinates': 'the coordinates {value} are not [longitude, latitude]'
};
