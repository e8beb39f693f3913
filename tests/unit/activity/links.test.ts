import { describe, expect, it } from 'vitest';
import { subjectHref } from '../../../src/lib/server/activity/links.ts';
import { entryFor } from './factories.ts';

const NETWORK = 'de000000-0000-4000-8000-000000000001';
const still = { subject: true, detail: true };

describe('links from the activity record', () => {
	it('leads to the document, at the comment while it is there', () => {
		expect(subjectHref(NETWORK, entryFor('document_edited'), still)).toBe(
			`/networks/${NETWORK}/documents/dd000000-0000-4000-8000-000000000002`
		);
		expect(subjectHref(NETWORK, entryFor('comment_added'), still)).toBe(
			`/networks/${NETWORK}/documents/dd000000-0000-4000-8000-000000000002?comment=5a0e4c1e-3333-4000-8000-000000000003`
		);
		expect(subjectHref(NETWORK, entryFor('comment_added'), { subject: true, detail: false })).toBe(
			`/networks/${NETWORK}/documents/dd000000-0000-4000-8000-000000000002`
		);
	});

	it("leads to a map entry's comment on the map's entries page, that entry open, while the comment is there", () => {
		const document = `/networks/${NETWORK}/documents/dd000000-0000-4000-8000-000000000002`;
		const entry = 'e1000000-0000-4000-8000-000000000001';
		for (const action of ['comment_added', 'comment_replied', 'comment_resolved'] as const) {
			const onEntry = entryFor(action, { details: { ...entryFor(action).details, entry } });
			expect(subjectHref(NETWORK, onEntry, still)).toBe(
				`${document}/entries?entry=${entry}&comment=5a0e4c1e-3333-4000-8000-000000000003`
			);
			expect(subjectHref(NETWORK, onEntry, { subject: true, detail: false })).toBe(document);
		}
	});

	it("leads to a pact commitment's comment on the pact's commitments page, that commitment open", () => {
		const document = `/networks/${NETWORK}/documents/dd000000-0000-4000-8000-000000000002`;
		const commitment = 'c1000000-0000-4000-8000-000000000001';
		const onCommitment = entryFor('comment_added', { details: { ...entryFor('comment_added').details, entry: commitment } });
		expect(subjectHref(NETWORK, onCommitment, { ...still, documentKind: 'community_pact' })).toBe(
			`${document}/commitments?commitment=${commitment}&comment=5a0e4c1e-3333-4000-8000-000000000003`
		);
		expect(subjectHref(NETWORK, onCommitment, { subject: true, detail: false, documentKind: 'community_pact' })).toBe(document);
	});

	it('leads to the discussion, at the reply while it is there', () => {
		const entry = entryFor('thread_replied', { subjectId: '7e000000-0000-4000-8000-000000000001' });
		expect(subjectHref(NETWORK, entry, still)).toBe(
			`/networks/${NETWORK}/discussions/7e000000-0000-4000-8000-000000000001#message-5a0e4c1e-2222-4000-8000-000000000002`
		);
	});

	it('leads to the people of the network for a member, and to the network for its creation', () => {
		expect(subjectHref(NETWORK, entryFor('member_role_changed'), still)).toBe(`/networks/${NETWORK}/members`);
		expect(subjectHref(NETWORK, entryFor('network_created'), { subject: false, detail: false })).toBe(
			`/networks/${NETWORK}`
		);
	});

	it('leads to the file while it exists, in the bin too, and to the listing of a folder', () => {
		const file = entryFor('file_version_uploaded', { subjectId: 'f1000000-0000-4000-8000-000000000001' });
		expect(subjectHref(NETWORK, file, still)).toBe(`/networks/${NETWORK}/files/f1000000-0000-4000-8000-000000000001`);
		expect(subjectHref(NETWORK, entryFor('file_deleted', { subjectId: file.subjectId }), still)).toBe(
			`/networks/${NETWORK}/files/f1000000-0000-4000-8000-000000000001`
		);
		const folder = entryFor('folder_renamed', { subjectId: 'f0000000-0000-4000-8000-000000000002' });
		expect(subjectHref(NETWORK, folder, still)).toBe(`/networks/${NETWORK}/files?folder=f0000000-0000-4000-8000-000000000002`);
		expect(subjectHref(NETWORK, entryFor('file_purged'), { subject: false, detail: false })).toBeNull();
		expect(subjectHref(NETWORK, entryFor('folder_deleted'), { subject: false, detail: false })).toBeNull();
	});

	it('leads nowhere when what it is about is gone', () => {
		expect(subjectHref(NETWORK, entryFor('document_deleted'), { subject: false, detail: false })).toBeNull();
		expect(subjectHref(NETWORK, entryFor('member_left'), { subject: false, detail: false })).toBeNull();
		expect(subjectHref(NETWORK, entryFor('document_edited', { subjectId: null }), still)).toBeNull();
	});
});
