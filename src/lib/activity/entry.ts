import type { ActivityAction } from './actions.ts';

/** One entry of a network's activity record, as the database wrote it. */
export interface ActivityEntry {
	/** The record's own order: a later entry has a larger id. */
	id: string;
	action: ActivityAction;
	actorId: string | null;
	/** Who it was then: the record keeps names even after a profile changes or goes. */
	actorName: string;
	actorOrganisation: string;
	subjectId: string | null;
	subjectTitle: string;
	/** What else the trigger kept: roles or statuses before and after, a kind, a version's name, a quote. */
	details: Record<string, unknown>;
	createdAt: Date;
}

/** An entry as the activity page shows it. */
export interface ShownActivity extends ActivityEntry {
	/** Where what it is about can be seen, or null when that is gone or hidden. */
	href: string | null;
}
