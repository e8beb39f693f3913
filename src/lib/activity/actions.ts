// The actions of the activity record, mirroring the SQL enum activity_action
// (supabase/migrations/20261123110200_activity.sql, the file space's in
// 20261123140100_files_activity.sql, partners' and invitations' in
// 20261207170000_partner_details.sql, requests for more access' in
// 20261207176000_access_requests.sql, proposals of commitments' in
// 20261207183000_commitment_proposals.sql, a pact's seals and adhesions' in
// 20261207184000_pact_seals.sql, a plan's follow-up's in
// 20261207188000_plan_follow_up_activity.sql): the database writes only these, in
// this order, so change both together. An integration test compares them.
export const ACTIVITY_ACTIONS = [
	'network_created',
	'member_joined',
	'member_role_changed',
	'member_left',
	'member_removed',
	'document_created',
	'document_renamed',
	'document_status_changed',
	'document_edited',
	'document_version_saved',
	'document_deleted',
	'thread_started',
	'thread_replied',
	'thread_closed',
	'thread_reopened',
	'thread_pinned',
	'thread_unpinned',
	'thread_deleted',
	'comment_added',
	'comment_replied',
	'comment_resolved',
	'comment_reopened',
	'file_uploaded',
	'file_version_uploaded',
	'file_version_restored',
	'file_renamed',
	'file_moved',
	'file_deleted',
	'file_restored',
	'file_purged',
	'folder_created',
	'folder_renamed',
	'folder_deleted',
	'partner_added',
	'partner_edited',
	'partner_removed',
	'invitation_sent',
	'invitation_accepted',
	'invitation_revoked',
	'access_granted',
	'access_declined',
	'commitment_proposed',
	'commitment_accepted',
	'commitment_declined',
	'pact_sealed',
	'pact_adhered',
	'pact_withdrawn',
	'plan_progress_posted',
	'plan_verified'
] as const;

export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

/** The kinds a person filters the record by; the network's creation belongs to none of them. */
export const ACTIVITY_GROUPS = ['documents', 'discussions', 'comments', 'files', 'partners', 'people'] as const;
export type ActivityGroup = (typeof ACTIVITY_GROUPS)[number];

const PREFIXES: Record<ActivityGroup, string[]> = {
	documents: ['document_', 'commitment_', 'pact_', 'plan_'],
	discussions: ['thread_'],
	comments: ['comment_'],
	files: ['file_', 'folder_'],
	partners: ['partner_'],
	people: ['member_', 'invitation_', 'access_']
};

/** The actions a group shows. */
export function actionsOf(group: ActivityGroup): ActivityAction[] {
	return ACTIVITY_ACTIONS.filter((action) => PREFIXES[group].some((prefix) => action.startsWith(prefix)));
}

export const isActivityGroup = (value: unknown): value is ActivityGroup =>
	ACTIVITY_GROUPS.includes(value as ActivityGroup);
