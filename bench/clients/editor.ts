// Replays the editing trace into a Tiptap-shaped document, one op per edit,
// at a chosen mean rate (the trace's own pauses are scaled so their mean
// matches it, keeping the bursts and the thinking pauses). Each edit is one
// Yjs transaction that also writes a token — "<send time>~<editor>" — under
// the editor's key in Y.Map('bench-tokens'), so every receiver can log the
// edit's arrival against its send time on the machine's shared clock. One
// map entry per editor, overwritten, so old tokens are garbage-collected
// instead of piling up in the document. (The token struct sits between the
// editor's keystrokes, so its characters stay separate items rather than
// merging — documents grow a few times faster than without tokens; writing
// the token under a second client id avoids that but doubles the state
// vector every transaction walks, which costs the 200-editor workload more.)
import * as Y from 'yjs';
import { editingTrace, type TraceOp } from '../trace/generate.ts';
import { now } from '../stats.ts';

export const TOKENS = 'bench-tokens';

export class Editor {
	private paragraph!: Y.XmlElement;
	private text!: Y.XmlText;
	private pos = 0;
	private at: number;
	private timer: NodeJS.Timeout | null = null;
	private nextAt = 0;
	/** Edits sent with a send time inside the measured window. */
	sentInWindow = 0;

	private readonly trace: TraceOp[];
	private readonly scale: number;
	private readonly meanInterval: number;

	private readonly doc: Y.Doc;
	private readonly id: string;

	constructor(doc: Y.Doc, id: string, offset: number, editsPerSecond: number) {
		this.doc = doc;
		this.id = id;
		this.trace = editingTrace();
		this.at = offset % this.trace.length;
		const meanDt = this.trace.reduce((s, o) => s + o.dt, 0) / this.trace.length;
		this.meanInterval = 1000 / editsPerSecond;
		this.scale = this.meanInterval / meanDt;
	}

	/** Opens the editor's own paragraph at the end of the document and starts typing. */
	start(window: { from: number; to: number }) {
		const fragment = this.doc.getXmlFragment('default');
		this.doc.transact(() => {
			this.paragraph = new Y.XmlElement('paragraph');
			this.text = new Y.XmlText();
			this.paragraph.insert(0, [this.text]);
			fragment.push([this.paragraph]);
		});
		// Desynchronise editors: the first edit comes after a random part of a mean interval.
		this.nextAt = now() + Math.random() * this.meanInterval;
		const tick = () => {
			const t = now();
			this.edit(t, window);
			this.nextAt += this.trace[this.at].dt * this.scale;
			this.timer = setTimeout(tick, Math.max(0, this.nextAt - now()));
		};
		this.timer = setTimeout(tick, Math.max(0, this.nextAt - now()));
	}

	stop() {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
	}

	private edit(sentAt: number, window: { from: number; to: number }) {
		const op = this.trace[this.at];
		this.at = (this.at + 1) % this.trace.length;
		const text = this.text;
		this.doc.transact(() => {
			if (op.mv !== undefined) this.pos = clamp(this.pos + op.mv, 0, text.length);
			this.pos = Math.min(this.pos, text.length);
			switch (op.k) {
				case 'i':
					text.insert(this.pos, op.s);
					this.pos += op.s.length;
					break;
				case 'd': {
					const n = Math.min(op.n, this.pos);
					if (n > 0) {
						text.delete(this.pos - n, n);
						this.pos -= n;
					} else {
						text.insert(this.pos, ' ');
						this.pos += 1;
					}
					break;
				}
				case 'b': {
					const n = Math.min(op.n, this.pos);
					text.format(this.pos - n, Math.max(n, 0), { bold: {} });
					break;
				}
				case 'p': {
					const fragment = this.doc.getXmlFragment('default');
					const index = fragment.toArray().indexOf(this.paragraph);
					this.paragraph = new Y.XmlElement('paragraph');
					this.text = new Y.XmlText();
					this.paragraph.insert(0, [this.text]);
					fragment.insert(index < 0 ? fragment.length : index + 1, [this.paragraph]);
					this.pos = 0;
					break;
				}
			}
			this.doc.getMap<string>(TOKENS).set(this.id, `${sentAt.toFixed(3)}~${this.id}`);
		});
		if (sentAt >= window.from && sentAt < window.to) this.sentInWindow++;
	}
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/**
 * Logs the arrival of other clients' tokens whose send time falls in the
 * window. Reads every struct a remote transaction added (each client's new
 * structs are at the end of its list in the struct store) — including
 * tokens already overwritten by a later one in the same message, whose
 * content is only collected after 'afterTransaction' — so no edit is missed
 * when a server merges several into one message, and the cost does not grow
 * with the document.
 */
export class Receiver {
	received = 0;
	constructor(doc: Y.Doc, window: () => { from: number; to: number } | null, record: (ms: number, arrived: number) => void) {
		const tokens = doc.getMap<string>(TOKENS);
		doc.on('afterTransaction', (tr: Y.Transaction) => {
			if (tr.local || !tr.changed.has(tokens as unknown as Y.AbstractType<Y.YEvent<any>>)) return;
			const w = window();
			if (!w) return;
			const arrived = now();
			for (const [client, after] of tr.afterState) {
				const before = tr.beforeState.get(client) ?? 0;
				if (after <= before) continue;
				const structs = doc.store.clients.get(client) ?? [];
				for (let i = structs.length - 1; i >= 0 && structs[i].id.clock + structs[i].length > before; i--) {
					const item = structs[i];
					if (!(item instanceof Y.Item) || item.parent !== tokens) continue;
					for (const token of (item.content as unknown as { arr: string[] }).arr ?? []) {
						const sent = parseFloat(token);
						if (sent >= w.from && sent < w.to) {
							record(arrived - sent, arrived);
							this.received++;
						}
					}
				}
			}
		});
	}
}
