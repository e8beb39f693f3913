import { describe, expect, it } from 'vitest';
import type { Content, ContentStack, ContentText } from 'pdfmake/interfaces.js';
import { sealedPactDefinition, sealedPactPdf } from '../../../src/lib/pact/export-pdf.ts';
import { sealedPactDocx } from '../../../src/lib/pact/export-docx.ts';
import { registerCsv } from '../../../src/lib/pact/register-csv.ts';
import { registerSection, signatureSection } from '../../../src/lib/pact/sealed-parts.ts';
import { plainText } from '../../../src/lib/documents/content.ts';
import { docxText } from '../../e2e/support/libreoffice.ts';
import { unzip } from '../documents/zip.ts';
import { demoRegister, FINGERPRINT, sealedPact } from '../../fixtures/pact.ts';

const now = new Date('2027-04-10T08:00:00Z');
const pact = sealedPact();
const table = (nodes: ReturnType<typeof registerSection>) => plainText({ type: 'doc', content: nodes }).split('\n');

describe('the signature page of a sealed pact', () => {
	it('has a block for each partner, by name, for its legal representative or delegate to sign', () => {
		const section = signatureSection(pact, 'it');
		expect(plainText(section.intro)).toContain(`versione sigillata n. 2, con i suoi impegni, identificata dall’impronta SHA-256 ${FINGERPRINT}`);
		expect(section.blocks.map((block) => plainText(block[0]))).toEqual(pact.partners.map((partner) => partner.name).sort((a, b) => a.localeCompare(b, 'it')));
		expect(plainText({ type: 'doc', content: section.blocks[0] })).toMatch(
			/Il\/La legale rappresentante o delegato\/a\nNome e cognome: _+\nQualifica: _+\nData: _+\nFirma: _+$/
		);
	});
});

describe('the adhesion register of a sealed pact', () => {
	it('says of each partner where it stands, who adhered with which act, its reservations, any withdrawal or signed file', () => {
		expect(table(registerSection(demoRegister(), 'it', now))).toEqual([
			'Registro delle adesioni',
			'Partner\tStato\tChi ha aderito\tData\tAtto dell’ente\tRiserve\tNote',
			'Comune di Frosinone – Servizi sociali\tHa aderito\tAnna Russo, delegato/a\t20/03/2027\tDelibera n. 45/2027 del 18/03/2027\tSubordinata allo stanziamento nel bilancio 2027.\tDocumento firmato digitalmente da ANNA RUSSO: il contenuto firmato corrisponde a questa versione',
			'Cooperativa sociale Il Ponte\tHa aderito\tMarco Bianchi, legale rappresentante\t22/03/2027\t\t\t',
			'Centro per l\'impiego di Frosinone\tAdesione ritirata\tLuca Neri, altra qualifica\t21/03/2027\t\t\tRitirata il 02/04/2027: Riorganizzazione degli uffici',
			'ASL Frosinone – Dipartimento di Salute Mentale\tNon ha ancora aderito\t\t\t\t\t',
			'Associazione Il Faro Non fa più parte della rete.\tHa aderito\tPaola Conti, legale rappresentante\t19/03/2027\t\t\t',
			'Situazione al 10 aprile 2027 alle ore 10:00: 3 adesioni su 5 partner.'
		]);
		expect(table(registerSection([], 'en', now))).toEqual(['Adhesion register', 'No partner on the register.']);
	});

	it('exports to CSV as the activity record does, a row a partner with its version and fingerprint', () => {
		const csv = registerCsv(pact, demoRegister(), 'it');
		expect(csv.startsWith('\uFEFFVersione,Impronta SHA-256,Partner,Ancora nella rete,Stato,')).toBe(true);
		const lines = csv.slice(1).split('\r\n');
		expect(lines).toHaveLength(demoRegister().length + 2);
		expect(lines.at(-1)).toBe('');
		expect(lines[1]).toBe(
			`2,${FINGERPRINT},Comune di Frosinone – Servizi sociali,sì,Ha aderito,Anna Russo,delegato/a,2027-03-20,Delibera,45/2027,2027-03-18,Subordinata allo stanziamento nel bilancio 2027.,,,ANNA RUSSO,sì`
		);
		expect(lines[3]).toContain(',Adesione ritirata,Luca Neri,altra qualifica,2027-03-21,,,,,2027-04-02T10:00:00.000Z,Riorganizzazione degli uffici,,');
		expect(lines[5]).toContain('Associazione Il Faro,no,Ha aderito');
	});

	it('makes a CSV cell a spreadsheet would run as a formula plain text, and quotes commas', () => {
		const [line] = demoRegister();
		const csv = registerCsv(pact, [{ ...line, reservations: '=HYPERLINK("x")', signerName: 'Russo, Anna' }], 'en');
		expect(csv).toContain(`,"Russo, Anna",`);
		expect(csv).toContain(`,"'=HYPERLINK(""x"")",`);
		expect(csv).toContain('Adhered');
	});
});

