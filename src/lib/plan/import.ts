// A plan from a CSV file: one action a row, under an objective named by its
// title (made when the plan has none of that title), partners named as the
// network names them. Every row goes through the plan's own check
// (checkObjective, checkAction), and every problem is told with the row a
// spreadsheet shows and the column as the file names it, as the map's
// import does; the good rows can be imported while the bad ones are fixed.
import Papa from 'papaparse';
import { fold } from '../map/filter.ts';
import { SYSTEM_WORDS, systemFrom } from '../map/columns.ts';
import { fromTextCell } from '../map/export.ts';
import { partnerIndex } from '../map/import/cells.ts';
import { readNumber } from '../map/numbers.ts';
import { excerpt, type Message, type RowProblem } from '../map/import/problems.ts';
import type { MessageKey } from '../i18n/translate.ts';
import type { Partner } from '../domain.ts';
import { checkAction, checkObjective, type PlanProblem } from './check.ts';
import type { Action, ActionField, Objective } from './plan.ts';

/** The file's columns, as the template writes them, and the action field each fills. */
export const PLAN_COLUMNS = [
	'obiettivo_generale',
	'obiettivo',
	'azione',
	'descrizione',
	'capofila',
	'partner',
	'sistema',
	'dal',
	'al',
	'persone',
	'ore',
	'euro_pubblici',
	'euro_propri',
	'euro_altri',
	'prodotti',
	'indicatore',
	'base',
	'obiettivo_indicatore',
	'unita',
	'verifica_come',
	'verifica_chi',
	'verifica_quando'
] as const;
export type PlanColumn = (typeof PLAN_COLUMNS)[number];

/** At most this many actions in one file, and this many bytes: the file travels in a form, twice (read, then imported), under the server's limit on a request's body (512 kB). */
export const PLAN_IMPORT_LIMITS = { rows: 1000, bytes: 240 * 1024 } as const;

const FIELD_COLUMN: Record<Exclude<ActionField, 'indicators' | 'commitmentIds' | 'revisesId'> | 'id', PlanColumn> = {
	id: 'azione',
	objectiveId: 'obiettivo',
	title: 'azione',
	description: 'descrizione',
	leadPartnerId: 'capofila',
	partnerIds: 'partner',
	system: 'sistema',
	from: 'dal',
	to: 'al',
	people: 'persone',
	hours: 'ore',
	eurosPublic: 'euro_pubblici',
	eurosOwn: 'euro_propri',
	eurosOther: 'euro_altri',
	outputs: 'prodotti',
	verificationHow: 'verifica_come',
	verificationBy: 'verifica_chi',
	verificationOn: 'verifica_quando'
};

/** A header cell as a column: case, accents, spaces and dashes do not matter ("Unità", "euro pubblici"). */
export function columnOf(cell: string): PlanColumn | null {
	const key = fold(cell.trim()).replace(/[\s-]+/g, '_');
	return (PLAN_COLUMNS as readonly string[]).includes(key) ? (key as PlanColumn) : null;
}

/** A date as Italian spreadsheets write it (31/12/2027, 31-12-2027, 31.12.2027) or ISO; what is not one stays as written, for the check to name. */
export function readDate(cell: string): string | null {
	const value = cell.trim();
	if (!value) return null;
	const italian = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
	if (italian) return `${italian[3]}-${italian[2].padStart(2, '0')}-${italian[1].padStart(2, '0')}`;
	return value;
}

/** A list of partners: separated by |, or by ; or , when there is no |. */
function names(cell: string): string[] {
	const separator = cell.includes('|') ? '|' : cell.includes(';') ? ';' : ',';
	return cell
		.split(separator)
		.map((name) => name.trim())
		.filter(Boolean);
}

export interface PlanRows {
	/** The rows after the header with something in them, with the number a spreadsheet shows (the header is row 1). */
	rows: { row: number; cells: Partial<Record<PlanColumn, string>> }[];
	/** The header's cells Trama does not know, left out. */
	ignored: string[];
}

