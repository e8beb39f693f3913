// What deleting a discussion takes with it: its replies, its attachments
// (the files stay in the file space) and the notifications about it, for
// everyone (thread_messages, attachments and notifications cascade).
import type { Queryable } from '../db/types.ts';
import type { Confirmation } from '../../confirmation.ts';
import { counted } from './ask.ts';

/** The question before deleting a discussion, or null when this person cannot see it. */
export async function threadDeletion(tx: Queryable, networkId: string, threadId: string): Promise<Confirmation | null> {
	const { rows } = await tx.query<{ title: string; replies: number; attachments: number }>(
		`select t.title,
		        (select count(*)::int from public.thread_messages m where m.thread_id = t.id) as replies,
		        (select count(*)::int from public.attachments a
		          where a.thread_id = t.id or a.message_id in (select m.id from public.thread_messages m where m.thread_id = t.id)) as attachments
		 from public.threads t where t.network_id = $1 and t.id = $2`,
		[networkId, threadId]
	);
	const thread = rows[0];
	if (!thread) return null;
	return {
		action: '?/delete',
		fields: {},
		title: { key: 'confirm.thread.title', params: { title: thread.title } },
		consequences: [
			...counted(thread.replies, 'confirm.thread.repliesOne', 'confirm.thread.repliesMany'),
			...counted(thread.attachments, 'confirm.thread.attachmentsOne', 'confirm.thread.attachmentsMany'),
			{ key: 'confirm.thread.final' }
		],
		confirmLabel: { key: 'confirm.thread.confirm' }
	};
}
