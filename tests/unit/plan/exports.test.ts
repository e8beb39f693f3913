import { describe, expect, it } from 'vitest';
import { blankAction, blankObjective, type ProgressUpdate, type Verification } from '../../../src/lib/plan/plan.ts';
import { actionStates } from '../../../src/lib/plan/rollup.ts';
import { inOutline, planTable } from '../../../src/lib/plan/export-rows.ts';
import { planToCsv } from '../../../src/lib/plan/export-csv.ts';
import { planReport, reportJson, romeDay, UPDATES_SHOWN, type PlanReportSource } from '../../../src/lib/plan/report.ts';
import { planSection } from '../../../src/lib/documents/plan-table.ts';
import type { DocNode } from '../../../src/lib/documents/json.ts';

// The plan's exports from one model: the CSV/XLSX rows, the monitoring
// report's content, and the plan inside a co-design document's exports.

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const TODAY = '2026-12-08';
const PONTE = id(1);
const COMUNE = id(2);
const partners = new Map([
	[PONTE, 'Cooperativa Il Ponte'],
	[COMUNE, 'Comune di Frosinone']
]);
const general = blankObjective(id(10), { title: 'Lavoro per chi è in carico ai servizi', description: 'Più tirocini' });
const specific = blankObjective(id(11), { level: 'specific', parentId: general.id, title: 'Tirocini in salute mentale' });
const INDICATOR = id(30);
const tirocini = blankAction(id(20), specific.id, {
	title: '=Tirocini di inclusione',
	leadPartnerId: PONTE,
	partnerIds: [COMUNE, id(99)],
	system: 'employment',
	from: '2026-01-15',
	to: '2026-11-30',
	people: 4,
	hours: 1200,
	eurosPublic: 10000.1,
	eurosOwn: 0.2,
	outputs: '12 tirocini',
	indicators: [{ id: INDICATOR, name: 'Tirocini avviati', baseline: 0, target: 12, unit: 'tirocini' }],
	verificationHow: 'Colloqui',
	verificationBy: 'DSM',
	verificationOn: '2026-11-30'
});
const sportello = blankAction(id(21), general.id, { title: 'Sportello', leadPartnerId: COMUNE, from: '2027-01-01' });
const orphan = blankAction(id(22), id(77), { title: 'Azione rimasta', leadPartnerId: COMUNE });

const update = (n: number, fields: Partial<ProgressUpdate>): ProgressUpdate => ({
	id: id(100 + n),
	actionId: tirocini.id,
	status: 'on_track',
	percent: 10 * n,
	indicatorValues: {},
	note: `Nota ${n}`,
	fileIds: [],
	postedBy: null,
	postedByName: 'Marco Ferri',
	postedAt: `2026-0${n}-10T09:00:00.000Z`,
	...fields
});
const updates = [1, 2, 3, 4].map((n) => update(n, n === 4 ? { indicatorValues: { [INDICATOR]: 5 }, status: 'at_risk' } : {}));
const verification: Verification = {
	id: id(200),
	actionId: sportello.id,
	verdict: 'partly',
	reason: 'Poche persone',
	nextStep: 'Aprire il sabato',
	nextActionId: null,
	recordedBy: null,
	recordedByName: 'Giulia Rinaldi',
	recordedAt: '2026-10-01T10:00:00.000Z'
};

const source = (): PlanReportSource => ({
	networkName: 'Rete Frosinone',
	title: 'Co-progettazione',
	objectives: [general, specific],
	actions: [tirocini, sportello, orphan],
	updates,
	verifications: [verification],
	partners,
	now: new Date(`${TODAY}T10:00:00Z`),
	today: TODAY
});

const table = () => planTable({ objectives: [general, specific], states: actionStates([tirocini, sportello], updates, [verification], TODAY), partners, locale: 'it' });
const column = (header: string) => table().columns.findIndex((c) => c.header === header);

describe('the plan’s table (CSV and XLSX rows)', () => {
	it('has one row per action with its objectives, partners, money, indicators and where it stands', () => {
		const { columns, rows } = table();
		// Grouped as the objectives are outlined: the general objective's own action first, then its specific one's.
		expect(rows.map((r) => r[column('Id azione')])).toEqual([sportello.id, tirocini.id]);
		const row = rows[1];
		const cell = (header: string) => row[columns.findIndex((c) => c.header === header)];
		expect(cell('Obiettivo generale')).toBe(general.title);
		expect(cell('Obiettivo specifico')).toBe(specific.title);
		expect(cell('Capofila')).toBe('Cooperativa Il Ponte');
		expect(cell('Partner che contribuiscono')).toBe('Comune di Frosinone\nPartner non più nella rete');
		expect(cell('Sistema')).toBe('Lavoro');
		expect(cell('Dal')).toBe('2026-01-15');
		expect(cell('Euro totali')).toBe(10000.3);
		expect(cell('Euro da altre fonti')).toBeNull();
		expect(cell('Indicatori (partenza → ultimo valore → obiettivo)')).toBe('Tirocini avviati: 0 → 5 → 12 tirocini');
		expect(cell('Stato')).toBe('A rischio');
		expect(cell('Avanzamento %')).toBe(40);
		expect(cell('Ultimo aggiornamento')).toBe('2026-04-10');
		expect(cell('In ritardo')).toBe('sì');
		expect(cell('Verifica scaduta')).toBe('sì');
		expect(cell('Id azione')).toBe(tirocini.id);
		// A general objective's own action has no specific one; its verdict is there.
		expect(rows[0][column('Obiettivo generale')]).toBe(general.title);
		expect(rows[0][column('Obiettivo specifico')]).toBe('');
		expect(rows[0][column('Ultimo esito della verifica')]).toBe('Raggiunto in parte');
		expect(rows[0][column('Stato')]).toBe('Non avviata');
	});

	it('writes the CSV as Italian Excel reads it: BOM, semicolons, decimal commas, dd/mm/yyyy, formulas kept as text', () => {
		const csv = planToCsv(table());
		expect(csv.startsWith('\uFEFFObiettivo generale;Obiettivo specifico;Azione;')).toBe(true);
		const line = csv.split('\r\n')[2];
		expect(line).toContain(";'=Tirocini di inclusione;");
		expect(line).toContain(';15/01/2026;30/11/2026;4;1200;10000,10;0,20;;10000,30;');
		expect(line).toContain('"Comune di Frosinone\nPartner non più nella rete"');
		expect(csv.endsWith('\r\n')).toBe(true);
		expect(csv.split('\r\n')).toHaveLength(4);
	});
});

