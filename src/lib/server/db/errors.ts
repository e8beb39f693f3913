import type { MessageKey } from '$lib/i18n/translate';

/** What node-postgres and PGlite both put on a database error. */
export interface PgError {
	code?: string;
	message?: string;
	constraint?: string;
	detail?: string;
}

// Exceptions raised on purpose by our SQL functions and triggers.
const RAISED: Record<string, MessageKey> = {
	last_facilitator: 'errors.last_facilitator',
	invitation_invalid: 'errors.invitation_invalid',
	invitation_used: 'errors.invitation_used',
	invitation_expired: 'errors.invitation_expired',
	invitation_revoked: 'errors.invitation_revoked',
	invitation_wrong_account: 'errors.invitation_wrong_account',
	not_authenticated: 'errors.not_authenticated',
	rate_limited: 'errors.posting_too_fast',
	folder_cycle: 'files.folderCycle',
	folder_not_empty: 'files.folderNotEmpty',
	too_many_attachments: 'attachments.tooMany',
	access_role_held: 'errors.access_role_held',
	access_request_pending: 'errors.access_request_pending',
	access_request_decided: 'errors.access_request_decided',
	access_message_length: 'errors.access_message_length',
	seal_not_found: 'errors.seal_not_found',
	seal_not_pact: 'errors.seal_not_pact',
	seal_not_facilitator: 'errors.seal_not_facilitator',
	adhesion_not_sealed: 'errors.adhesion_not_sealed',
	adhesion_not_speaking_for: 'errors.adhesion_not_speaking_for',
	adhesion_already: 'errors.adhesion_already',
	adhesion_none_standing: 'errors.adhesion_none_standing',
	withdrawal_reason_required: 'errors.withdrawal_reason_required',
	adhesion_file_invalid: 'errors.adhesion_file_invalid',
	adhesion_date_future: 'errors.adhesion_date_future',
	adhesion_act_after: 'errors.adhesion_act_after',
	reminder_not_facilitator: 'errors.reminder_not_facilitator',
	pact_has_seals: 'errors.pact_has_seals',
	pact_record_immutable: 'errors.pact_record_immutable',
	plan_record_immutable: 'errors.plan_record_immutable'
};

// Unique indexes whose violation means a name is already taken there.
const NAME_TAKEN: Record<string, MessageKey> = {
	partners_name_per_network: 'errors.partner_name_taken',
	files_name: 'files.nameTaken',
	file_folders_name: 'files.folderNameTaken'
};

/**
 * The message key for a database refusal a person can act on, or null for a
 * failure that is ours (and should reach handleError).
 */
export function refusalKey(error: unknown): MessageKey | null {
	const e = error as PgError;
	if (e?.code === 'P0001' && e.message && RAISED[e.message]) return RAISED[e.message];
	// Row-level security or a missing grant: the database said no.
	if (e?.code === '42501') return 'errors.not_allowed';
	if (e?.code === '23505' && e.constraint && Object.hasOwn(NAME_TAKEN, e.constraint)) return NAME_TAKEN[e.constraint];
	if (e?.code === '23503' && e.message?.includes('partner')) return 'errors.partner_invalid';
	// A chosen file deleted for good between the check and the attaching, or another network's.
	if (e?.code === '23503' && e.constraint === 'attachments_file_id_network_id_fkey') return 'attachments.unavailable';
	return null;
}
