// A network's activity record, read as the person (locals.db): the policy
// shows it to the network's members, and only the database function
// activity_for_export() decides who may take all of it away.
import type { Queryable } from '../db/types.ts';
import { actionsOf, type ActivityGroup } from '../../activity/actions.ts';
import type { ActivityEntry, ShownActivity } from '../../activity/entry.ts';
import { subjectHref } from './links.ts';

export const ACTIVITY_PAGE_SIZE = 50;

const ENTRY = `a.id::text as id, a.action::text as action, a.actor_id as "actorId", a.actor_name as "actorName",
	a.actor_organisation as "actorOrganisation", a.subject_id as "subjectId", a.subject_title as "subjectTitle",
	a.details, a.created_at as "createdAt"`;

export interface ActivityFilters {
	group?: ActivityGroup | null;
	actorId?: string | null;
	/** Only entries older than this one (keyset pagination by id, which follows time). */
	before?: string | null;
}

export interface ActivityPage {
	entries: ShownActivity[];
	/** The cursor of the next (older) page, or null when this is the last. */
	next: string | null;
}

export async function listActivity(
	tx: Queryable,
	networkId: string,
	{ group = null, actorId = null, before = null }: ActivityFilters = {},
	limit = ACTIVITY_PAGE_SIZE
): Promise<ActivityPage> {
	// Whether the subject and the comment or reply are still there is asked
	// as the person too: what they may not see has no link. It is asked of
	// the page's entries only, chosen first: asked beside the LIMIT, the
	// planner expects thousands of entries and hashes every message of the
	// network instead, checking the policy on each (55 ms at 10,000 messages).
	const { rows } = await tx.query<ActivityEntry & { subjectExists: boolean; detailExists: boolean; documentKind: string | null }>(
		`select ${ENTRY},
		        case
		          when a.action = 'network_created' then true
		          when a.action::text like 'member\\_%' then exists (
		            select 1 from public.memberships m where m.network_id = a.network_id and m.user_id = a.subject_id)
		          when a.action::text like 'thread\\_%' then exists (select 1 from public.threads t where t.id = a.subject_id)
		          when a.action::text like 'file\\_%' then exists (select 1 from public.files f where f.id = a.subject_id)
		          when a.action::text like 'folder\\_%' then exists (select 1 from public.file_folders f where f.id = a.subject_id)
		          when a.action::text like 'partner\\_%' then exists (select 1 from public.partners p where p.id = a.subject_id)
		          -- Pending or not: only facilitators see invitations, and the members page lists them.
		          when a.action::text like 'invitation\\_%' then exists (select 1 from public.invitations i where i.id = a.subject_id)
		          else exists (select 1 from public.documents d where d.id = a.subject_id)
		        end as "subjectExists",
		        case
		          when a.details ->> 'comment' is not null then exists (
		            select 1 from public.comments c where c.id = (a.details ->> 'comment')::uuid)
		          when a.details ->> 'message' is not null then exists (
		            select 1 from public.thread_messages m where m.id = (a.details ->> 'message')::uuid)
		          else false
		        end as "detailExists",
		        -- The page of an item comment's item: a map's entries, a pact's commitments.
		        case when a.details ? 'entry' then (
		          select d.kind::text from public.documents d where d.id = a.subject_id) end as "documentKind"
		 from (
		   select * from public.activity a
		   where a.network_id = $1
		     and ($2::text[] is null or a.action = any ($2::text[]::public.activity_action[]))
		     and ($3::uuid is null or a.actor_id = $3::uuid)
		     and ($4::bigint is null or a.id < $4::bigint)
		   order by a.id desc
		   limit $5
		 ) a
		 order by a.id desc`,
		[networkId, group ? actionsOf(group) : null, actorId, before, limit + 1]
	);
	const entries = rows.slice(0, limit).map(({ subjectExists, detailExists, documentKind, ...entry }) => ({
		...entry,
		href: subjectHref(networkId, entry, { subject: subjectExists, detail: detailExists, documentKind })
	}));
	return { entries, next: rows.length > limit ? (entries.at(-1)?.id ?? null) : null };
}

export interface Actor {
	id: string;
	name: string;
}

/**
 * Everyone who has done something in the network, by the name they had most
 * recently, for the person filter. A skip scan (each step the next actor in
 * the index) keeps it to a few lookups per person however long the record.
 */
export async function listActors(tx: Queryable, networkId: string): Promise<Actor[]> {
	const { rows } = await tx.query<Actor>(
		`with recursive actors (id) as (
		   (select a.actor_id from public.activity a
		    where a.network_id = $1 and a.actor_id is not null order by a.actor_id limit 1)
		   union all
		   select (select a.actor_id from public.activity a
		           where a.network_id = $1 and a.actor_id > actors.id order by a.actor_id limit 1)
		   from actors where actors.id is not null
		 )
		 select id, name from (
		   select actors.id,
		          (select a.actor_name from public.activity a
		           where a.network_id = $1 and a.actor_id = actors.id and a.actor_name <> ''
		           order by a.id desc limit 1) as name
		   from actors where actors.id is not null
		 ) named
		 where name is not null
		 order by lower(name), id`,
		[networkId]
	);
	return rows;
}

/**
 * The whole record, oldest first, for the CSV export. The database refuses
 * anyone but the network's facilitators with 42501.
 */
export async function exportActivity(tx: Queryable, networkId: string): Promise<ActivityEntry[]> {
	const { rows } = await tx.query<ActivityEntry>(`select ${ENTRY} from public.activity_for_export($1) a order by a.id`, [
		networkId
	]);
	return rows;
}