describe('the monitoring report', () => {
	it('rolls the plan up, lists what is late and the verifications due, and each objective’s actions', () => {
		const report = planReport(source(), 'it');
		expect(report.summary.actions).toBe(3);
		expect(report.late.map((a) => a.state.action.id)).toEqual([tirocini.id]);
		expect(report.verificationsDue.map((a) => a.state.action.id)).toEqual([tirocini.id]);
		expect(report.objectives.map((o) => o.objective?.id ?? null)).toEqual([general.id, specific.id, null]);
		// A general objective takes in its specific ones' actions in its roll-up, but lists only its own.
		expect(report.objectives[0].rollup.actions).toBe(2);
		expect(report.objectives[0].actions.map((a) => a.state.action.id)).toEqual([sportello.id]);
		expect(report.objectives[2].actions.map((a) => a.state.action.id)).toEqual([orphan.id]);
		const [tirociniReport] = report.objectives[1].actions;
		expect(tirociniReport.lead).toBe('Cooperativa Il Ponte');
		expect(tirociniReport.updates.map((u) => u.note)).toEqual(['Nota 4', 'Nota 3', 'Nota 2'].slice(0, UPDATES_SHOWN));
	});

	it('writes indicators against their targets, the updates and the verifications with why and what next', () => {
		const json = reportJson(planReport(source(), 'it'), [general, specific], 'it');
		const text = textOf(json);
		expect(text).toContain('3 azioni (escluse le abbandonate), avanzamento medio 13%.');
		expect(text).toContain('=Tirocini di inclusione – doveva concludersi il 30/11/2026 (Cooperativa Il Ponte)');
		expect(text).toContain('=Tirocini di inclusione – verifica prevista il 30/11/2026 (DSM)');
		expect(text).toContain('Stato: A rischio · avanzamento 40% · in ritardo · verifica scaduta');
		expect(text).toContain('Tirocini avviati (tirocini) | 0 | 5 | 12 | 42%');
		expect(text).toContain('10/04/2026 – Marco Ferri: A rischio · 40%');
		expect(text).not.toContain('Nota 1');
		expect(text).toContain('01/10/2026 – Raggiunto in parte (registrata da Giulia Rinaldi)');
		expect(text).toContain('Perché: Poche persone');
		expect(text).toContain('Cosa cambia: Aprire il sabato');
		expect(text).toContain('Obiettivo non più nel piano');
	});

	it('dates the report by Rome’s day', () => {
		expect(romeDay('2026-12-07T23:30:00Z')).toBe('2026-12-08');
	});
});

describe('the plan inside a co-design document’s exports', () => {
	it('writes each objective and its actions: who, when, indicators, verification', () => {
		const text = textOf({ type: 'doc', content: planSection([general, specific], [tirocini, sportello, orphan], partners, 'it') });
		expect(text).toContain('Piano delle azioni');
		expect(text).toContain('Azione | Chi | Quando | Indicatori (partenza → ultimo valore → obiettivo) | Verifica');
		expect(text).toContain('Capofila: Cooperativa Il Ponte');
		expect(text).toContain('Con: Comune di Frosinone, Partner non più nella rete');
		expect(text).toContain('dal 15/01/2026 al 30/11/2026');
		expect(text).toContain('Tirocini avviati: 0 → 12 tirocini');
		expect(text).toContain('Colloqui');
		expect(text).toContain('Obiettivo non più nel piano');
	});

	it('adds nothing to a document without a plan', () => {
		expect(planSection([], [], partners, 'it')).toEqual([]);
	});
});

/** The text of a document, a table's cells joined by " | " a row per line: what a reader sees, to search in. */
function textOf(node: DocNode): string {
	if (node.type === 'text') return node.text ?? '';
	if (node.type === 'tableRow') return (node.content ?? []).map((cell) => (cell.content ?? []).map(textOf).join(' ')).join(' | ') + '\n';
	return (node.content ?? []).map(textOf).join(node.type === 'doc' || node.type === 'table' ? '\n' : node.type === 'paragraph' || node.type === 'heading' ? '' : '\n');
}

describe('the objectives’ outline', () => {
	it('puts each general objective before its specific ones, and a specific one without its general one last', () => {
		const lost = blankObjective(id(12), { level: 'specific', parentId: id(88), title: 'Senza generale' });
		const other = blankObjective(id(13), { title: 'Altro generale' });
		expect(inOutline([specific, lost, other, general]).map((o) => o.id)).toEqual([other.id, general.id, specific.id, lost.id]);
	});
});
