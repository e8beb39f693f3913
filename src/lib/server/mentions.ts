// Writing the @names of a posted body as mentions, as the person posting:
// the members read are those their row-level security lets them see, so a
// name outside the network stays text; and the database notifies only
// members whatever the body says (mentioned_members()).
import { z } from 'zod';
import { isUuid } from '../uuid.ts';
import { writeMentions } from '../mentions.ts';
import type { Queryable } from './db/types.ts';

// A composer sends at most a few; more is a forged form, read no further.
const MOST_CHOSEN = 50;

/** The composer's hidden field: the ids of the members chosen from its suggestions, space-separated. */
export const chosenMentions = z
	.string()
	.optional()
	.transform((value) =>
		(value ?? '')
			.split(/[\s,]+/)
			.filter(isUuid)
			.slice(0, MOST_CHOSEN)
			.map((id) => id.toLowerCase())
	);

/** The body as it is stored: each @ and a member's exact name written as her mention. */
export async function withMentions(tx: Queryable, networkId: string, body: string, chosen: readonly string[]): Promise<string> {
	if (!body.includes('@')) return body;
	const { rows } = await tx.query<{ id: string; name: string }>(
		`select m.user_id as id, p.display_name as name
		 from public.memberships m join public.profiles p on p.id = m.user_id
		 where m.network_id = $1`,
		[networkId]
	);
	return writeMentions(body, rows, chosen);
}
