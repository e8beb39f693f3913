// A proposed commitment as its pages show it, and the proposal form's
// values and problems: shared by the server (../server/pact/proposals.ts,
// proposal-form.ts) and the components under components/pact/proposals.
import type { MessageKey } from '../i18n/translate.ts';
import type { Commitment, CommitmentField } from './commitment.ts';

export type ProposalStatus = 'pending' | 'accepted' | 'declined';

export interface Proposal {
	id: string;
	partnerId: string | null;
	partnerName: string | null;
	proposedBy: string | null;
	proposedByName: string | null;
	proposedAt: Date;
	status: ProposalStatus;
	decidedByName: string | null;
	decidedAt: Date | null;
	declineReason: string | null;
	/** The commitment it proposes, checked; null when what is stored is not well-formed (it can only be declined). */
	commitment: Commitment | null;
	/** The title as stored, to name even a malformed proposal. */
	title: string;
}

/** A map entry a commitment may name, as the proposal form offers it. */
export type { MapChoice as ChoosableEntry } from './summary.ts';

/** What the form sends, as typed: text fields as strings, the chosen entries as lists. */
export interface ProposalValues {
	id: string;
	title: string;
	description: string;
	system: string;
	people: string;
	hours: string;
	spaces: string;
	euros: string;
	equipment: string;
	from: string;
	to: string;
	contact: string;
	needIds: string[];
	entryIds: string[];
}

/** A problem as the form shows it beside its field. */
export interface FieldProblem {
	key: MessageKey;
	params: Record<string, string | number>;
}

export type ProposalProblems = Partial<Record<CommitmentField | 'id', FieldProblem>>;
