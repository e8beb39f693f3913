import type { confirm as it } from '../it/confirm.ts';

// English messages of the confirmations asked before a destructive change.
export const confirm: Record<keyof typeof it, string> = {
	'confirm.cancel': 'Cancel',

	'confirm.partner.title': 'Remove the partner “{name}” from the network?',
	'confirm.partner.membersOne':
		'One person in the network speaks for this partner: they stay in the network with their role, without a partner.',
	'confirm.partner.membersMany':
		'{count} people in the network speak for this partner: they stay in the network with their roles, without a partner.',
	'confirm.partner.invitationsOne': 'One pending invitation is on behalf of this partner: it stays valid, without a partner.',
	'confirm.partner.invitationsMany': '{count} pending invitations are on behalf of this partner: they stay valid, without a partner.',
	'confirm.partner.entriesOne':
		'One entry of the territorial map names this partner as its organisation: the entry stays, without one.',
	'confirm.partner.entriesMany':
		'{count} entries of the territorial map name this partner as their organisation: the entries stay, without one.',
	'confirm.partner.final': 'This cannot be undone: to have it back, add it again and link its people and entries again.',
	'confirm.partner.confirm': 'Yes, remove the partner',

	'confirm.member.title': 'Remove {name} from the network?',
	'confirm.member.access':
		'{name} loses access to the network at once: documents, discussions, map and files. A document they have open closes.',
	'confirm.member.kept': 'Their comments, messages and writing stay, signed with their name.',
	'confirm.member.return': 'To bring them back, they will need a new invitation.',
	'confirm.member.confirm': 'Yes, remove',

	'confirm.leave.title': 'Leave the network “{network}”?',
	'confirm.leave.access': 'You will no longer be able to open this network’s documents, discussions, map and files.',
	'confirm.leave.kept': 'Your comments, messages and writing stay, signed with your name.',
	'confirm.leave.return': 'To come back, you will need a new invitation from a facilitator.',
	'confirm.leave.lastFacilitator':
		'You are the only facilitator of this network, and a network always needs one: before leaving, make another member a facilitator below.',
	'confirm.leave.confirm': 'Yes, leave the network',

	'confirm.restore.title': 'Restore “{name}”?',
	'confirm.restore.text': 'The document goes back to this version, at once and for everyone writing in it.',
	'confirm.restore.kept': 'The text of now is first saved as the version “Before restoring”: you can restore it in turn.',
	'confirm.restore.commentsNone': 'No open comment loses the text it is attached to.',
	'confirm.restore.commentsOne':
		'One open comment loses the text it is attached to: it stays, with the words it quoted, but no longer highlighted in the document.',
	'confirm.restore.commentsMany':
		'{count} open comments lose the text they are attached to: they stay, with the words they quoted, but no longer highlighted in the document.',
	'confirm.restore.commentsTitle': 'Comments that lose their text',
	'confirm.restore.savedName': 'Before restoring',
	'confirm.restore.confirm': 'Yes, restore',

	'confirm.binnedStays': 'It stays there {days} days, then is deleted for good; until then it can be restored.',
	'confirm.undo': 'Undo',
	'confirm.undoBin': 'Undo: take “{name}” out of the bin',

	'confirm.purge.title': 'Delete “{name}” for good?',
	'confirm.purge.version': 'The file is deleted and can no longer be recovered, from the bin or anywhere else.',
	'confirm.purge.versionsMany': 'The file is deleted with all its {count} versions and can no longer be recovered, from the bin or anywhere else.',
	'confirm.purge.attachmentsOne': 'It is attached to a post or a comment: the post stays, without the attachment.',
	'confirm.purge.attachmentsMany': 'It is attached to {count} posts or comments: they stay, without the attachment.',
	'confirm.purge.confirm': 'Yes, delete for good',

	'confirm.thread.title': 'Delete the discussion “{title}”?',
	'confirm.thread.repliesOne': 'Its reply is deleted with it.',
	'confirm.thread.repliesMany': 'Its {count} replies are deleted with it.',
	'confirm.thread.attachmentsOne': 'One attached file is no longer linked to the discussion: it stays in the file space.',
	'confirm.thread.attachmentsMany': '{count} attached files are no longer linked to the discussion: they stay in the file space.',
	'confirm.thread.final': 'It disappears for everyone in the network and cannot be undone.',
	'confirm.thread.confirm': 'Yes, delete the discussion',

	'confirm.document.title': 'Delete the document “{title}”?',
	'confirm.document.text': 'Its text is deleted, with the history of its changes.',
	'confirm.document.versionsOne': 'Its saved version is deleted with it.',
	'confirm.document.versionsMany': 'Its {count} saved versions are deleted with it.',
	'confirm.document.commentsOne': 'Its comment is deleted.',
	'confirm.document.commentsMany': 'Its {count} comments are deleted.',
	'confirm.document.entriesOne': 'Its map entry is deleted.',
	'confirm.document.entriesMany': 'Its {count} map entries are deleted.',
	'confirm.document.threadsOne': 'One discussion about it stays, no longer linked to the document.',
	'confirm.document.threadsMany': '{count} discussions about it stay, no longer linked to the document.',
	'confirm.document.archiveInstead': 'If you only want to close it, archive it instead: everyone can still read it and nobody can change it.',
	'confirm.document.final': 'It disappears for everyone in the network, including whoever has it open now, and cannot be undone.',
	'confirm.document.confirm': 'Yes, delete the document',
	'confirm.document.blocked': 'Only the network’s facilitators can delete a document.'
};
