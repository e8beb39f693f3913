import { describe, expect, it } from 'vitest';
import { Placing } from '../../../src/lib/map/placing.svelte.ts';
import type { Position } from '../../../src/lib/map/entry.ts';

const FROSINONE: Position = { lat: 41.6396, lng: 13.3422 };

describe('Placing', () => {
	it('hands the clicked position to the form that asked, once, and shows it', () => {
		const placing = new Placing();
		const picked: Position[] = [];
		placing.start((position) => picked.push(position));
		expect(placing.active).toBe(true);
		placing.pick(FROSINONE);
		placing.pick({ lat: 0, lng: 0 });
		expect(picked).toEqual([FROSINONE]);
		expect(placing.active).toBe(false);
		expect(placing.preview).toEqual({ lat: 0, lng: 0 });
	});

	it('gives nothing to a form whose picking was cancelled', () => {
		const placing = new Placing();
		const picked: Position[] = [];
		placing.start((position) => picked.push(position));
		placing.cancel();
		placing.pick(FROSINONE);
		expect(picked).toEqual([]);
		expect(placing.active).toBe(false);
	});

	it('forgets the shown position when the form closes', () => {
		const placing = new Placing();
		placing.preview = FROSINONE;
		placing.start(() => {});
		placing.reset();
		expect(placing).toMatchObject({ active: false, preview: null });
	});
});