/** Reads CSV text into rows of known columns; ; , or tab between cells, whichever names the most columns. */
export function readPlanCsv(text: string): PlanRows | { error: Message } {
	const firstRow = (delimiter: string) => (Papa.parse<string[]>(text, { delimiter, preview: 1 }).data[0] ?? []).map((cell) => cell.trim());
	const candidates = [';', ',', '\t'].map((delimiter) => ({ delimiter, header: firstRow(delimiter) }));
	const known = (header: string[]) => new Set(header.map(columnOf).filter(Boolean)).size;
	const { delimiter, header } = candidates.reduce((a, b) => (known(b.header) > known(a.header) ? b : a));
	const columns = header.map(columnOf);
	if (!columns.includes('azione')) return { error: { code: 'planImport.file.no_action_column', params: { header: excerpt(header.join(' ')) } } };

	// Papa Parse counts records from 0 with the header as record 0; a spreadsheet shows it as row 1.
	const records = Papa.parse<string[]>(text, { delimiter })
		.data.map((record, index) => ({ row: index + 1, record }))
		.slice(1)
		.filter(({ record }) => record.some((cell) => cell.trim()));
	if (records.length === 0) return { error: { code: 'planImport.file.header_only' } };
	if (records.length > PLAN_IMPORT_LIMITS.rows) {
		return { error: { code: 'planImport.file.too_many_rows', params: { count: records.length, limit: PLAN_IMPORT_LIMITS.rows } } };
	}
	const rows = records.map(({ row, record }) => {
		const cells: Partial<Record<PlanColumn, string>> = {};
		columns.forEach((column, at) => {
			if (column && !cells[column]) cells[column] = fromTextCell((record[at] ?? '').trim());
		});
		return { row, cells };
	});
	return { rows, ignored: header.filter((cell, at) => cell && !columns[at]) };
}

export interface PlanImport {
	/** The objectives the file names that the plan does not have yet. */
	objectives: Objective[];
	/** The good rows' actions. */
	actions: Action[];
	/** Every problem of every bad row; a bad row is left out. */
	problems: RowProblem[];
	/** How many rows the file has, good and bad. */
	rows: number;
}

export interface PlanKnown {
	partners: Pick<Partner, 'id' | 'name'>[];
	/** The plan's objectives now: the file's titles are matched against them. */
	objectives: Objective[];
}

const problemKey = (code: string) => `planImport.problem.${code}` as MessageKey;

/**
 * The plan the rows make: new objectives (a general one for each new title;
 * a specific one under its general when the row names a general objective)
 * and an action a good row. `newId` names whatever is made.
 */
export function planFromRows({ rows }: PlanRows, known: PlanKnown, newId: () => string): PlanImport {
	const partners = partnerIndex(known.partners);
	const byTitle = new Map(known.objectives.map((objective) => [fold(objective.title.trim()), objective]));
	const made: Objective[] = [];
	const actions: Action[] = [];
	const problems: RowProblem[] = [];

	for (const { row, cells } of rows) {
		const cell = (column: PlanColumn) => cells[column] ?? '';
		const rowProblems: RowProblem[] = [];
		const problem = (field: PlanColumn, code: string, value?: string) => rowProblems.push({ row, field, code: problemKey(code), ...(value ? { value: excerpt(value) } : {}) });
		const madeHere: Objective[] = [];

		/** The objective of that title: the plan's, one this file made, or a new one. */
		const objectiveOf = (title: string, column: PlanColumn, parentId: string | null): Objective | null => {
			const found = byTitle.get(fold(title));
			if (found) return found;
			const checked = checkObjective({ id: newId(), level: parentId ? 'specific' : 'general', parentId, title, description: '', needIds: [] });
			if (!checked.item) {
				for (const { code } of checked.problems) problem(column, code, title);
				return null;
			}
			madeHere.push(checked.item);
			return checked.item;
		};
		const generalTitle = cell('obiettivo_generale');
		const general = generalTitle ? objectiveOf(generalTitle, 'obiettivo_generale', null) : null;
		const objectiveTitle = cell('obiettivo') || generalTitle;
		const objective = !objectiveTitle
			? (problem('obiettivo', 'objective_required'), null)
			: objectiveTitle === generalTitle
				? general
				: objectiveOf(objectiveTitle, 'obiettivo', general?.id ?? null);

		const partnerOf = (name: string, column: PlanColumn) => {
			const id = partners.find(name);
			if (!id) problem(column, 'unknown_partner', name);
			return id;
		};
		const lead = cell('capofila') ? partnerOf(cell('capofila'), 'capofila') : '';
		const contributors = names(cell('partner')).map((name) => partnerOf(name, 'partner'));
		const indicated = (['indicatore', 'base', 'obiettivo_indicatore', 'unita'] as const).some((column) => cell(column));
		const raw = {
			id: newId(),
			objectiveId: objective?.id ?? '',
			title: cell('azione'),
			description: cell('descrizione'),
			leadPartnerId: lead ?? '',
			partnerIds: contributors.filter((id) => id !== null),
			system: cell('sistema') ? systemFrom(cell('sistema')) : '',
			from: readDate(cell('dal')),
			to: readDate(cell('al')),
			people: readNumber(cell('persone'), 'integer'),
			hours: readNumber(cell('ore'), 'integer'),
			eurosPublic: readNumber(cell('euro_pubblici'), 'decimal'),
			eurosOwn: readNumber(cell('euro_propri'), 'decimal'),
			eurosOther: readNumber(cell('euro_altri'), 'decimal'),
			outputs: cell('prodotti'),
			indicators: indicated
				? [
						{
							id: newId(),
							name: cell('indicatore'),
							baseline: readNumber(cell('base'), 'decimal'),
							target: readNumber(cell('obiettivo_indicatore'), 'decimal'),
							unit: cell('unita')
						}
					]
				: [],
			verificationHow: cell('verifica_come'),
			verificationBy: cell('verifica_chi'),
			verificationOn: readDate(cell('verifica_quando')),
			commitmentIds: [],
			revisesId: null
		};
		const checked = checkAction(raw);
		// A missing objective or an unknown partner is told once, above, not again as a missing id.
		const told = new Set(rowProblems.map((found) => found.field));
		for (const found of checked.problems) {
			const column = columnOfProblem(found, cells);
			// A date is quoted as the file writes it (31/12/2027), not as read.
			const value = column === 'dal' || column === 'al' || column === 'verifica_quando' || column === 'sistema' ? cell(column) : found.value;
			if (!told.has(column)) problem(column, found.code, value);
		}
		if (rowProblems.length > 0 || !checked.item) {
			problems.push(...rowProblems);
			continue;
		}
		for (const objective of madeHere) {
			made.push(objective);
			byTitle.set(fold(objective.title), objective);
		}
		actions.push(checked.item);
	}
	return { objectives: made, actions, problems, rows: rows.length };
}

