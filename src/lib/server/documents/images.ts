/**
 * The bytes of a document's images for its Word export, read as the person
 * exporting: the database says which of the files they may see (row-level
 * security on files, versions and stored objects, the same rules as a
 * download), and only those are read from the store. Any other image, one
 * gone from the store, or one Word cannot hold (WebP, AVIF) is left out, and
 * the export writes its alternative text instead.
 */
import type { Queryable } from '../db/types.ts';
import { ObjectMissing, type FileStore } from '../files/store.ts';
import { imageSize } from '../../files/image-size.ts';
import type { DocxImage } from '../../documents/docx.ts';

/** The stored object of a file's current version. */
export interface ImageObject {
	fileId: string;
	storageKey: string;
	size: number;
}

/**
 * Word files are built in memory: past this many bytes of images in one
 * export, the later images are written as their alternative text.
 */
export const DOCX_IMAGE_BUDGET = 50 * 1024 * 1024;

/** Of these files, the images the person may see, with their current version's object. */
export async function visibleImages(tx: Queryable, fileIds: string[]): Promise<ImageObject[]> {
	if (fileIds.length === 0) return [];
	const { rows } = await tx.query<ImageObject>(
		`select f.id as "fileId", o.storage_key as "storageKey", o.size::float8 as size
		 from public.files f
		 join public.file_versions v on v.id = f.current_version_id
		 join public.file_objects o on o.storage_key = v.storage_key
		 where f.id = any ($1::uuid[]) and o.content_type like 'image/%'`,
		[fileIds]
	);
	return rows;
}

/** All of a stream's bytes. */
async function bytesOf(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
	const chunks: Uint8Array[] = [];
	for await (const chunk of stream) chunks.push(chunk);
	return Buffer.concat(chunks);
}

/**
 * The images of `fileIds` the person may see, by file id, read one at a
 * time in the document's order within `budget` bytes. `db` runs its query
 * as the person (locals.db); the store is read only after the database has
 * answered.
 */
export async function docxImages(
	db: <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>,
	store: FileStore,
	fileIds: string[],
	budget = DOCX_IMAGE_BUDGET
): Promise<Map<string, DocxImage>> {
	const found = new Map((await db((tx) => visibleImages(tx, fileIds))).map((object) => [object.fileId, object]));
	const images = new Map<string, DocxImage>();
	let left = budget;
	for (const fileId of fileIds) {
		const object = found.get(fileId);
		if (!object || object.size > left) continue;
		let data: Buffer;
		try {
			data = await bytesOf(await store.get(object.storageKey));
		} catch (error) {
			// Bytes already removed (a file deleted for good meanwhile): the alt text stands in.
			if (error instanceof ObjectMissing) continue;
			throw error;
		}
		const size = imageSize(data);
		if (!size) continue;
		images.set(fileId, { ...size, data });
		left -= data.length;
	}
	return images;
}
