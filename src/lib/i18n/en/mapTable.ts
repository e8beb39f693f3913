import type { mapTable as italian } from '../it/mapTable.ts';

export const mapTable: Record<keyof typeof italian, string> = {
	'mapTable.caption': 'Map entries',
	'mapTable.order': 'Sorted by {column}, {direction}',
	'mapTable.asc': 'ascending',
	'mapTable.desc': 'descending',
	'mapTable.rows': 'rows {from}–{to} of {total}',
	'mapTable.scrollHint': 'On a narrow screen the table scrolls sideways.',
	'mapTable.pages': 'Table pages',
	'mapTable.editHint': 'Press Enter or click to edit this cell.',
	'mapTable.editName': 'Edit the name of “{name}”',
	'mapTable.fieldOf': '{field} of “{name}”',
	'mapTable.empty': 'empty',
	'mapTable.save': 'Save',
	'mapTable.cancel': 'Cancel',
	'mapTable.tagsHint': 'Separate tags with a comma.',
	'mapTable.changedMeanwhile': 'Meanwhile someone changed this field to “{value}”. If you save, your value stays.',
	'mapTable.takeTheirs': 'Use their value',
	'mapTable.gone': 'Meanwhile this entry was deleted: the change was not saved.',
	'mapTable.position': 'Position: {lat}, {lng}'
};
