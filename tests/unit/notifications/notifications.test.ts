import { describe, expect, it } from 'vitest';
import { targetPath } from '../../../src/lib/server/notifications/target.ts';
import { inboxQuery, mutedKinds, settingsSchema } from '../../../src/lib/server/notifications/schemas.ts';
import { notificationSummary, unreadText } from '../../../src/lib/notifications.ts';

const NETWORK = 'de000000-0000-4000-8000-000000000001';
const ID = '0b7c9a52-1d2e-4f3a-8b4c-5d6e7f809a1b';

describe('the inbox query', () => {
	it('reads the filter and the page from the URL, and ignores anything else', () => {
		const params = new URLSearchParams({ show: 'unread', before: `2026-11-23T16:11:21.123456Z_${ID}` });
		expect(inboxQuery(params)).toEqual({ unreadOnly: true, before: { at: '2026-11-23T16:11:21.123456Z', id: ID } });
		expect(inboxQuery(new URLSearchParams('show=everything&before=yesterday'))).toEqual({ unreadOnly: false, before: null });
	});
});

describe('where a notification leads', () => {
	it('leads to the message in its discussion, or to the discussion itself', () => {
		const thread = { networkId: NETWORK, threadId: ID, messageId: null, documentId: null, commentId: null };
		expect(targetPath(thread)).toBe(`/networks/${NETWORK}/discussions/${ID}`);
		expect(targetPath({ ...thread, messageId: 'm1' })).toBe(`/networks/${NETWORK}/discussions/${ID}#message-m1`);
	});

	it('leads to the comment on its document', () => {
		expect(targetPath({ networkId: NETWORK, threadId: null, messageId: null, documentId: ID, commentId: 'c1' })).toBe(
			`/networks/${NETWORK}/documents/${ID}?comment=c1`
		);
	});

	it("leads to a comment on a map entry on the map's entries page, that entry open", () => {
		const target = { networkId: NETWORK, threadId: null, messageId: null, documentId: ID, commentId: 'c1', entryId: 'e1' };
		expect(targetPath(target)).toBe(`/networks/${NETWORK}/documents/${ID}/entries?entry=e1&comment=c1`);
		expect(targetPath({ ...target, entryId: null })).toBe(`/networks/${NETWORK}/documents/${ID}?comment=c1`);
	});

	it("leads an accepted invitation to the network's members", () => {
		const target = { kind: 'invitation_accepted' as const, networkId: NETWORK, threadId: null, messageId: null, documentId: null, commentId: null };
		expect(targetPath(target)).toBe(`/networks/${NETWORK}/members`);
	});

	it("leads a request for another role to the members' waiting requests, and its answer to the request page", () => {
		const target = { networkId: NETWORK, threadId: null, messageId: null, documentId: null, commentId: null };
		expect(targetPath({ ...target, kind: 'access_requested' })).toBe(`/networks/${NETWORK}/members#access-requests`);
		expect(targetPath({ ...target, kind: 'access_decided' })).toBe(`/networks/${NETWORK}/access`);
	});

	it("leads a proposed commitment, and the decision on it, to the pact's proposals", () => {
		const target = { networkId: NETWORK, threadId: null, messageId: null, documentId: ID, commentId: null };
		for (const kind of ['commitment_proposed', 'commitment_accepted', 'commitment_declined'] as const) {
			expect(targetPath({ ...target, kind })).toBe(`/networks/${NETWORK}/documents/${ID}/commitments/proposals`);
		}
	});

	it("leads a pact's seal, adhesion, withdrawal or reminder to the pact's sealed versions", () => {
		const target = { networkId: NETWORK, threadId: null, messageId: null, documentId: ID, commentId: null };
		for (const kind of ['pact_sealed', 'pact_adhered', 'pact_withdrawn', 'adhesion_reminder'] as const) {
			expect(targetPath({ ...target, kind })).toBe(`/networks/${NETWORK}/documents/${ID}/seals`);
		}
	});

	it("leads a plan's reminder to the action's page", () => {
		const target = { networkId: NETWORK, threadId: null, messageId: null, documentId: ID, commentId: null, planActionId: 'a1' };
		for (const kind of ['action_late', 'verification_due'] as const) {
			expect(targetPath({ ...target, kind })).toBe(`/networks/${NETWORK}/documents/${ID}/plan/actions/a1`);
		}
	});

	it('leads to the network when the row names nothing else', () => {
		expect(targetPath({ networkId: NETWORK, threadId: null, messageId: null, documentId: null, commentId: null })).toBe(
			`/networks/${NETWORK}`
		);
	});
});

