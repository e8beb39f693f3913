// The actions of the activity record, mirroring the SQL enum activity_action
// (supabase/migrations/20261123110200_activity.sql): the database writes only
// these, so change both together. An integration test compares them.
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
	'comment_reopened'
] as const;

export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

/** The kinds a person filters the record by; the network's creation belongs to none of them. */
export const ACTIVITY_GROUPS = ['documents', 'discussions', 'comments', 'people'] as const;
export type ActivityGroup = (typeof ACTIVITY_GROUPS)[number];

const PREFIX: Record<ActivityGroup, string> = {
	documents: 'document_',
	discussions: 'thread_',
	comments: 'comment_',
	people: 'member_'
};

/** The actions a group shows. */
export function actionsOf(group: ActivityGroup): ActivityAction[] {
	return ACTIVITY_ACTIONS.filter((action) => action.startsWith(PREFIX[group]));
}

export const isActivityGroup = (value: unknown): value is ActivityGroup =>
	ACTIVITY_GROUPS.includes(value as ActivityGroup);
