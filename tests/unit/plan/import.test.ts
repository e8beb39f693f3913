import { describe, expect, it } from 'vitest';
import { analysePlanCsv, planTemplateCsv, readDate, readPlanCsv, columnOf } from '../../../src/lib/plan/import.ts';
import { blankObjective } from '../../../src/lib/plan/plan.ts';

const PONTE = 'de000000-0000-4000-8000-000000000109';
const COMUNE = 'de000000-0000-4000-8000-000000000103';
const CPI = 'de000000-0000-4000-8000-000000000108';
const partners = [
	{ id: PONTE, name: 'Cooperativa sociale Il Ponte' },
	{ id: COMUNE, name: 'Comune di Frosinone – Servizi sociali' },
	{ id: CPI, name: 'Centro per l’impiego di Frosinone' }
];
const existing = blankObjective('ee000000-0000-4000-8000-000000000001', { title: 'Più persone lavorano' });

function ids() {
	let n = 0;
	return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}
const analyse = (text: string) => analysePlanCsv(text, { partners, objectives: [existing] }, ids());

describe('the plan template', () => {
	it('reads back as one good action, under a new specific objective of a new general one', () => {
		const plan = analyse(planTemplateCsv());
		if ('error' in plan) throw new Error(plan.error.code);
		expect(plan.problems).toEqual([]);
		expect(plan.objectives.map((o) => [o.level, o.title])).toEqual([
			['general', 'Più persone in carico ai servizi lavorano'],
			['specific', 'Tirocini per le persone in carico al CSM']
		]);
		expect(plan.objectives[1].parentId).toBe(plan.objectives[0].id);
		const [action] = plan.actions;
		expect(action).toMatchObject({
			objectiveId: plan.objectives[1].id,
			title: 'Tutoraggio dei tirocini in azienda',
			leadPartnerId: PONTE,
			partnerIds: [COMUNE, CPI],
			system: 'employment',
			from: '2027-02-01',
			to: '2027-12-31',
			people: 2,
			hours: 400,
			eurosPublic: 12000,
			eurosOwn: 3000.5,
			eurosOther: null,
			verificationOn: '2027-06-30'
		});
		expect(action.indicators).toEqual([{ id: expect.any(String), name: 'Tirocini avviati', baseline: 0, target: 15, unit: 'tirocini' }]);
	});
});

describe('a plan file with bad rows', () => {
	const FILE = [
		'Obiettivo;Azione;Capofila;Partner;Sistema;Dal;Al;Indicatore;Unità;Colore',
		'più persone LAVORANO;Tutoraggio;Cooperativa sociale Il Ponte;;Lavoro;01/02/2027;31/12/2027;;;blu',
		'',
		'Un obiettivo nuovo;Laboratorio;Cooperativa Inesistente;Comune di Frosinone – Servizi sociali;sociale;2027-03-01;1/1/2027;Ore;;',
		'Un obiettivo nuovo;Sportello;comune di frosinone - servizi sociali;;Sanità pubblica;;31-13-2027;;;',
		';Senza obiettivo;Cooperativa sociale Il Ponte;;Sociale;;;;;'
	].join('\r\n');

	it('reports every problem of every bad row with its spreadsheet row and column, and keeps the good rows', () => {
		const plan = analyse(FILE);
		if ('error' in plan) throw new Error(plan.error.code);
		expect(plan.rows).toBe(4);
		expect(plan.ignored).toEqual(['Colore']);
		expect(plan.problems).toEqual([
			{ row: 4, field: 'capofila', code: 'planImport.problem.unknown_partner', value: 'Cooperativa Inesistente' },
			{ row: 4, field: 'al', code: 'planImport.problem.ends_before_start', value: '1/1/2027' },
			{ row: 4, field: 'unita', code: 'planImport.problem.unit_required' },
			{ row: 5, field: 'sistema', code: 'planImport.problem.unknown_system', value: 'Sanità pubblica' },
			{ row: 5, field: 'al', code: 'planImport.problem.not_a_date', value: '31-13-2027' },
			{ row: 6, field: 'obiettivo', code: 'planImport.problem.objective_required' }
		]);
		// The good row goes under the plan's objective of that title, whatever its case; no objective is made for bad rows.
		expect(plan.actions.map((action) => [action.title, action.objectiveId])).toEqual([['Tutoraggio', existing.id]]);
		expect(plan.objectives).toEqual([]);
	});

	it('makes an objective once for the rows that share it', () => {
		const plan = analyse(['obiettivo;azione;capofila;sistema', 'Nuovo;A;Cooperativa sociale Il Ponte;Sociale', 'nuovo;B;Cooperativa sociale Il Ponte;Sociale'].join('\n'));
		if ('error' in plan) throw new Error(plan.error.code);
		expect(plan.objectives).toHaveLength(1);
		expect(plan.actions.map((action) => action.objectiveId)).toEqual([plan.objectives[0].id, plan.objectives[0].id]);
	});
});

describe('reading a plan file', () => {
	it('finds the separator, numbers rows as a spreadsheet does (a quoted line break stays in its cell, an empty row counts)', () => {
		const read = readPlanCsv('azione,descrizione\r\nA,"due\nrighe"\r\n\r\nB,x\r\n');
		if ('error' in read) throw new Error(read.error.code);
		expect(read.rows.map((row) => [row.row, row.cells.azione])).toEqual([
			[2, 'A'],
			[4, 'B']
		]);
	});

	it('refuses a file without the action column, or with nothing under its header', () => {
		expect(readPlanCsv('nome;categoria\r\nx;y')).toEqual({ error: { code: 'planImport.file.no_action_column', params: { header: 'nome categoria' } } });
		expect(readPlanCsv('azione;sistema\r\n\r\n')).toEqual({ error: { code: 'planImport.file.header_only' } });
	});

	it('reads columns and dates as spreadsheets write them', () => {
		expect(columnOf(' Euro pubblici ')).toBe('euro_pubblici');
		expect(columnOf('UNITÀ')).toBe('unita');
		expect(columnOf('colore')).toBeNull();
		expect(readDate('1/2/2027')).toBe('2027-02-01');
		expect(readDate('2027-02-01')).toBe('2027-02-01');
		expect(readDate('febbraio')).toBe('febbraio');
		expect(readDate(' ')).toBeNull();
	});
});
