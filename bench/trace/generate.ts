// The editing trace every simulated editor replays: real Italian prose
// (italiano.txt — principles of the Constitution, art. 55 of the Third Sector
// Code, the opening of I promessi sposi, a co-design minute) typed key by key
// by a seeded model of a person at a keyboard: word-paced bursts, thinking
// pauses at punctuation, typos noticed at once or a few keys later and
// backspaced, going back to slip a word into an earlier sentence, bolding a
// word, Enter between paragraphs. Deterministic: the same trace on every run.
//
//   node bench/trace/generate.ts            → a summary
//   node bench/trace/generate.ts --json     → the trace itself
import { readFileSync } from 'node:fs';
import { rng } from '../stats.ts';

export type TraceOp =
	/** type text at the cursor */
	| { dt: number; mv?: number; k: 'i'; s: string }
	/** backspace n characters */
	| { dt: number; mv?: number; k: 'd'; n: number }
	/** Enter at the end of the paragraph: a new paragraph after it, cursor inside */
	| { dt: number; mv?: number; k: 'p' }
	/** bold the n characters before the cursor */
	| { dt: number; mv?: number; k: 'b'; n: number };

/** Cursor moves (`mv`) clamp to the paragraph: END means "to its end". */
export const END = 1_000_000;

const NEIGHBOURS: Record<string, string> = {
	a: 'sqz', b: 'vn', c: 'xv', d: 'sf', e: 'wr', f: 'dg', g: 'fh', h: 'gj', i: 'uo', l: 'kò', m: 'n',
	n: 'bm', o: 'ip', p: 'oò', q: 'wa', r: 'et', s: 'ad', t: 'ry', u: 'yi', v: 'cb', z: 'xa'
};
const SLIPS = ['anche ', 'molto ', 'inoltre ', 'sempre ', 'già ', 'ancora '];

let cached: TraceOp[] | null = null;

export function editingTrace(): TraceOp[] {
	if (cached) return cached;
	const text = readFileSync(new URL('./italiano.txt', import.meta.url), 'utf8').trim();
	const random = rng(55_117);
	const between = (lo: number, hi: number) => lo + random() * (hi - lo);
	// Inter-key interval: log-normal around ~160 ms, like measured typists.
	const keyDelay = () => Math.min(1200, Math.exp(Math.log(150) + 0.45 * gauss()));
	function gauss() {
		const u = 1 - random();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
	}
	const ops: TraceOp[] = [];
	let pendingMove = 0;
	let pendingDt = 0;
	const push = (op: TraceOp) => {
		op.dt = Math.round(op.dt + pendingDt);
		if (pendingMove) op.mv = pendingMove;
		pendingMove = 0;
		pendingDt = 0;
		ops.push(op);
	};
	const paragraphs = text.split('\n');
	paragraphs.forEach((paragraph, pi) => {
		if (pi > 0) push({ dt: between(1500, 6000), k: 'p' });
		let typed = 0; // characters of this paragraph typed so far
		let word = 0; // length of the word being typed
		for (let ci = 0; ci < paragraph.length; ci++) {
			const c = paragraph[ci];
			let dt = keyDelay();
			const prev = paragraph[ci - 1];
			if (prev === ' ' && random() < 0.15) dt += between(250, 900);
			if (prev && '.;:'.includes(prev)) dt += between(700, 3000);
			const wrong = NEIGHBOURS[c.toLowerCase()];
			if (wrong && random() < 0.025) {
				push({ dt, k: 'i', s: wrong[Math.floor(random() * wrong.length)] });
				// Noticed at once, or one to three keys later.
				const extra = random() < 0.6 ? 0 : Math.min(1 + Math.floor(random() * 3), paragraph.length - ci - 1);
				for (let j = 1; j <= extra; j++) push({ dt: keyDelay(), k: 'i', s: paragraph[ci + j] });
				for (let j = 0; j <= extra; j++) push({ dt: j === 0 ? between(200, 500) : between(60, 130), k: 'd', n: 1 });
				dt = keyDelay();
			}
			push({ dt, k: 'i', s: c });
			typed++;
			word = c === ' ' ? 0 : word + 1;
			const next = paragraph[ci + 1];
			// Now and then a word just typed is made bold.
			if (word >= 5 && (next === ' ' || next === undefined) && random() < 0.03) {
				push({ dt: between(600, 1500), k: 'b', n: word });
			}
			// At the end of a sentence, sometimes go back and slip a word in.
			if ('.;'.includes(c) && typed > 40 && random() < 0.5) {
				const back = Math.floor(between(10, Math.min(typed - 1, 80)));
				const wordStart = paragraph.lastIndexOf(' ', ci - back) + 1;
				pendingMove = -(ci + 1 - wordStart);
				pendingDt = between(800, 2500);
				const slip = SLIPS[Math.floor(random() * SLIPS.length)];
				for (const ch of slip) push({ dt: keyDelay(), k: 'i', s: ch });
				typed += slip.length;
				pendingMove = END;
				pendingDt = between(300, 900);
			}
		}
	});
	cached = ops;
	return ops;
}

export function traceSummary(ops: TraceOp[]) {
	const count = (k: TraceOp['k']) => ops.filter((o) => o.k === k).length;
	const total = ops.reduce((s, o) => s + o.dt, 0);
	return {
		ops: ops.length,
		inserts: count('i'),
		deletes: count('d'),
		paragraphs: count('p'),
		bolds: count('b'),
		moves: ops.filter((o) => o.mv !== undefined).length,
		meanIntervalMs: Math.round(total / ops.length),
		typingMinutes: +(total / 60000).toFixed(1)
	};
}

if (import.meta.main) {
	const ops = editingTrace();
	console.log(process.argv.includes('--json') ? JSON.stringify(ops) : traceSummary(ops));
}
