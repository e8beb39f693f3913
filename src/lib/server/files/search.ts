// Finding a network's files by name, as the person (row-level security
// decides which exist), for the attachment and image pickers. Files in the
// bin are not offered. Names are compared folded, like document titles.
import type { Queryable } from '../db/types.ts';
import type { FileOption, FileSearchKind } from '../../files/picker.ts';
import { fold, titlePatterns } from '../documents/title-search.ts';
import { INLINE_IMAGE_TYPES } from '../../files/kinds.ts';

/** Files whose name holds every word typed, most recently changed first; nothing typed lists the latest. */
export async function searchFiles(
	tx: Queryable,
	networkId: string,
	typed: string,
	kind: FileSearchKind = 'any',
	limit = 10
): Promise<FileOption[]> {
	const { rows } = await tx.query<FileOption>(
		`select f.id, f.name, f.size::float8 as size, f.content_type as "contentType", d.name as folder
		 from public.files f
		 left join public.file_folders d on d.id = f.folder_id
		 where f.network_id = $1 and f.deleted_at is null
		   and ${fold('f.name')} like all (array(select ${fold('p')} from json_array_elements_text($2::json) as p))
		   and ($4::text[] is null or f.content_type = any ($4::text[]))
		 order by f.updated_at desc, f.id desc
		 limit $3`,
		[networkId, JSON.stringify(titlePatterns(typed)), limit, kind === 'image' ? INLINE_IMAGE_TYPES : null]
	);
	return rows;
}
