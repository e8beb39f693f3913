/** What a notification is about, as its row names it. */
export interface NotificationTarget {
	networkId: string;
	threadId: string | null;
	messageId: string | null;
	documentId: string | null;
	commentId: string | null;
}

/**
 * The page that shows what a notification is about: the message in its
 * discussion, or the comment on its document. Built from ids alone, so it
 * can only ever lead within Trama.
 */
export function targetPath({ networkId, threadId, messageId, documentId, commentId }: NotificationTarget): string {
	const network = `/networks/${networkId}`;
	if (threadId) return `${network}/discussions/${threadId}${messageId ? `#message-${messageId}` : ''}`;
	if (documentId) return `${network}/documents/${documentId}${commentId ? `?comment=${commentId}` : ''}`;
	return network;
}
