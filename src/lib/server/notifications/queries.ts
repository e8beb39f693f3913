// A person's notifications and their settings. Every function runs in a
// transaction opened as the person (locals.db): the policies show each
// person their own notifications, from the networks they still belong to,
// and let them mark only those as read. Nothing here filters by user id.
import type { Queryable } from '../db/types.ts';
import { NOTIFICATION_KINDS, type NotificationItem, type NotificationKind } from '../../notifications.ts';
import { formatKeyset, keysetTime, type Keyset } from '../keyset.ts';
import type { NotificationTarget } from './target.ts';

export const PAGE_SIZE = 20;
/** public.excerpt_of() keeps this many characters of a body: an excerpt this long was cut. */
const EXCERPT_LIMIT = 200;

export async function countUnread(tx: Queryable): Promise<number> {
	const { rows } = await tx.query<{ count: number }>(
		'select count(*)::int as count from public.notifications where read_at is null'
	);
	return rows[0].count;
}

export interface NotificationPage {
	items: NotificationItem[];
	/** The cursor of the next (older) page, or null when this is the last. */
	next: string | null;
}

export async function listNotifications(
	tx: Queryable,
	{ unreadOnly = false, before = null, limit = PAGE_SIZE }: { unreadOnly?: boolean; before?: Keyset | null; limit?: number } = {}
): Promise<NotificationPage> {
	const { rows } = await tx.query<NotificationItem & { cursor: string }>(
		`select n.id, n.kind::text as kind, n.created_at as "createdAt", n.read_at is not null as read,
		        n.excerpt || case when char_length(n.excerpt) >= ${EXCERPT_LIMIT} then '…' else '' end as excerpt,
		        n.network_id as "networkId", net.name as "networkName", p.display_name as "actorName",
		        case when n.thread_id is not null then 'thread' when n.document_id is not null then 'document' else 'network' end as about,
		        coalesce(t.title, d.title, '') as title,
		        case when ar.id is not null then json_build_object(
		          'requestId', ar.id, 'role', ar.role, 'status', ar.status,
		          'decidedByName', dp.display_name, 'decidedAt', ar.decided_at) end as access,
		        ${keysetTime('n.created_at')} as cursor
		 from public.notifications n
		 join public.networks net on net.id = n.network_id
		 left join public.profiles p on p.id = n.actor_id
		 left join public.threads t on t.id = n.thread_id
		 left join public.documents d on d.id = n.document_id
		 left join public.access_requests ar on ar.id = n.access_request_id
		 left join public.profiles dp on dp.id = ar.decided_by
		 where (not $1 or n.read_at is null)
		   and ($2::timestamptz is null or (n.created_at, n.id) < ($2::timestamptz, $3::uuid))
		 order by n.created_at desc, n.id desc
		 limit $4`,
		[unreadOnly, before?.at ?? null, before?.id ?? null, limit + 1]
	);
	const page = rows.slice(0, limit);
	const last = page.at(-1);
	return {
		items: page.map(({ cursor: _, ...item }) => item),
		next: rows.length > limit && last ? formatKeyset({ at: last.cursor, id: last.id }) : null
	};
}

/** Marks one notification read; false when the policies hid it (someone else's, or not there). */
export async function markRead(tx: Queryable, id: string): Promise<boolean> {
	const { rows } = await tx.query(
		'update public.notifications set read_at = coalesce(read_at, now()) where id = $1 returning id',
		[id]
	);
	return rows.length === 1;
}

/** Marks every unread notification of this person read; returns how many. */
export async function markAllRead(tx: Queryable): Promise<number> {
	const { rows } = await tx.query('update public.notifications set read_at = now() where read_at is null returning id');
	return rows.length;
}

/**
 * What a notification points at, marking it read on the way; null when the
 * policies hide it. Only an unread one is written to, so following a link
 * twice announces nothing new.
 */
export async function openNotification(tx: Queryable, id: string): Promise<NotificationTarget | null> {
	const { rows } = await tx.query<NotificationTarget & { read: boolean }>(
		`select n.kind::text as kind, n.network_id as "networkId", n.thread_id as "threadId", n.message_id as "messageId",
		        n.document_id as "documentId", n.comment_id as "commentId", c.entry_id as "entryId",
		        -- The page of an item comment's item (a map's entries, a pact's commitments).
		        case when c.entry_id is not null then d.kind::text end as "documentKind",
		        n.plan_action_id as "planActionId", n.read_at is not null as read
		 from public.notifications n
		 left join public.comments c on c.id = n.comment_id
		 left join public.documents d on d.id = n.document_id
		 where n.id = $1`,
		[id]
	);
	const found = rows[0];
	if (!found) return null;
	if (!found.read) await tx.query('update public.notifications set read_at = now() where id = $1', [id]);
	const { read: _, ...target } = found;
	return target;
}

/** The kinds this person turned off; none until they choose. */
export async function readMutedKinds(tx: Queryable): Promise<NotificationKind[]> {
	const { rows } = await tx.query<{ muted: string[] }>('select muted::text[] as muted from public.notification_settings');
	const muted = rows[0]?.muted ?? [];
	return NOTIFICATION_KINDS.filter((kind) => muted.includes(kind));
}

/** Stores the kinds this person turned off (the row is theirs: user_id defaults to auth.uid()). */
export async function saveMutedKinds(tx: Queryable, muted: readonly NotificationKind[]): Promise<void> {
	await tx.query(
		`insert into public.notification_settings (muted) values ($1::text[]::public.notification_kind[])
		 on conflict (user_id) do update set muted = excluded.muted`,
		[muted]
	);
}
