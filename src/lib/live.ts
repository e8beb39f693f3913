// What the live channel (/live, server-sent events) tells an open page, and
// which of the page's loads each message makes stale. Loads declare these
// keys with depends(); the client invalidates them as messages arrive.

export type LiveEvent =
	| { type: 'activity'; network: string; action: string; subject: string | null; actor: string | null }
	| { type: 'notification' }
	/** Events may have been missed: everything is stale. */
	| { type: 'resync' };

export const LIVE_KEYS = {
	notifications: 'trama:notifications',
	discussions: 'trama:discussions',
	documents: 'trama:documents',
	members: 'trama:members',
	activity: 'trama:activity',
	/** The file space: folders, files, versions and the bin. */
	files: 'trama:files',
	/** The comments of one document. */
	comments: (documentId: string) => `trama:comments:${documentId}`
} as const;

/** The dependency keys an event makes stale; null means all of them. */
export function staleKeys(event: LiveEvent): string[] | null {
	if (event.type === 'resync') return null;
	if (event.type === 'notification') return [LIVE_KEYS.notifications];
	const keys: string[] = [LIVE_KEYS.activity];
	const [group] = event.action.split('_');
	if (group === 'thread') keys.push(LIVE_KEYS.discussions);
	if (group === 'document' || group === 'pact') keys.push(LIVE_KEYS.documents);
	// The members page lists pending invitations and offers the partners a person may speak for.
	if (['member', 'network', 'invitation', 'partner'].includes(group)) keys.push(LIVE_KEYS.members);
	if (group === 'file' || group === 'folder') keys.push(LIVE_KEYS.files);
	if (group === 'comment' && event.subject) keys.push(LIVE_KEYS.comments(event.subject));
	return keys;
}
