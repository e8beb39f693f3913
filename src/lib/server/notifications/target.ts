import { commentPath } from '../comments/path.ts';
import type { NotificationKind } from '../../notifications.ts';
import { sealPath } from '../../pact/paths.ts';

const PACT_KINDS: ReadonlySet<NotificationKind> = new Set(['pact_sealed', 'pact_adhered', 'pact_withdrawn', 'adhesion_reminder']);

/** What a notification is about, as its row names it. */
export interface NotificationTarget {
	/** Set when the kind alone decides the page (an accepted invitation). */
	kind?: NotificationKind;
	networkId: string;
	threadId: string | null;
	messageId: string | null;
	documentId: string | null;
	commentId: string | null;
	/** The map entry the comment is on, for a comment on a territorial map's entry. */
	entryId?: string | null;
	/** The kind of the document, which names the page of its items (a map's entries, a pact's commitments). */
	documentKind?: string | null;
	/** The action of a co-design plan it is about (a reminder of a late action or a verification due). */
	planActionId?: string | null;
}

/**
 * The page that shows what a notification is about: the message in its
 * discussion, the comment on its document, or the comment on a map entry
 * (on the map's entries page, that entry open); for an accepted invitation,
 * the network's members; for a request for more access, the members page's
 * waiting requests (a facilitator's) or the request page (the requester's,
 * showing the answer); for a proposal of a commitment, the pact's proposals; for
 * a plan's action, its page. Built from ids alone, so it can only ever lead
 * within Trama.
 */
export function targetPath({ kind, networkId, threadId, messageId, documentId, commentId, entryId, documentKind, planActionId }: NotificationTarget): string {
	const network = `/networks/${networkId}`;
	if (kind === 'invitation_accepted') return `${network}/members`;
	if (kind === 'access_requested') return `${network}/members#access-requests`;
	if (kind === 'access_decided') return `${network}/access`;
	if (kind?.startsWith('commitment_') && documentId) return `${network}/documents/${documentId}/commitments/proposals`;
	// A seal, an adhesion or a reminder: the pact's sealed versions.
	if (kind && PACT_KINDS.has(kind) && documentId) return sealPath(network, documentId, null);
	if (planActionId && documentId) return `${network}/documents/${documentId}/plan/actions/${planActionId}`;
	if (threadId) return `${network}/discussions/${threadId}${messageId ? `#message-${messageId}` : ''}`;
	if (documentId) return commentPath(network, documentId, commentId, entryId, documentKind);
	return network;
}
