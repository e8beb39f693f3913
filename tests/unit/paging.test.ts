import { describe, expect, it } from 'vitest';
import { listPage, pageHref } from '../../src/lib/paging.ts';

describe('listPage', () => {
	const at = (query: string, total: number) => listPage(new URLSearchParams(query), total, 100);

	it('starts at the first page when the address names none, or names no number', () => {
		expect(at('', 250)).toEqual({ pages: 3, current: 1, first: 0 });
		expect(at('page=tre', 250)).toEqual({ pages: 3, current: 1, first: 0 });
	});

	it('shows the page asked for, and the last one for a page past the end', () => {
		expect(at('page=2', 250)).toEqual({ pages: 3, current: 2, first: 100 });
		expect(at('page=9', 250)).toEqual({ pages: 3, current: 3, first: 200 });
		expect(at('page=-4', 250)).toEqual({ pages: 3, current: 1, first: 0 });
	});

	it('has one page for an empty list', () => {
		expect(at('page=5', 0)).toEqual({ pages: 1, current: 1, first: 0 });
	});
});

describe('pageHref', () => {
	it('keeps the other parameters and leaves page 1 without one', () => {
		const params = new URLSearchParams('view=gaps&page=3&map=m');
		expect(pageHref(params, 4)).toBe('?view=gaps&page=4&map=m');
		expect(pageHref(params, 1)).toBe('?view=gaps&map=m');
	});
});
