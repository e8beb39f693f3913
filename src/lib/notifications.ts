// Notifications as the pages show them. The kinds mirror the SQL enum
// notification_kind (supabase/migrations/20261123110100_notifications.sql and
// the files that add to it), in its order.
import { translate, type Locale, type MessageKey } from './i18n/translate.ts';
import type { Role } from './domain.ts';
import type { AccessRequestStatus } from './access/requests.ts';

export const NOTIFICATION_KINDS = [
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
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationItem {
	id: string;
	kind: NotificationKind;
	/** The start of what was written, mentions as @Name: plain text. */
	excerpt: string;
	createdAt: Date;
	read: boolean;
	networkId: string;
	networkName: string;
	/** Null when the author's profile is gone or no longer shared with this person. */
	actorName: string | null;
	/** Where it was written: in a discussion, or in the comments of a document; or the network itself (someone joined). */
	about: 'thread' | 'document' | 'network';
	/** The discussion's or the document's title (empty for the network). */
	title: string;
	/** The request for more access it is about, as it stands now; null for other kinds. */
	access: NotificationAccess | null;
}

/** A request for more access as its notifications show it. */
export interface NotificationAccess {
	requestId: string;
	role: Role;
	status: AccessRequestStatus;
	/** Who decided it, when it is decided. */
	decidedByName: string | null;
	/** When, as JSON carries a time. */
	decidedAt: string | null;
}

/** What happened, in one sentence: "Marco Ferri ti ha menzionato nella discussione «…»". */
export function notificationSummary(
	locale: Locale,
	item: Pick<NotificationItem, 'kind' | 'actorName' | 'about' | 'title'> & { access?: NotificationAccess | null }
): string {
	// Not every pair exists: the database sets an accepted invitation's subject to the network, and the
	// other kinds' to a thread or a document (the unit test checks each pair it makes has a sentence).
	// An answer to a request for access says which answer it was.
	const decided = item.kind === 'access_decided' && item.access && item.access.status !== 'pending';
	const key = `notifications.summary.${item.kind}.${decided ? item.access!.status : item.about}` as MessageKey;
	return translate(locale, key, {
		actor: item.actorName || translate(locale, 'notifications.someone'),
		title: item.title,
		role: item.access ? translate(locale, `role.${item.access.role}`).toLocaleLowerCase(locale) : ''
	});
}

/** "1 non letta", "3 non lette". */
export function unreadText(locale: Locale, count: number): string {
	return count === 1
		? translate(locale, 'notifications.unreadOne')
		: translate(locale, 'notifications.unreadMany', { count });
}
