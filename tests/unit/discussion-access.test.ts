import { describe, expect, it } from 'vitest';
import { mayClose, mayModerate, mayStartThread, postingBlock } from '../../src/lib/discussions/access.ts';
import { threadListQuery } from '../../src/lib/discussions/filters.ts';

describe('who may write in a discussion', () => {
	it('closes a closed thread to everyone, facilitators included', () => {
		expect(postingBlock('facilitator', { closed: true })).toBe('closed');
		expect(postingBlock('viewer', { closed: true })).toBe('closed');
	});

	it('lets every role but viewers reply in an open thread', () => {
		expect(postingBlock('facilitator', { closed: false })).toBeNull();
		expect(postingBlock('editor', { closed: false })).toBeNull();
		expect(postingBlock('commenter', { closed: false })).toBeNull();
		expect(postingBlock('viewer', { closed: false })).toBe('viewer');
	});

	it('lets every role but viewers start a thread', () => {
		expect(mayStartThread('commenter')).toBe(true);
		expect(mayStartThread('viewer')).toBe(false);
	});

	it('leaves pinning and deleting to facilitators', () => {
		expect(mayModerate('facilitator')).toBe(true);
		expect(mayModerate('editor')).toBe(false);
	});

	it('lets facilitators close any thread and authors their own, unless they now only read', () => {
		expect(mayClose('facilitator', false)).toBe(true);
		expect(mayClose('commenter', true)).toBe(true);
		expect(mayClose('editor', false)).toBe(false);
		expect(mayClose('viewer', true)).toBe(false);
	});
});

describe('threadListQuery', () => {
	const query = (search: string) => threadListQuery(new URLSearchParams(search));

	it('shows open threads, first page, when nothing or nonsense is asked', () => {
		expect(query('')).toEqual({ filter: 'open', page: 1 });
		expect(query('state=deleted&page=-3')).toEqual({ filter: 'open', page: 1 });
		expect(query('page=1e9')).toEqual({ filter: 'open', page: 1 });
	});

	it('reads the filter and the page', () => {
		expect(query('state=closed&page=3')).toEqual({ filter: 'closed', page: 3 });
		expect(query('state=all')).toEqual({ filter: 'all', page: 1 });
	});
});
