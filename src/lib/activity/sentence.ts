// An activity entry in words, in either language: the sentence the activity
// page shows ("Marco Ferri ha modificato «Mappatura…»"), and for the CSV
// export a short label of the action and the details apart.
import { translate, type Locale, type MessageKey } from '../i18n/translate.ts';
import { ROLES, SYSTEMS } from '../domain.ts';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from '../documents/kinds.ts';
import { ACTION_STATUSES, VERDICTS } from '../plan/plan.ts';
import type { ActivityAction } from './actions.ts';
import type { ActivityEntry } from './entry.ts';

type Described = Pick<ActivityEntry, 'action' | 'actorName' | 'subjectTitle' | 'details'>;

/** A piece of a sentence; the actor and the subject are marked so a page can set them apart or link them. */
export interface SentencePart {
	text: string;
	role?: 'actor' | 'subject';
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const numeral = (value: unknown): string => (typeof value === 'number' ? String(value) : '');

/** A value of one of our vocabularies in words; anything unknown is shown as stored. */
function named(locale: Locale, value: unknown, known: readonly string[], prefix: string, lower = true): string {
	const raw = text(value);
	if (!known.includes(raw)) return raw;
	const label = translate(locale, `${prefix}.${raw}` as MessageKey);
	return lower ? label.toLocaleLowerCase(locale) : label;
}

/** Where a file moved from or to: a folder by its name, or (null) the top of the file space. */
function folderPlace(locale: Locale, value: unknown, end: 'from' | 'to'): string {
	const name = text(value);
	return name ? translate(locale, `activity.folder.${end}`, { name }) : translate(locale, `activity.folder.${end}Top`);
}

// The partner's columns an edit may change, as the trigger names them, in the form's order.
const PARTNER_FIELDS = ['name', 'kind', 'systems', 'description', 'address', 'website', 'tax_code', 'legal_representative', 'contact_person'];

/** Systems as stored (["social","employment"]) in words: "sociale, lavoro". */
const systemList = (locale: Locale, value: unknown): string =>
	(Array.isArray(value) ? value : []).map((system) => named(locale, system, SYSTEMS, 'system')).join(', ');

/** What a partner's edit changed: "nome (prima «Il Ponte»), sistemi (prima: lavoro), indirizzo". */
function partnerChanges(locale: Locale, details: Record<string, unknown>): string {
	const changed: unknown[] = Array.isArray(details.fields) ? details.fields : [];
	return PARTNER_FIELDS.filter((field) => changed.includes(field))
		.map((field) =>
			translate(locale, `activity.changed.${field}` as MessageKey, {
				from: field === 'systems' ? systemList(locale, details.systemsFrom) : text(details.from)
			})
		)
		.join(', ');
}

/** The placeholders each action's messages use besides {actor} and {subject}. */
function params(locale: Locale, { action, details }: Described): Record<string, string> {
	switch (action) {
		case 'member_joined':
		case 'access_granted':
		case 'access_declined':
			return { role: named(locale, details.role, ROLES, 'role') };
		case 'member_role_changed':
			return { from: named(locale, details.from, ROLES, 'role'), to: named(locale, details.to, ROLES, 'role') };
		case 'document_created':
			return { kind: named(locale, details.kind, DOCUMENT_KINDS, 'documents.kind', false) };
		case 'document_renamed':
		case 'file_renamed':
		case 'folder_renamed':
			return { from: text(details.from) };
		case 'document_status_changed':
			return {
				from: named(locale, details.from, DOCUMENT_STATUSES, 'documents.status'),
				to: named(locale, details.to, DOCUMENT_STATUSES, 'documents.status'),
				reason: text(details.reason)
			};
		case 'document_version_saved':
			return { name: text(details.name) };
		case 'file_version_uploaded':
			return { version: numeral(details.version) };
		case 'file_version_restored':
			return { version: numeral(details.version), from: numeral(details.from) };
		case 'file_moved':
			return { from: folderPlace(locale, details.from, 'from'), to: folderPlace(locale, details.to, 'to') };
		case 'partner_edited':
			return { changes: partnerChanges(locale, details) };
		case 'invitation_sent':
		case 'invitation_accepted':
		case 'invitation_revoked':
			return {
				role: named(locale, details.role, ROLES, 'role'),
				partner: text(details.partner) ? translate(locale, 'activity.partnerOf', { name: text(details.partner) }) : ''
			};
		case 'commitment_proposed':
		case 'commitment_accepted':
		case 'commitment_declined':
			return { commitment: text(details.title), partner: text(details.partner), reason: text(details.reason) };
		case 'pact_sealed':
		case 'pact_adhered':
		case 'pact_withdrawn':
			return { number: numeral(details.number), partner: text(details.partner), reason: text(details.reason) };
		case 'plan_progress_posted':
			return { action: text(details.title), status: named(locale, details.status, ACTION_STATUSES, 'planFollowUp.status') };
		case 'plan_verified':
			return { action: text(details.title), verdict: named(locale, details.verdict, VERDICTS, 'planFollowUp.verdict') };
		default:
			return { quote: text(details.quote) };
	}
}

/** The entry as a sentence, in parts. */
export function activitySentence(locale: Locale, entry: Described): SentencePart[] {
	const values = params(locale, entry);
	const actor = entry.actorName || translate(locale, 'activity.someone');
	// The message without its values, split at its placeholders. A file purged
	// by nobody is one the server took out of the bin when its 30 days ran out.
	const automatic = entry.action === 'file_purged' && !entry.actorName;
	// An approved document reopened says why (reopen_document keeps the reason).
	const reopened = entry.action === 'document_status_changed' && values.reason;
	const template = translate(
		locale,
		automatic ? 'activity.sentence.file_purged_by_bin' : reopened ? 'activity.sentence.document_reopened' : `activity.sentence.${entry.action}`
	);
	return template
		.split(/(\{\w+\})/)
		.filter(Boolean)
		.map((piece): SentencePart => {
			if (piece === '{actor}') return { text: actor, role: 'actor' };
			if (piece === '{subject}') return { text: entry.subjectTitle, role: 'subject' };
			const name = /^\{(\w+)\}$/.exec(piece)?.[1];
			return { text: name ? (values[name] ?? '') : piece };
		});
}

/** The entry as one line of plain text. */
export function activityText(locale: Locale, entry: Described): string {
	return activitySentence(locale, entry)
		.map((part) => part.text)
		.join('');
}

/** A short name of the action, for a column of its own ("Documento modificato"). */
export function activityLabel(locale: Locale, action: ActivityAction): string {
	return translate(locale, `activity.action.${action}`);
}

// What the details column of the export says for each action that has any.
const DETAILS: Partial<Record<ActivityAction, MessageKey>> = {
	member_joined: 'activity.details.role',
	member_role_changed: 'activity.details.fromTo',
	document_created: 'activity.details.kind',
	document_renamed: 'activity.details.renamed',
	document_status_changed: 'activity.details.fromTo',
	document_version_saved: 'activity.details.version',
	comment_added: 'activity.details.quote',
	comment_resolved: 'activity.details.quote',
	comment_reopened: 'activity.details.quote',
	file_version_uploaded: 'activity.details.fileVersion',
	file_version_restored: 'activity.details.fileRestored',
	file_renamed: 'activity.details.renamedFile',
	file_moved: 'activity.details.moved',
	folder_renamed: 'activity.details.renamedFile',
	partner_edited: 'activity.details.changes',
	invitation_sent: 'activity.details.invitation',
	invitation_accepted: 'activity.details.invitation',
	invitation_revoked: 'activity.details.invitation',
	access_granted: 'activity.details.role',
	access_declined: 'activity.details.role',
	commitment_declined: 'activity.details.commitment_declined',
	pact_sealed: 'activity.details.pactSeal',
	pact_adhered: 'activity.details.pactAdhesion',
	pact_withdrawn: 'activity.details.pactWithdrawal',
	plan_progress_posted: 'activity.details.planProgress',
	plan_verified: 'activity.details.planVerification'
};

/** The entry's details in words, or '' when it has none. */
export function activityDetails(locale: Locale, entry: Described): string {
	const key = DETAILS[entry.action];
	const values = params(locale, entry);
	// A detail whose value the trigger did not keep says nothing rather than "«»".
	if (!key || Object.values(values).every((value) => value === '')) return '';
	return translate(locale, key, values);
}

/** The commented text an entry about a comment keeps, or ''. */
export const quoteOf = (entry: Pick<ActivityEntry, 'action' | 'details'>): string =>
	entry.action.startsWith('comment_') ? text(entry.details.quote) : '';
