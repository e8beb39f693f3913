// Notifications as the pages show them. The kinds mirror the SQL enum
// notification_kind (supabase/migrations/20261123110100_notifications.sql).
import { translate, type Locale } from './i18n/translate.ts';

export const NOTIFICATION_KINDS = ['mention', 'reply', 'comment', 'review_requested', 'review_reminder'] as const;
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
	/** Where it was written: in a discussion, or in the comments of a document. */
	about: 'thread' | 'document';
	/** The discussion's or the document's title. */
	title: string;
}

/** What happened, in one sentence: "Marco Ferri ti ha menzionato nella discussione «…»". */
export function notificationSummary(
	locale: Locale,
	item: Pick<NotificationItem, 'kind' | 'actorName' | 'about' | 'title'>
): string {
	return translate(locale, `notifications.summary.${item.kind}.${item.about}`, {
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
