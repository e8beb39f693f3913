import type { approval as it } from '../it/approval.ts';

// English messages of approval and review.
export const approval: Record<keyof typeof it, string> = {
	'approval.approvedBy': 'Approved by {name} on {date}.',
	'approval.approvedOn': 'Approved on {date}.',
	'approval.readOnly': 'The approved text cannot be changed until a facilitator reopens it. Comments stay open.',
	'approval.keptVersion': 'Version kept: {name}',
	'approval.versionName': 'Approved on {date}',
	'approval.approveHint': 'Approving keeps a version of the text and makes it read-only for everyone until a facilitator reopens it.',
	'approval.approved': 'Document approved: the text is kept as the version “{name}” and is now read-only.',
	'approval.approveRefused': 'Only facilitators approve documents, and not an archived one.',
	'approval.reopen': 'Reopen',
	'approval.reopenTitle': 'Reopen the document',
	'approval.reopenIntro': 'The document can be edited again. The reason stays in the activity record.',
	'approval.reopenTo': 'Back to',
	'approval.reason': 'Reason',
	'approval.reasonRequired': 'Say why you reopen the document (at most 500 characters).',
	'approval.reopenStatusInvalid': 'Choose whether the document goes back to draft or to review.',
	'approval.reopenSubmit': 'Reopen the document',
	'approval.reopened': 'Document reopened: it is now “{status}”.',
	'approval.reopenRefused': 'Only facilitators reopen an approved document.',
	'approval.reviewDue': 'In review: comments by {date}.',
	'approval.reviewOpen': 'In review, with no deadline.',
	'approval.dueLabel': 'Review deadline (optional)',
	'approval.dueHint': 'Only if you choose “In review”: those who may comment are notified, and reminded the day before.',
	'approval.dueInvalid': 'Choose a valid date, from today to a year from today.',

	'activity.sentence.document_reopened': '{actor} reopened “{subject}” (from {from} to {to}) because: {reason}',
	'editor.readOnly.approved': 'This document is approved: it can be read and commented on, not changed until a facilitator reopens it.',
	'map.readOnly.approved': 'This map is approved: its entries cannot be changed until a facilitator reopens it.',

	'notifications.kind.review_requested': 'Review',
	'notifications.kind.review_reminder': 'Reminder',
	'notifications.summary.review_requested.document': '{actor} asks you to review “{title}”: you may comment on it',
	'notifications.summary.review_requested.thread': '{actor} asks you to review “{title}”: you may comment on it',
	'notifications.summary.review_reminder.document': 'Reminder: the review of “{title}” is about to close',
	'notifications.summary.review_reminder.thread': 'Reminder: the review of “{title}” is about to close',
	'notifications.setting.review_requested': 'Review requests',
	'notifications.setting.review_requested.help': 'When a document you may comment on is put in review.',
	'notifications.setting.review_reminder': 'Review reminders',
	'notifications.setting.review_reminder.help': 'The day before a review closes.'
};
