// Tiptap-shaped documents of a given encoded size, as Tiptap's Collaboration
// extension stores them: Y.XmlFragment('default') holding headings,
// paragraphs, bullet lists and tables (table → tableRow → tableHeader /
// tableCell → paragraph), their text in Y.XmlText with bold as a formatting
// attribute. Written by four authors in turns, with words slipped in,
// words deleted (tombstones) and ranges bolded by someone else afterwards, the
// way a co-design document grows. A Y.Map('bench') gets a `seal` written
// last, so a client can tell it has the whole document.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as Y from 'yjs';
import { rng } from '../stats.ts';

const SENTENCES = readFileSync(new URL('../trace/italiano.txt', import.meta.url), 'utf8')
	.split(/(?<=[.;])\s+|\n/)
	.map((s) => s.trim())
	.filter((s) => s.length > 10);
const AUTHORS = [1_000_001, 1_000_002, 1_000_003, 1_000_004];
const CACHE = new URL('../.cache/', import.meta.url);

/** A paragraph and its text node (the same object once integrated). */
function paragraph(text: string): [Y.XmlElement, Y.XmlText] {
	const p = new Y.XmlElement('paragraph');
	const t = new Y.XmlText();
	t.insert(0, text);
	p.insert(0, [t]);
	return [p, t];
}

/** Builds (or reads from bench/.cache) a document whose encoded state is at least `bytes` long. */
export function buildDocument(bytes: number, seal: string, seed = 7): Uint8Array {
	const file = new URL(`doc-${seal}-${bytes}-${seed}.bin`, CACHE);
	if (existsSync(file)) return new Uint8Array(readFileSync(file));
	const state = build(bytes, seal, seed);
	mkdirSync(CACHE, { recursive: true });
	writeFileSync(file, state);
	return state;
}

function build(bytes: number, seal: string, seed: number): Uint8Array {
	const random = rng(seed);
	const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
	const doc = new Y.Doc();
	const root = doc.getXmlFragment('default');
	const as = (author: number, fn: () => void) => {
		doc.clientID = author;
		doc.transact(fn);
	};
	const text = (n: number) => Array.from({ length: n }, () => pick(SENTENCES)).join(' ');
	const texts: Y.XmlText[] = [];
	let written = 0; // characters and structure written, a proxy for encoded bytes
	let ratio = 1.25; // encoded bytes per unit written, re-measured at each check
	let block = 0;
	while (true) {
		if (written * ratio >= bytes) {
			const size = Y.encodeStateAsUpdate(doc).length;
			if (size >= bytes) break;
			ratio = size / written;
		}
		const author = AUTHORS[block % AUTHORS.length];
		const kind = block % 40 === 0 ? 'heading' : block % 13 === 5 ? 'list' : block % 29 === 7 ? 'table' : 'paragraph';
		as(author, () => {
			if (kind === 'heading') {
				const h = new Y.XmlElement('heading');
				h.setAttribute('level', '2');
				const t = new Y.XmlText();
				t.insert(0, pick(SENTENCES).slice(0, 60));
				h.insert(0, [t]);
				root.push([h]);
				written += 70;
			} else if (kind === 'list') {
				const list = new Y.XmlElement('bulletList');
				const items = Array.from({ length: 3 }, () => {
					const li = new Y.XmlElement('listItem');
					const content = text(1);
					const [p, t] = paragraph(content);
					li.insert(0, [p]);
					texts.push(t);
					written += content.length + 20;
					return li;
				});
				list.insert(0, items);
				root.push([list]);
			} else if (kind === 'table') {
				const table = new Y.XmlElement('table');
				const rows = Array.from({ length: 4 }, (_, r) => {
					const row = new Y.XmlElement('tableRow');
					row.insert(
						0,
						Array.from({ length: 4 }, () => {
							const cell = new Y.XmlElement(r === 0 ? 'tableHeader' : 'tableCell');
							cell.setAttribute('colspan', '1');
							cell.setAttribute('rowspan', '1');
							const content = r === 0 ? pick(['Azione', 'Partner responsabile', 'Indicatore', 'Scadenza']) : pick(SENTENCES).slice(0, 50);
							cell.insert(0, [paragraph(content)[0]]);
							written += content.length + 40;
							return cell;
						})
					);
					return row;
				});
				table.insert(0, rows);
				root.push([table]);
			} else {
				const content = text(1 + Math.floor(random() * 3));
				const [p, t] = paragraph(content);
				root.push([p]);
				texts.push(t);
				written += content.length + 15;
			}
		});
		// Someone else revises an earlier paragraph: a word slipped in, a word
		// deleted, a range bolded.
		if (texts.length > 4 && random() < 0.6) {
			const t = pick(texts);
			as(AUTHORS[(block + 1 + Math.floor(random() * 3)) % AUTHORS.length], () => {
				const len = t.length;
				if (len < 20) return;
				const at = Math.floor(random() * (len - 10));
				t.insert(at, pick(['anche ', 'inoltre ', 'in particolare ', 'ove possibile ']));
				t.delete(Math.floor(random() * (t.length - 10)), 3 + Math.floor(random() * 6));
				if (random() < 0.4) t.format(Math.floor(random() * (t.length - 12)), 8, { bold: {} });
				written += 40;
			});
		}
		block++;
	}
	doc.clientID = AUTHORS[0];
	doc.getMap('bench').set('seal', seal);
	const state = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return state;
}

if (import.meta.main) {
	for (const [bytes, label] of [
		[20 * 1024, 'typical'],
		[1024 * 1024, '1mb'],
		[16 * 1024 * 1024, '16mb']
	] as const) {
		const t = performance.now();
		const state = build(bytes, label, 7);
		const built = performance.now() - t;
		const t2 = performance.now();
		const d = new Y.Doc();
		Y.applyUpdate(d, state);
		const applied = performance.now() - t2;
		console.log(label, state.length, 'bytes', `built ${built.toFixed(0)} ms`, `applied ${applied.toFixed(0)} ms`, 'blocks', d.getXmlFragment('default').length, 'text chars', d.getXmlFragment('default').toString().length);
	}
}
