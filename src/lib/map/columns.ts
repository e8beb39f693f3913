// How entries are written in CSV and GeoJSON files, both ways: exports write
// Italian column names and Italian words; imports also take the English
// names and words and the codes, in any case and with or without accents,
// so a file exported in either language comes back unchanged.
import { map as italian } from '../i18n/it/map.ts';
import { map as english } from '../i18n/en/map.ts';
import { CATEGORIES, SYSTEMS, TARGET_GROUPS, type Category, type TargetGroup } from './entry.ts';
import type { NetworkSystem } from '../domain.ts';
import { fold } from './filter.ts';

/** A file column: its Italian name (written on export) and the other names it is known by. */
export interface Column {
	key: 'id' | 'name' | 'category' | 'system' | 'targets' | 'partner' | 'address' | 'lat' | 'lng' | 'places' | 'hours' | 'contacts' | 'notes' | 'tags';
	it: string;
	aliases: string[];
}

export const COLUMNS: Column[] = [
	{ key: 'id', it: 'id', aliases: ['identificativo', 'uuid'] },
	{ key: 'name', it: 'nome', aliases: ['name', 'denominazione'] },
	{ key: 'category', it: 'categoria', aliases: ['category', 'tipo'] },
	{ key: 'system', it: 'sistema', aliases: ['system'] },
	{ key: 'targets', it: 'destinatari', aliases: ['target', 'targets', 'target groups', 'gruppi target'] },
	{ key: 'partner', it: 'partner', aliases: ['ente', 'organizzazione', 'organisation', 'organization'] },
	{ key: 'address', it: 'indirizzo', aliases: ['address'] },
	{ key: 'lat', it: 'latitudine', aliases: ['lat', 'latitude', 'y'] },
	{ key: 'lng', it: 'longitudine', aliases: ['lng', 'lon', 'long', 'longitude', 'x'] },
	{ key: 'places', it: 'posti', aliases: ['places', 'capacita', 'capacity'] },
	{ key: 'hours', it: 'orari', aliases: ['hours', 'orario'] },
	{ key: 'contacts', it: 'contatti', aliases: ['contacts', 'contatto', 'email', 'telefono'] },
	{ key: 'notes', it: 'note', aliases: ['notes', 'descrizione', 'description'] },
	{ key: 'tags', it: 'etichette', aliases: ['tags', 'tag'] }
];

/** Lists inside one cell (target groups, tags) are separated by this. */
export const LIST_SEPARATOR = '|';

/** The column a header names, or null for a column the import ignores. */
export function columnOf(header: string): Column | null {
	const wanted = fold(header.trim());
	return COLUMNS.find((column) => fold(column.it) === wanted || column.aliases.some((alias) => fold(alias) === wanted)) ?? null;
}

function vocabulary<T extends string>(codes: readonly T[], key: (code: T) => string): Map<string, T> {
	const words = new Map<string, T>();
	for (const code of codes) {
		for (const name of [code, italian[key(code) as keyof typeof italian], english[key(code) as keyof typeof english]]) {
			if (name) words.set(fold(name), code);
		}
	}
	return words;
}

const categoryWords = vocabulary(CATEGORIES, (code) => `map.category.${code}`);
const targetWords = vocabulary(TARGET_GROUPS, (code) => `map.target.${code}`);
// The system names are not in the map's own messages; they are few and stable.
const systemWords = new Map<string, NetworkSystem>([
	...SYSTEMS.map((code) => [code, code] as [string, NetworkSystem]),
	['sanitario', 'health'],
	['sociale', 'social'],
	['formazione', 'training'],
	['lavoro', 'employment'],
	['sanita', 'health']
]);

/** The code a word in a file stands for, or the word itself when it is unknown (the check then names it). */
export const categoryFrom = (word: string): Category | string => categoryWords.get(fold(word.trim())) ?? word.trim();
export const systemFrom = (word: string): NetworkSystem | string => systemWords.get(fold(word.trim())) ?? word.trim();
export const targetFrom = (word: string): TargetGroup | string => targetWords.get(fold(word.trim())) ?? word.trim();

/** The Italian words an export writes. */
export const categoryWord = (code: Category): string => italian[`map.category.${code}`];
export const targetWord = (code: TargetGroup): string => italian[`map.target.${code}`];
export const SYSTEM_WORDS: Record<NetworkSystem, string> = {
	health: 'Sanitario',
	social: 'Sociale',
	training: 'Formazione',
	employment: 'Lavoro'
};
