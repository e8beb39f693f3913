// A commitment as a row of public.pact_commitments, and back: the collab
// server writes the pact's commitments as rows, the pages and the exports
// read them back as commitments (queries.ts).
import type { Commitment } from '../../pact/commitment.ts';

/** A row of pact_commitments, keys in the table's order. */
export interface CommitmentRow {
	id: string;
	partner_id: string | null;
	title: string;
	description: string;
	system: Commitment['system'];
	people: number | null;
	hours: number | null;
	spaces: string;
	/** numeric comes back from Postgres as a string, exact. */
	euros: string | number | null;
	equipment: string;
	starts_on: string | null;
	ends_on: string | null;
	contact: string;
	need_ids: string[];
	entry_ids: string[];
}

/** The columns in the table's order, as read back (dates as yyyy-mm-dd text). */
export const COMMITMENT_COLUMNS =
	'id, partner_id, title, description, system::text as system, people, hours, spaces, euros, equipment, ' +
	'starts_on::text as starts_on, ends_on::text as ends_on, contact, need_ids, entry_ids';

/** The row a commitment becomes. */
export function commitmentRow(commitment: Commitment): CommitmentRow {
	return {
		id: commitment.id,
		partner_id: commitment.partnerId,
		title: commitment.title,
		description: commitment.description,
		system: commitment.system,
		people: commitment.people,
		hours: commitment.hours,
		spaces: commitment.spaces,
		euros: commitment.euros,
		equipment: commitment.equipment,
		starts_on: commitment.from,
		ends_on: commitment.to,
		contact: commitment.contact,
		need_ids: commitment.needIds,
		entry_ids: commitment.entryIds
	};
}

/** The commitment a row holds; a removed partner's commitment names none (''). */
export function commitmentOfRow(row: CommitmentRow): Commitment {
	return {
		id: row.id,
		partnerId: row.partner_id ?? '',
		title: row.title,
		description: row.description,
		system: row.system,
		people: row.people,
		hours: row.hours,
		spaces: row.spaces,
		euros: row.euros === null ? null : Number(row.euros),
		equipment: row.equipment,
		from: row.starts_on,
		to: row.ends_on,
		contact: row.contact,
		needIds: row.need_ids,
		entryIds: row.entry_ids
	};
}
