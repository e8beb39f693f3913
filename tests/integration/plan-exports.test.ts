// The plan's exports from the demo co-design document, read as each person
// under row-level security as the download routes read it (readPlanExport):
// a member gets the plan and its follow-up, the XLSX opens in exceljs, the
// monitoring report's PDF reads back through pdftotext and its DOCX holds
// the same words; a stranger gets nothing.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { backends } from './databases.ts';
import { DEMO_ACCOUNTS, seedDemo } from '../../src/lib/server/db/seed.ts';
import { demoActionId, DEMO_PLAN_ACTIONS } from '../../src/lib/server/db/demo-plan.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import { readPlanExport, type PlanExportData } from '../../src/lib/server/plan/export-data.ts';
import { planReport, planTableOf, type PlanReportSource } from '../../src/lib/plan/report.ts';
import { planToXlsx } from '../../src/lib/plan/export-xlsx.ts';
import { planReportPdf } from '../../src/lib/plan/report-pdf.ts';
import { planReportDocx } from '../../src/lib/plan/report-docx.ts';
import { claimsFor, createUser } from './factories.ts';
import type { Database } from '../../src/lib/server/db/types.ts';

const run = promisify(execFile);
const NETWORK = 'de000000-0000-4000-8000-000000000001';
const CO_DESIGN = 'dd000000-0000-4000-8000-000000000003';
const [GIULIA, MARCO] = DEMO_ACCOUNTS;
const TODAY = '2026-12-08';

const sourceOf = (data: PlanExportData): PlanReportSource => ({
	networkName: 'Rete per il lavoro',
	title: data.document.title,
	objectives: data.objectives,
	actions: data.actions,
	updates: data.updates,
	verifications: data.verifications,
	partners: data.partners,
	now: new Date(`${TODAY}T10:00:00Z`),
	today: TODAY
});

describe.each(backends)('the plan’s exports on $name', (backend) => {
	let db: Database;
	let dir: string;
	let member: PlanExportData | null;
	beforeAll(async () => {
		db = await backend.fresh();
		dir = await mkdtemp(path.join(tmpdir(), 'trama-plan-exports-'));
		await seedDemo(db);
		// Marco speaks for Il Ponte, the lead of action 2; Giulia facilitates: each writes as themselves.
		await withUser(db, claimsFor(MARCO), (tx) =>
			tx.query(
				`insert into public.plan_progress (network_id, document_id, action_id, status, percent, indicator_values, note)
				 values ($1, $2, $3, 'on_track', 40, $4, 'Quattro tirocini avviati')`,
				[NETWORK, CO_DESIGN, demoActionId(2), JSON.stringify({ [DEMO_PLAN_ACTIONS[1].indicators[0].id]: 4 })]
			)
		);
		await withUser(db, claimsFor(GIULIA), (tx) =>
			tx.query(
				`insert into public.plan_verifications (network_id, document_id, action_id, verdict, reason, next_step)
				 values ($1, $2, $3, 'partly', 'Metà dei colloqui svolti', 'Un secondo turno a gennaio')`,
				[NETWORK, CO_DESIGN, demoActionId(4)]
			)
		);
		member = await withUser(db, claimsFor(GIULIA), (tx) => readPlanExport(tx, NETWORK, CO_DESIGN));
	});
	afterAll(async () => {
		await rm(dir, { recursive: true, force: true });
		await db?.close();
	});

	it('gives a member the plan, its updates and its verifications', () => {
		expect(member?.actions).toHaveLength(DEMO_PLAN_ACTIONS.length);
		expect(member?.updates.map((update) => update.note)).toContain('Quattro tirocini avviati');
		expect(member?.updates.find((update) => update.note === 'Quattro tirocini avviati')?.postedByName).toBe(MARCO.name);
		expect(member?.verifications.map((verification) => verification.reason)).toContain('Metà dei colloqui svolti');
	});

	it('refuses a stranger: no document, no plan, no follow-up', async () => {
		const stranger = await createUser(db, { displayName: 'Nessuna rete' });
		expect(await withUser(db, stranger.claims, (tx) => readPlanExport(tx, NETWORK, CO_DESIGN))).toBeNull();
		const leaked = await withUser(db, stranger.claims, (tx) =>
			tx.query(
				`select (select count(*) from public.plan_actions where document_id = $1)::int
				      + (select count(*) from public.plan_progress where document_id = $1)::int as n`,
				[CO_DESIGN]
			)
		);
		expect(leaked.rows[0]).toEqual({ n: 0 });
	});

	it('writes an XLSX that opens, one row per action, with dates and amounts as values', async () => {
		const file = await planToXlsx(planTableOf(sourceOf(member!), 'it'), 'Piano', member!.document.title);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(file.buffer);
		const sheet = workbook.getWorksheet('Piano')!;
		expect(sheet.rowCount).toBe(DEMO_PLAN_ACTIONS.length + 1);
		const headers = (sheet.getRow(1).values as unknown[]).slice(1);
		expect(headers.slice(0, 3)).toEqual(['Obiettivo generale', 'Obiettivo specifico', 'Azione']);
		const column = (name: string) => headers.indexOf(name) + 1;
		const row = [...Array(sheet.rowCount - 1).keys()].map((i) => sheet.getRow(i + 2)).find((r) => r.getCell(column('Id azione')).value === demoActionId(2))!;
		expect(row.getCell(column('Capofila')).value).toBe('Cooperativa sociale Il Ponte');
		expect(row.getCell(column('Stato')).value).toBe('In corso');
		expect(row.getCell(column('Avanzamento %')).value).toBe(40);
		expect(row.getCell(column('Dal')).value).toBeInstanceOf(Date);
		expect(String(row.getCell(column('Indicatori (partenza → ultimo valore → obiettivo)')).value)).toContain('→ 4 →');
	});

	it('writes a monitoring report whose PDF has text and whose DOCX holds the same words', async () => {
		const report = planReport(sourceOf(member!), 'it');
		const pdfFile = path.join(dir, 'report.pdf');
		await writeFile(pdfFile, await planReportPdf(report, member!.objectives, 'it'));
		const text = (await run('pdftotext', ['-enc', 'UTF-8', pdfFile, '-'])).stdout.replace(/\s+/g, ' ');
		expect(text).toContain('rapporto di monitoraggio del 8 dicembre 2026');
		expect(text).toContain(member!.document.title);
		expect(text).toContain('Quattro tirocini avviati');
		expect(text).toContain('Metà dei colloqui svolti');
		expect(text).toContain('Azioni in ritardo');
		expect(text).toContain('Pagina 1 di');
		const docx = unzipSync(await planReportDocx(report, member!.objectives, [...member!.partners.values()], 'it'));
		const words = strFromU8(docx['word/document.xml']);
		for (const expected of ['Quattro tirocini avviati', 'Metà dei colloqui svolti', 'Un secondo turno a gennaio']) expect(words).toContain(expected);
	});
});
