// A sealed pact's PDF and DOCX as the partners' offices open them: the PDF
// read back by poppler's pdftotext and pdfinfo, the DOCX laid out by
// LibreOffice (tests/e2e/support/libreoffice.ts). Both come from the
// exporters themselves, on a pact built as the editor and the commitments
// form write one (tests/fixtures/pact.ts).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealedPactPdf } from '../../src/lib/pact/export-pdf.ts';
import { sealedPactDocx } from '../../src/lib/pact/export-docx.ts';
import { libreOfficeText } from '../e2e/support/libreoffice.ts';
import { demoRegister, FINGERPRINT, manyCommitments, sealedPact } from '../fixtures/pact.ts';

const run = promisify(execFile);
const now = new Date('2027-04-10T08:00:00Z');
let dir: string;

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'trama-pact-pdf-'));
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

/** The PDF's pages as pdftotext reads them, and what pdfinfo says of the file and of each page's size. */
async function readPdf(pdf: Uint8Array, name: string): Promise<{ pages: string[]; info: string }> {
	const file = path.join(dir, name);
	await writeFile(file, pdf);
	const text = (await run('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
	const info = (await run('pdfinfo', ['-f', '1', '-l', '100000', file], { maxBuffer: 16 * 1024 * 1024 })).stdout;
	// pdftotext ends each page with a form feed.
	return { pages: text.split('\f').slice(0, -1), info };
}

const landscapePages = (info: string) => [...info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/gm)].filter(([, , w, h]) => Number(w) > Number(h)).map(([, page]) => Number(page));

describe('a sealed pact’s PDF, read back by pdftotext', () => {
	it('has the fingerprint on the cover and at the foot of every page, the commitments, the signature page and the register', async () => {
		const { pages, info } = await readPdf(await sealedPactPdf(sealedPact(), demoRegister(), 'it', { now }), 'pact.pdf');
		expect(info).toContain(`Keywords:        trama-fingerprint:${FINGERPRINT}`);
		expect(info).toMatch(/Title:\s+Patto di comunità per l’inserimento lavorativo – Versione sigillata n. 2/);
		expect(info).toMatch(/Author:\s+Trama/);
		expect(pages[0]).toMatch(new RegExp(`Impronta SHA-256\\s+${FINGERPRINT}`));
		pages.forEach((page, i) => {
			expect(page, `page ${i + 1}`).toContain(`impronta SHA-256 ${FINGERPRINT}`);
			expect(page, `page ${i + 1}`).toContain(`Pagina ${i + 1} di ${pages.length}`);
		});
		const all = pages.join('\n');
		expect(all).toContain('Borse lavoro per persone in carico ai');
		expect(all).toContain('120.000,00 €');
		const signatures = pages.findIndex((page) => page.includes('Sottoscrizione dei partner'));
		expect(pages[signatures]).toContain('Il/La legale rappresentante o delegato/a');
		expect(pages[signatures]).toMatch(/Firma: _{20,}/);
		const register = pages.findIndex((page) => page.includes('Registro delle adesioni'));
		expect(register).toBeGreaterThan(signatures);
		expect(pages[register]).toContain('Delibera n. 45/2027');
		for (const standing of ['Ha aderito', 'Adesione', 'Non ha']) expect(pages[register]).toContain(standing);
		// The commitments and the register are on landscape pages, the text and the signatures on portrait ones.
		const commitments = pages.findIndex((page) => page.includes('Impegni dei partner'));
		expect(landscapePages(info)).toEqual([commitments + 1, register + 1]);
	});

	it('paginates 500 commitments, the header of their table on every page and the fingerprint at every foot', async () => {
		const pact = sealedPact({ commitments: manyCommitments(500) });
		const started = performance.now();
		const pdf = await sealedPactPdf(pact, demoRegister(), 'it', { now });
		const seconds = (performance.now() - started) / 1000;
		const { pages, info } = await readPdf(pdf, 'pact-500.pdf');
		console.log(`500 commitments: ${pages.length} pages, ${(pdf.byteLength / 1024).toFixed(0)} KiB, in ${seconds.toFixed(1)} s`);
		expect(pages.length).toBeGreaterThan(50);
		// A file a partner can mail: the fonts are subset, the content compressed.
		expect(pdf.byteLength).toBeLessThan(2 * 1024 * 1024);
		pages.forEach((page, i) => expect(page, `page ${i + 1}`).toContain(FINGERPRINT));
		const table = pages.filter((page) => page.includes('Impegno n. '));
		expect(table.length).toBeGreaterThan(40);
		for (const page of table) expect(page).toMatch(/Partner\s+Impegno\s+Sistema\s+Risorse/);
		const all = pages.join('\n');
		for (const n of [1, 250, 500]) expect(all).toContain(`Impegno n. ${n}:`);
		expect(landscapePages(info)).toHaveLength(table.length + 1);
	}, 180_000);
});

describe('a sealed pact’s DOCX, laid out by LibreOffice', () => {
	it('opens, with the fingerprint on the cover and at every page’s foot, the commitments, the signature page and the register', async () => {
		const { pages, text } = await libreOfficeText(await sealedPactDocx(sealedPact(), demoRegister(), 'it', { now }));
		expect(pages.length).toBeGreaterThanOrEqual(4);
		expect(pages[0]).toContain(`Impronta SHA-256: ${FINGERPRINT}`);
		pages.forEach((page, i) => {
			expect(page, `page ${i + 1}`).toContain(FINGERPRINT);
			expect(page, `page ${i + 1}`).toContain(`Pagina ${i + 1} di ${pages.length}`);
		});
		// A narrow cell's words run over lines, between its neighbours'.
		for (const word of ['Orientamento', 'profilazione', '120.000,00']) expect(text).toContain(word);
		expect(text).toContain('Il/La legale rappresentante o delegato/a');
		expect(text).toContain('Registro delle adesioni');
		expect(text).toContain('3 adesioni su 5 partner');
	}, 180_000);
});