describe('notification settings', () => {
	it('mutes the kinds left unticked', () => {
		const form = settingsSchema.parse({ mention: 'on', comment: 'on', review_requested: 'on', review_reminder: 'on' });
		expect(mutedKinds(form)).toEqual([
			'reply',
			'invitation_accepted',
			'access_requested',
			'access_decided',
			'commitment_proposed',
			'commitment_accepted',
			'commitment_declined',
			'pact_sealed',
			'pact_adhered',
			'pact_withdrawn',
			'adhesion_reminder',
			'plan_progress',
			'plan_verified',
			'action_late',
			'verification_due'
		]);
		expect(mutedKinds(settingsSchema.parse({}))).toEqual([
			'mention',
			'reply',
			'comment',
			'review_requested',
			'review_reminder',
			'invitation_accepted',
			'access_requested',
			'access_decided',
			'commitment_proposed',
			'commitment_accepted',
			'commitment_declined',
			'pact_sealed',
			'pact_adhered',
			'pact_withdrawn',
			'adhesion_reminder',
			'plan_progress',
			'plan_verified',
			'action_late',
			'verification_due'
		]);
	});

	it('refuses a box sent with a value no checkbox sends', () => {
		const result = settingsSchema.safeParse({ mention: 'yes' });
		expect(result.success).toBe(false);
		expect(result.error?.issues[0].message).toBe('notifications.settingsInvalid');
	});
});

describe('notifications in words', () => {
	it('says who did what, where, in both languages', () => {
		const item = { kind: 'mention' as const, actorName: 'Marco Ferri', about: 'thread' as const, title: 'Orari' };
		expect(notificationSummary('it', item)).toBe('Marco Ferri ti ha menzionato nella discussione «Orari»');
		expect(notificationSummary('en', { ...item, kind: 'comment', about: 'document' })).toBe(
			'Marco Ferri commented on “Orari”, a document you edited'
		);
		expect(notificationSummary('it', { ...item, kind: 'reply', about: 'document', actorName: null })).toBe(
			'Qualcuno ha risposto a un commento su «Orari»'
		);
	});

	it('says who accepted an invitation, in both languages', () => {
		const item = { kind: 'invitation_accepted' as const, actorName: 'Anna Colombo', about: 'network' as const, title: '' };
		expect(notificationSummary('it', item)).toBe('Anna Colombo ha accettato il tuo invito: ora fa parte della rete');
		expect(notificationSummary('en', item)).toBe('Anna Colombo accepted your invitation and joined the network');
	});

	it('says who asks for which role, and what the answer was, in both languages', () => {
		const access = { requestId: ID, role: 'editor' as const, status: 'pending' as const, decidedByName: null, decidedAt: null };
		const asked = { kind: 'access_requested' as const, actorName: 'Paolo De Santis', about: 'network' as const, title: '', access };
		expect(notificationSummary('it', asked)).toBe('Paolo De Santis chiede il ruolo di redattore');
		expect(notificationSummary('en', { ...asked, access: { ...access, status: 'granted' } })).toBe(
			'Paolo De Santis asks for the editor role'
		);
		const answer = { ...asked, kind: 'access_decided' as const, actorName: 'Giulia Rinaldi' };
		expect(notificationSummary('it', { ...answer, access: { ...access, status: 'granted' } })).toBe(
			'Giulia Rinaldi ha accolto la tua richiesta: ora sei redattore'
		);
		expect(notificationSummary('en', { ...answer, access: { ...access, status: 'declined' } })).toBe(
			'Giulia Rinaldi declined your request for the editor role'
		);
	});

	it('counts unread notifications in the singular and the plural', () => {
		expect(unreadText('it', 1)).toBe('1 non letta');
		expect(unreadText('it', 3)).toBe('3 non lette');
		expect(unreadText('en', 2)).toBe('2 unread');
	});
});