describe('a sealed pact as PDF', () => {
	it('carries the fingerprint marker uncompressed in its information dictionary, as a signed copy is recognised by', async () => {
		const pdf = Buffer.from(await sealedPactPdf(pact, demoRegister(), 'it', { now }));
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		const raw = pdf.toString('latin1');
		// PDFKit writes each entry of the dictionary as an object of its own, a plain string outside any stream.
		const keywords = /\/Keywords (\d+) 0 R/.exec(raw)![1];
		expect(raw).toContain(`\n${keywords} 0 obj\n(trama-fingerprint:${FINGERPRINT})\nendobj`);
		expect(raw.match(/trama-fingerprint:[0-9a-f]{64}/g)).toEqual([`trama-fingerprint:${FINGERPRINT}`]);
		// The same version, register and moment give the same file.
		expect(Buffer.from(await sealedPactPdf(pact, demoRegister(), 'it', { now })).equals(pdf)).toBe(true);
	});

	it('puts the commitments and the register on landscape pages, and each partner’s signature block whole on one page', () => {
		const definition = sealedPactDefinition(pact, demoRegister(), 'it', { now });
		const content = definition.content as Content[];
		const breaks = content.flatMap((block, i) => (typeof block === 'object' && 'pageOrientation' in block ? [[i, block.pageOrientation]] : []));
		expect(breaks.map(([, orientation]) => orientation)).toEqual(['landscape', 'portrait', 'landscape']);
		const after = (i: number) => JSON.stringify(content[i + 1]);
		expect(after(breaks[0][0] as number)).toContain('Impegni dei partner');
		expect(after(breaks[1][0] as number)).toContain('Sottoscrizione dei partner');
		expect(after(breaks[2][0] as number)).toContain('Registro delle adesioni');
		const signatures = content.filter((block): block is ContentStack => typeof block === 'object' && 'unbreakable' in block && block.margin !== undefined);
		expect(signatures).toHaveLength(pact.partners.length);
	});

	it('writes the fingerprint in full and the page number at the foot of every page, in the reader’s language', () => {
		const footer = sealedPactDefinition(pact, demoRegister(), 'en', { now }).footer as (page: number, pages: number) => { columns: ContentText[] };
		const { columns } = footer(3, 12);
		expect(columns.map((column) => column.text)).toEqual([`Sealed version no. 2 · SHA-256 fingerprint ${FINGERPRINT}`, 'Page 3 of 12']);
	});
});

describe('a sealed pact as DOCX', () => {
	it('has the fingerprint on the cover and in the footer, the text, the commitments, the signature page and the register', async () => {
		const files = unzip(await sealedPactDocx(pact, demoRegister(), 'it', { now }));
		const text = docxText(await sealedPactDocx(pact, demoRegister(), 'it', { now }));
		expect(text).toContain(`Impronta SHA-256: ${FINGERPRINT}`);
		expect(text).toContain('Versione: Versione sigillata n. 2');
		expect(text).toContain('Sigillata da: Giulia Ferri');
		expect(text).toContain('Visto l’art. 55 del D.Lgs. 117/2017');
		expect(text).toContain('Borse lavoro per persone in carico ai servizi sociali');
		expect(text).toContain('Il/La legale rappresentante o delegato/a');
		expect(text).toContain('Delibera n. 45/2027 del 18/03/2027');
		const footer = [...files].find(([name]) => /^word\/footer\d+\.xml$/.test(name))![1];
		expect(footer).toContain(`Versione sigillata n. 2 · impronta SHA-256 ${FINGERPRINT}`);
	});
});
