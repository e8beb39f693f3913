import { describe, expect, it } from 'vitest';
import { LIVE_KEYS, staleKeys, type LiveEvent } from '../../src/lib/live.ts';

// Which of an open page's loads a live message makes stale. A key missing
// here is a page that stays out of date; an extra one only costs a reload.

const NETWORK = '6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
const DOCUMENT = 'd0c00000-0000-4000-8000-000000000001';

const activity = (action: string, subject: string | null = null): LiveEvent => ({
	type: 'activity',
	network: NETWORK,
	action,
	subject,
	actor: 'a0000000-0000-4000-8000-000000000001'
});

describe('staleKeys', () => {
	it('makes everything stale after a resync, since messages may have been missed', () => {
		expect(staleKeys({ type: 'resync' })).toBeNull();
	});

	it('makes only the inbox stale for a notification', () => {
		expect(staleKeys({ type: 'notification' })).toEqual([LIVE_KEYS.notifications]);
	});

	it.each(['thread_started', 'thread_replied', 'thread_closed', 'thread_reopened', 'thread_pinned', 'thread_unpinned', 'thread_deleted'])(
		'makes the discussions and the activity record stale for %s',
		(action) => {
			expect(staleKeys(activity(action, 'c0000000-0000-4000-8000-000000000001'))).toEqual([LIVE_KEYS.activity, LIVE_KEYS.discussions]);
		}
	);

	it.each(['comment_added', 'comment_replied', 'comment_resolved', 'comment_reopened'])(
		'makes the comments of the document it is about and the activity record stale for %s',
		(action) => {
			expect(staleKeys(activity(action, DOCUMENT))).toEqual([LIVE_KEYS.activity, `trama:comments:${DOCUMENT}`]);
		}
	);

	it.each([
		'document_created',
		'document_renamed',
		'document_status_changed',
		'document_edited',
		'document_version_saved',
		'document_deleted'
	])('makes the documents and the activity record stale for %s', (action) => {
		expect(staleKeys(activity(action, DOCUMENT))).toEqual([LIVE_KEYS.activity, LIVE_KEYS.documents]);
	});

	it.each([
		'network_created',
		'member_joined',
		'member_role_changed',
		'member_left',
		'member_removed',
		'invitation_sent',
		'invitation_accepted',
		'invitation_revoked',
		'partner_added',
		'partner_edited',
		'partner_removed'
	])(
		'makes the members and the activity record stale for %s',
		(action) => {
			expect(staleKeys(activity(action, 'a0000000-0000-4000-8000-000000000002'))).toEqual([LIVE_KEYS.activity, LIVE_KEYS.members]);
		}
	);

	it('makes only the activity record stale for a comment event that names no document', () => {
		expect(staleKeys(activity('comment_added', null))).toEqual([LIVE_KEYS.activity]);
	});

	it.each(['file_uploaded', 'file_version_restored', 'file_moved', 'file_purged', 'folder_created', 'folder_deleted'])(
		'makes the file space and the activity record stale for %s',
		(action) => {
			expect(staleKeys(activity(action, 'f0000000-0000-4000-8000-000000000001'))).toEqual([LIVE_KEYS.activity, LIVE_KEYS.files]);
		}
	);

	it.each(['pact_sealed', 'pact_adhered', 'pact_withdrawn'])('makes the documents and the activity record stale for %s', (action) => {
		expect(staleKeys(activity(action, DOCUMENT))).toEqual([LIVE_KEYS.activity, LIVE_KEYS.documents]);
	});

	it('makes only the activity record stale for an action it does not know yet', () => {
		expect(staleKeys(activity('vote_cast', 'f0000000-0000-4000-8000-000000000001'))).toEqual([LIVE_KEYS.activity]);
	});
});
