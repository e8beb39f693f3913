import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isAnchored, losingTextOnRestore } from '../../../src/lib/server/comments/anchors-after-restore.ts';
import type { Anchor } from '../../../src/lib/editor/comment-anchors.ts';
import { find, PACT, Replica } from '../editor/replica.ts';

// The server's answer to "which comments lose their text if this version is
// restored", against real Y.Docs and anchors made the way the editor makes them.

/** A comment as the database stores it, on the first occurrence of `words`. */
function commentOn(replica: Replica, words: string) {
	const { doc, anchor } = replica.render();
	const made: Anchor = anchor(find(doc, words));
	return { words, anchorFrom: Y.encodeRelativePosition(made.from), anchorTo: Y.encodeRelativePosition(made.to) };
}

const state = (replica: Replica) => Y.encodeStateAsUpdate(replica.ydoc);

describe('whether a comment still hangs on text, on the server', () => {
	it('says so for words still there, even after typing around them', () => {
		const anna = Replica.of(PACT);
		const comment = commentOn(anna, 'una sala');
		anna.block(2).insert(0, 'Dal 2027 ');
		expect(isAnchored(anna.ydoc, comment)).toBe(true);
	});

	it('says not once its words are deleted, as the editor shows it detached', () => {
		const anna = Replica.of(PACT);
		const comment = commentOn(anna, 'una sala');
		anna.block(2).delete('Il Comune mette a disposizione '.length, 'una sala'.length);
		expect(anna.render().place({ from: Y.decodeRelativePosition(comment.anchorFrom), to: Y.decodeRelativePosition(comment.anchorTo) })).toBe('removed');
		expect(isAnchored(anna.ydoc, comment)).toBe(false);
	});

	it('says not once its whole paragraph is deleted', () => {
		const anna = Replica.of(PACT);
		const comment = commentOn(anna, 'una sala');
		anna.fragment.delete(2, 1);
		expect(isAnchored(anna.ydoc, comment)).toBe(false);
	});

	it('says not for bytes that are no anchor', () => {
		const anna = Replica.of(PACT);
		expect(isAnchored(anna.ydoc, { anchorFrom: new Uint8Array([255]), anchorTo: new Uint8Array([255]) })).toBe(false);
	});
});

describe('the comments a restore takes off their text', () => {
	it('names a comment on text the restored version does not have', () => {
		const anna = Replica.of(PACT);
		const version = state(anna);
		anna.block(2).insert(anna.block(2).length, ' Il venerdì pomeriggio.');
		const comment = commentOn(anna, 'venerdì pomeriggio');
		expect(losingTextOnRestore(state(anna), version, [comment]).map((c) => c.words)).toEqual(['venerdì pomeriggio']);
	});

	it('names a comment on words the version has too, since the restore writes the text anew', () => {
		const anna = Replica.of(PACT);
		const version = state(anna);
		const comment = commentOn(anna, 'condividere i dati');
		expect(losingTextOnRestore(state(anna), version, [comment])).toHaveLength(1);
	});

	it('leaves out a comment whose text was already gone', () => {
		const anna = Replica.of(PACT);
		const version = state(anna);
		const comment = commentOn(anna, 'una sala');
		anna.fragment.delete(2, 1);
		expect(losingTextOnRestore(state(anna), version, [comment])).toEqual([]);
	});

	it('changes nothing in the state it was given', () => {
		const anna = Replica.of(PACT);
		const version = state(anna);
		anna.block(1).insert(0, 'Premessa: ');
		const now = state(anna);
		losingTextOnRestore(now, version, [commentOn(anna, 'Premessa')]);
		const again = new Y.Doc();
		Y.applyUpdate(again, now);
		expect(again.getXmlFragment('default').toString()).toContain('Premessa: Le parti');
	});
});
