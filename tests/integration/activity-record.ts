import type { Queryable } from '../../src/lib/server/db/types.ts';

// The activity record read back as the service, to hold against what a test
// did: a network's entries, or only those one step added, each as the
// columns a person would see.

export interface RecordedEntry {
	actor_id: string | null;
	actor_name: string;
	action: string;
	subject_id: string | null;
	subject_title: string;
	details: Record<string, unknown>;
}

/** An entry as the record should read: `actor` (nobody, for the service) did `action` to `subject`, then called `title`. */
export const entry = (
	actor: { id: string; name: string } | null,
	action: string,
	subject: { id: string | null; title: string },
	details = {}
): RecordedEntry => ({
	actor_id: actor?.id ?? null,
	actor_name: actor?.name ?? '',
	action,
	subject_id: subject.id,
	subject_title: subject.title,
	details
});

/** The network's entries, oldest first; only those after entry `after` when given. */
export const entriesOf = async (db: Queryable, network: { id: string }, after = 0): Promise<RecordedEntry[]> =>
	(
		await db.query<RecordedEntry & { id: string }>(
			`select id, actor_id, actor_name, action::text as action, subject_id, subject_title, details
			 from public.activity where network_id = $1 and id > $2 order by id`,
			[network.id, after]
		)
	).rows.map(({ id: _, ...rest }) => rest);

/** The entries `act` added to the network's record. */
export async function recorded(db: Queryable, network: { id: string }, act: () => Promise<unknown>): Promise<RecordedEntry[]> {
	const { rows } = await db.query<{ last: string | null }>('select max(id)::text as last from public.activity');
	await act();
	return entriesOf(db, network, Number(rows[0].last ?? 0));
}
