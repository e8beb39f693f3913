// Notifications as the pages show them. The kinds mirror the SQL enum
// notification_kind (supabase/migrations/20261123110100_notifications.sql).
import { translate, type Locale, type MessageKey } from './i18n/translate.ts';

export const NOTIFICATION_KINDS = ['mention', 'reply', 'comment', 'review_requested', 'review_reminder', 'invitation_accepted'] as const;
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
}

/** What happened, in one sentence: "Marco Ferri ti ha menzionato nella discussione «…»". */
export function notificationSummary(
	locale: Locale,
	item: Pick<NotificationItem, 'kind' | 'actorName' | 'about' | 'title'>
): string {
	// Not every pair exists: the database sets an accepted invitation's subject to the network, and the
	// other kinds' to a thread or a document (the unit test checks each pair it makes has a sentence).
	const key = `notifications.summary.${item.kind}.${item.about}` as MessageKey;
	return translate(locale, key, {
		actor: item.actorName || translate(locale, 'notifications.someone'),
		title: item.title
	});
}

/** "1 non letta", "3 non lette". */
export function unreadText(locale: Locale, count: number): string {
	return count === 1
		? translate(locale, 'notifications.unreadOne')
		: translate(locale, 'notifications.unreadMany', { count });
}
