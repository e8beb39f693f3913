import type { ActivityEntry } from '../../activity/entry.ts';
import { commentPath } from '../comments/path.ts';
import { sealPath } from '../../pact/paths.ts';

/** Whether what an entry is about is still there, as the person's own query found it. */
export interface Still {
	/** The document, discussion, member, invitation, partner, file or folder the entry names. */
	subject: boolean;
	/** The comment or reply its details name. */
	detail: boolean;
	/** The kind of the document an item comment's item is in, which names the page of its items. */
	documentKind?: string | null;
}

const id = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * The page of what an entry is about, or null when that is gone: the
 * document (at the comment, when the comment is still there; a comment on
 * a map entry, at that entry on the map's entries page), the
 * discussion (at the reply), the network's people (for an invitation too),
 * its partners, the file (in the bin
 * too, where it can be restored), the folder's listing, the network itself.
 */
export function subjectHref(
	networkId: string,
	entry: Pick<ActivityEntry, 'action' | 'subjectId' | 'details'>,
	still: Still
): string | null {
	const network = `/networks/${networkId}`;
	if (entry.action === 'network_created') return network;
	if (!still.subject || !entry.subjectId) return null;
	const [group] = entry.action.split('_');
	if (group === 'member' || group === 'invitation') return `${network}/members`;
	if (group === 'partner') return `${network}/partners`;
	if (group === 'file') return `${network}/files/${entry.subjectId}`;
	if (group === 'folder') return `${network}/files?folder=${entry.subjectId}`;
	if (group === 'commitment') return `${network}/documents/${entry.subjectId}/commitments/proposals`;
	// A seal or an adhesion: the sealed version's page, where the register is.
	if (group === 'pact') return sealPath(network, entry.subjectId, id(entry.details.seal));
	if (group === 'thread') {
		const message = still.detail ? id(entry.details.message) : null;
		return `${network}/discussions/${entry.subjectId}${message ? `#message-${message}` : ''}`;
	}
	const comment = group === 'comment' && still.detail ? id(entry.details.comment) : null;
	return commentPath(network, entry.subjectId, comment, id(entry.details.entry), still.documentKind);
}
