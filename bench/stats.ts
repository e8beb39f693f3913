// Small numeric helpers shared by the workloads and the report.

/** The clock every process and worker on this machine agrees on, in ms. */
export const now = (): number => performance.timeOrigin + performance.now();

export interface Summary {
	count: number;
	p50: number;
	p99: number;
	max: number;
	mean: number;
}

/** p50/p99/max of a list of samples (ms). Sorts a copy. */
export function summarize(samples: ArrayLike<number>): Summary {
	const n = samples.length;
	if (n === 0) return { count: 0, p50: NaN, p99: NaN, max: NaN, mean: NaN };
	const sorted = Float64Array.from(samples).sort();
	let sum = 0;
	for (let i = 0; i < n; i++) sum += sorted[i];
	return {
		count: n,
		p50: quantile(sorted, 0.5),
		p99: quantile(sorted, 0.99),
		max: sorted[n - 1],
		mean: sum / n
	};
}

/** Nearest-rank quantile of sorted samples. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
	if (sorted.length === 0) return NaN;
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
	return sorted[rank];
}

export function median(values: number[]): number {
	const finite = values.filter((v) => Number.isFinite(v));
	if (finite.length === 0) return NaN;
	return quantile(Float64Array.from(finite).sort(), 0.5);
}

/** Joins many sample arrays into one. */
export function concat(parts: ArrayLike<number>[]): Float64Array {
	let total = 0;
	for (const p of parts) total += p.length;
	const out = new Float64Array(total);
	let at = 0;
	for (const p of parts) {
		out.set(p as ArrayLike<number>, at);
		at += p.length;
	}
	return out;
}

/** A seeded PRNG (mulberry32): the same trace and documents on every run. */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

export const mb = (bytes: number) => bytes / (1024 * 1024);