/** The column a problem of the action's check is about. */
function columnOfProblem(problem: PlanProblem<ActionField>, cells: Partial<Record<PlanColumn, string>>): PlanColumn {
	if (problem.field !== 'indicators') return FIELD_COLUMN[problem.field as keyof typeof FIELD_COLUMN] ?? 'azione';
	if (problem.code === 'unit_required' || (problem.code === 'too_long' && problem.value)) return 'unita';
	if (problem.code === 'not_a_number' || problem.code === 'out_of_range') {
		return problem.value === (cells.base ?? '').trim() ? 'base' : 'obiettivo_indicatore';
	}
	return 'indicatore';
}

/** Reads a file's text and makes its plan: the reason the file cannot be read, or the plan and every bad row. */
export function analysePlanCsv(text: string, known: PlanKnown, newId: () => string): (PlanImport & { ignored: string[] }) | { error: Message } {
	const read = readPlanCsv(text);
	if ('error' in read) return read;
	return { ...planFromRows(read, known, newId), ignored: read.ignored };
}

const EXAMPLE: Partial<Record<PlanColumn, string>> = {
	obiettivo_generale: 'Più persone in carico ai servizi lavorano',
	obiettivo: 'Tirocini per le persone in carico al CSM',
	azione: 'Tutoraggio dei tirocini in azienda',
	descrizione: 'Un tutor segue ogni tirocinante nelle prime settimane',
	capofila: 'Cooperativa sociale Il Ponte',
	partner: 'Comune di Frosinone – Servizi sociali | Centro per l’impiego di Frosinone',
	sistema: SYSTEM_WORDS.employment,
	dal: '01/02/2027',
	al: '31/12/2027',
	persone: '2',
	ore: '400',
	euro_pubblici: '12000',
	euro_propri: '3000,50',
	euro_altri: '',
	prodotti: 'Un piano di tutoraggio per tirocinante',
	indicatore: 'Tirocini avviati',
	base: '0',
	obiettivo_indicatore: '15',
	unita: 'tirocini',
	verifica_come: 'Incontro di verifica tra i partner',
	verifica_chi: 'Il tavolo di co-progettazione',
	verifica_quando: '30/06/2027'
};

/** The template's text: ; between cells, as Italian spreadsheets expect, and one example row. */
export function planTemplateCsv(): string {
	const quote = (cell: string) => (/[;"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
	return `${PLAN_COLUMNS.join(';')}\r\n${PLAN_COLUMNS.map((column) => quote(EXAMPLE[column] ?? '')).join(';')}\r\n`;
}

/** The template as a link's address (with a byte order mark, so Excel reads the accents), downloaded without a request. */
export const planTemplateHref = (): string => `data:text/csv;charset=utf-8,${encodeURIComponent(`\ufeff${planTemplateCsv()}`)}`;
