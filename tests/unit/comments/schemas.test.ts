import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseForm } from '../../../src/lib/server/forms.ts';
import { commentSchema, entryCommentSchema, replySchema, resolveSchema } from '../../../src/lib/server/comments/schemas.ts';
import { COMMENT_BODY_MAX } from '../../../src/lib/comments/types.ts';

const formOf = (values: Record<string, string>) => {
	const form = new FormData();
	for (const [k, v] of Object.entries(values)) form.set(k, v);
	return form;
};

const text = new Y.Doc().getText();
text.insert(0, 'Il Comune mette a disposizione una sala.');
const anchor = (index: number, assoc: number) =>
	Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, assoc))).toString('base64');
const valid = { intent: 'comment', body: '  Quale sala?  ', quote: 'una sala', anchorFrom: anchor(31, 0), anchorTo: anchor(39, -1) };

describe('the comment form', () => {
	it('accepts a body with the anchors the editor sends, trimmed, and the anchors as bytes', () => {
		const { data } = parseForm(commentSchema, formOf(valid));
		expect(data?.body).toBe('Quale sala?');
		expect(Y.decodeRelativePosition(data!.anchorFrom)).toEqual(Y.decodeRelativePosition(Buffer.from(valid.anchorFrom, 'base64')));
	});

	it('refuses an empty body and one over the limit, keeping what was typed', () => {
		const empty = parseForm(commentSchema, formOf({ ...valid, body: '   ' })).failure;
		expect(empty?.data.errors).toEqual({ body: 'comments.bodyRequired' });
		const long = 'a'.repeat(COMMENT_BODY_MAX + 1);
		const over = parseForm(commentSchema, formOf({ ...valid, body: long })).failure;
		expect(over?.data.errors).toEqual({ body: 'comments.bodyTooLong' });
		expect(over?.data.values.body).toBe(long);
		expect(parseForm(commentSchema, formOf({ ...valid, body: 'a'.repeat(COMMENT_BODY_MAX) })).data?.body).toHaveLength(
			COMMENT_BODY_MAX
		);
	});

	it('counts a line break the browser sends as CRLF as the one character typed', () => {
		const lines = `${'a'.repeat(99)}\r\n`.repeat(50).trim();
		const { data } = parseForm(commentSchema, formOf({ ...valid, body: lines }));
		expect(data?.body).toBe(`${'a'.repeat(99)}\n`.repeat(50).trim());
		expect(data?.body).toHaveLength(COMMENT_BODY_MAX - 1);
	});

	it('refuses anchors that are not relative positions, or too large for the database', () => {
		for (const bad of ['', 'not base64!', 'AA==', Buffer.alloc(600, 1).toString('base64')]) {
			expect(parseForm(commentSchema, formOf({ ...valid, anchorTo: bad })).failure?.data.errors).toEqual({
				anchorTo: 'comments.anchorInvalid'
			});
		}
	});

	it('refuses a selection without text', () => {
		expect(parseForm(commentSchema, formOf({ ...valid, quote: ' \n ' })).failure?.data.errors).toEqual({
			quote: 'comments.selectionEmpty'
		});
	});
});

describe("the form of a comment on a map entry", () => {
	const entry = { body: ' Gli orari del sabato? ', entryId: '6f1c2a4e-9b7d-4c3e-8a2f-1d5e6b7c8d9e', entryName: ' Centro diurno Il Girasole ' };

	it("takes the body, the entry's id and its name as the person saw it, trimmed", () => {
		expect(parseForm(entryCommentSchema, formOf(entry)).data).toEqual({
			body: 'Gli orari del sabato?',
			entryId: entry.entryId,
			entryName: 'Centro diurno Il Girasole',
			// No suggestion picked: names typed after an @ are resolved by the server.
			mentions: []
		});
	});

	it('refuses an empty body as any comment is refused, keeping what was typed', () => {
		const failure = parseForm(entryCommentSchema, formOf({ ...entry, body: '  ' })).failure;
		expect(failure?.data.errors).toEqual({ body: 'comments.bodyRequired' });
		expect(failure?.data.values.entryName).toBe(entry.entryName);
	});

	it('refuses a comment that names no entry, or an entry without a name, keeping the body', () => {
		for (const bad of [{ entryId: 'new' }, { entryId: '' }, { entryName: ' ' }]) {
			const failure = parseForm(entryCommentSchema, formOf({ ...entry, ...bad })).failure;
			expect(Object.values(failure?.data.errors ?? {})).toEqual(['mapComments.entryMissing']);
			expect(failure?.data.values.body).toBe(entry.body);
		}
	});
});

describe('the reply and resolve forms', () => {
	const id = '6f1c2a4e-9b7d-4c3e-8a2f-1d5e6b7c8d9e';

	it('takes a reply for a comment id', () => {
		expect(parseForm(replySchema, formOf({ commentId: id, body: 'Sì' })).data).toEqual({ commentId: id, body: 'Sì', mentions: [] });
		expect(parseForm(replySchema, formOf({ commentId: 'x', body: 'Sì' })).failure?.data.errors).toEqual({
			commentId: 'comments.notFound'
		});
	});

	it('reads resolving and reopening as a boolean, and nothing else', () => {
		expect(parseForm(resolveSchema, formOf({ commentId: id, resolved: 'true' })).data?.resolved).toBe(true);
		expect(parseForm(resolveSchema, formOf({ commentId: id, resolved: 'false' })).data?.resolved).toBe(false);
		expect(parseForm(resolveSchema, formOf({ commentId: id, resolved: 'yes' })).failure).toBeDefined();
	});
});
