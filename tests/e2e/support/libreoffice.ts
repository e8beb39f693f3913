import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { unzip } from '../../unit/documents/zip.ts';

// A Word file as a public body opens it without Word: laid out by LibreOffice
// (Debian's libreoffice-writer-nogui), printed to PDF, and read back with
// poppler's pdftotext. CI installs both (.ci/run); a machine without them
// fails here with the packages to install, never skips.

const run = promisify(execFile);

async function tool(command: string, args: string[], options: { cwd?: string } = {}): Promise<string> {
	try {
		return (await run(command, args, { ...options, timeout: 90_000, maxBuffer: 32 * 1024 * 1024 })).stdout;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			throw new Error(`${command} is not installed: apt-get install libreoffice-writer-nogui poppler-utils (as .ci/run does)`);
		}
		throw error;
	}
}

/**
 * The text of `docx` as LibreOffice lays it out on its pages, and how many
 * seconds the conversion took. Each call has a LibreOffice profile of its own,
 * so that runs side by side do not fight over one.
 */
export async function libreOfficeText(docx: Uint8Array): Promise<{ text: string; pages: string[]; seconds: number }> {
	const dir = await mkdtemp(path.join(tmpdir(), 'trama-soffice-'));
	try {
		await writeFile(path.join(dir, 'export.docx'), docx);
		const started = performance.now();
		const profile = `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`;
		await tool('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, 'export.docx'], { cwd: dir });
		const seconds = (performance.now() - started) / 1000;
		await readFile(path.join(dir, 'export.pdf')).catch(() => {
			throw new Error('LibreOffice wrote no PDF for the DOCX export');
		});
		const text = await tool('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'export.pdf'), '-']);
		// pdftotext ends each page with a form feed.
		return { text, pages: text.split('\f').slice(0, -1), seconds };
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of a DOCX file's body, a line a paragraph, as its XML holds it. */
export function docxText(docx: Uint8Array): string {
	const xml = unzip(docx).get('word/document.xml') ?? '';
	return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)]
		.map(([paragraph]) =>
			[...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)]
				.map(([tag, text]) => (text === undefined ? ' ' : text.replace(/&(\w+);/g, (_, name: string) => ENTITIES[name] ?? `&${name};`)))
				.join('')
		)
		.join('\n');
}

function countWords(text: string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const word of text.split(/\s+/).filter(Boolean)) counts.set(word, (counts.get(word) ?? 0) + 1);
	return counts;
}

/**
 * The words of `written` that appear fewer times whole in `laidOut`: a word
 * a line cut in two ("Accoglie" / "nza") is missing there once.
 */
export function wordsCut(written: string, laidOut: string): string[] {
	const found = countWords(laidOut);
	return [...countWords(written)].filter(([word, count]) => (found.get(word) ?? 0) < count).map(([word]) => word);
}
