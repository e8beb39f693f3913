// What deleting a file for good takes with it: the file and every version
// of it (file_versions cascade), and its attachments to discussion posts and
// comments (attachments cascade); the posts and comments themselves stay.
import type { Queryable } from '../db/types.ts';
import type { Confirmation } from '../../confirmation.ts';
import { counted } from './ask.ts';

interface BinnedFile {
	name: string;
	versions: number;
	attachments: number;
}

/** The question before deleting a binned file for good, or null when this person cannot see it in the bin. */
export async function filePurge(
	tx: Queryable,
	networkId: string,
	{ fileId, action }: { fileId: string; action: string }
): Promise<Confirmation | null> {
	const { rows } = await tx.query<BinnedFile>(
		`select f.name,
		        (select count(*)::int from public.file_versions v where v.file_id = f.id) as versions,
		        (select count(*)::int from public.attachments a where a.file_id = f.id) as attachments
		 from public.files f where f.network_id = $1 and f.id = $2 and f.deleted_at is not null`,
		[networkId, fileId]
	);
	const file = rows[0];
	if (!file) return null;
	return {
		action,
		fields: { id: fileId },
		title: { key: 'confirm.purge.title', params: { name: file.name } },
		consequences: [
			file.versions > 1 ? { key: 'confirm.purge.versionsMany', params: { count: file.versions } } : { key: 'confirm.purge.version' },
			...counted(file.attachments, 'confirm.purge.attachmentsOne', 'confirm.purge.attachmentsMany')
		],
		confirmLabel: { key: 'confirm.purge.confirm' }
	};
}

