import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { test, expect } from '@playwright/test';
import ExcelJS from 'exceljs';
import { DEMO_NETWORK, DEMO_PEOPLE, signIn } from './support/demo.ts';
import { docxText } from './support/libreoffice.ts';
import { signUp } from './support/sign-up.ts';
import { DEMO_PLAN_ACTIONS } from '../../src/lib/server/db/demo-plan.ts';

// The demo plan's files as a member downloads them from the running app: the
// XLSX opens in a spreadsheet library with a row per action, the monitoring
// report's PDF reads back through pdftotext and its DOCX holds the same
// report, the co-design document's own Word export carries the plan; someone
// outside the network gets none of them.

const run = promisify(execFile);
const PLAN = `${DEMO_NETWORK}/documents/dd000000-0000-4000-8000-000000000003/plan`;

test('a member downloads the plan as XLSX and the monitoring report as PDF and DOCX, and each opens', async ({ browser }) => {
	const { page, context } = await signIn(browser, DEMO_PEOPLE.marco.email);
	const dir = await mkdtemp(path.join(tmpdir(), 'trama-plan-e2e-'));
	try {
		const xlsx = await page.request.get(`${PLAN}/export.xlsx`);
		expect(xlsx.status()).toBe(200);
		expect(xlsx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		expect(xlsx.headers()['content-disposition']).toContain('.xlsx');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(new Uint8Array(await xlsx.body()).buffer);
		const sheet = workbook.getWorksheet('Piano')!;
		const headers = (sheet.getRow(1).values as unknown[]).slice(1);
		expect(headers).toEqual(expect.arrayContaining(['Obiettivo generale', 'Azione', 'Capofila', 'Stato', 'Avanzamento %', 'Id azione']));
		// A row per action: the demo's, and any other specs added to the demo plan.
		const column = (name: string) => sheet.getColumn(headers.indexOf(name) + 1).values.slice(2);
		expect(column('Azione')).toEqual(expect.arrayContaining(DEMO_PLAN_ACTIONS.map((action) => action.title)));
		expect(column('Capofila')).toContain('Cooperativa sociale Il Ponte');

		const csv = await page.request.get(`${PLAN}/export.csv`);
		expect((await csv.text()).startsWith('\uFEFFObiettivo generale;Obiettivo specifico;Azione;')).toBe(true);

		const pdf = await page.request.get(`${PLAN}/report.pdf`);
		expect(pdf.status()).toBe(200);
		expect(pdf.headers()['content-type']).toBe('application/pdf');
		const file = path.join(dir, 'report.pdf');
		await writeFile(file, await pdf.body());
		const text = (await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout.replace(/\s+/g, ' ');
		expect(text).toContain('rapporto di monitoraggio del');
		expect(text).toContain('Co-progettazione: percorsi di tirocinio per persone in carico ai servizi');
		expect(text).toContain('Azioni in ritardo');
		// Demo action 6 ended on 30 November and is not done.
		expect(text).toContain('doveva concludersi il 30/11/2026');
		expect(text).toMatch(/Pagina 1 di \d+/);

		const docx = await page.request.get(`${PLAN}/report.docx`);
		expect(docx.status()).toBe(200);
		const words = docxText(await docx.body());
		expect(words).toContain('Rapporto di monitoraggio');
		expect(words).toContain('Azioni in ritardo');

		// The co-design document's own Word export carries the plan after its text.
		const documentDocx = await page.request.get(`${PLAN.replace(/\/plan$/, '')}/export.docx`);
		const documentWords = docxText(await documentDocx.body());
		expect(documentWords).toContain('Piano delle azioni');
		expect(documentWords).toContain('Capofila: Cooperativa sociale Il Ponte');
	} finally {
		await rm(dir, { recursive: true, force: true });
		await context.close();
	}
});

test('someone outside the network gets none of the plan’s files', async ({ browser }) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	try {
		const anonymous = await page.request.get(`${PLAN}/report.pdf`, { maxRedirects: 0 });
		expect(anonymous.status()).toBe(303);
		await page.goto('/signup', { waitUntil: 'networkidle' });
		await signUp(page, { name: 'Persona esterna', organisation: 'Nessuna rete', email: `esterna.piano.${Date.now().toString(36)}@trama.test` });
		await expect(page.getByRole('heading', { name: 'Le mie reti' })).toBeVisible();
		for (const file of ['export.xlsx', 'export.csv', 'report.pdf', 'report.docx']) {
			const response = await page.request.get(`${PLAN}/${file}`, { maxRedirects: 0 });
			expect(response.status(), file).toBe(403);
		}
	} finally {
		await context.close();
	}
});
