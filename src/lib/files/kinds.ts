// What sort of file a content type is, for the type filter and the icons
// of the file list, and which types the page may show in place.

export const FILE_KINDS = [
	'image',
	'pdf',
	'document',
	'spreadsheet',
	'presentation',
	'archive',
	'text',
	'audio',
	'video',
	'other'
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

// Types whose kind the top-level type does not tell: office formats old and
// new, archives, and text that travels as application/*.
const KIND_OF: Record<string, FileKind> = {
	'application/pdf': 'pdf',
	'application/msword': 'document',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'document',
	'application/vnd.oasis.opendocument.text': 'document',
	'application/rtf': 'document',
	'text/rtf': 'document',
	'application/epub+zip': 'document',
	'application/vnd.ms-excel': 'spreadsheet',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'spreadsheet',
	'application/vnd.oasis.opendocument.spreadsheet': 'spreadsheet',
	'text/csv': 'spreadsheet',
	'text/tab-separated-values': 'spreadsheet',
	'application/vnd.ms-powerpoint': 'presentation',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'presentation',
	'application/vnd.oasis.opendocument.presentation': 'presentation',
	'application/zip': 'archive',
	'application/x-7z-compressed': 'archive',
	'application/gzip': 'archive',
	'application/vnd.rar': 'archive',
	'application/x-tar': 'archive',
	'application/json': 'text',
	'application/xml': 'text',
	'application/xhtml+xml': 'text'
};

const TOP_LEVEL_KINDS: Record<string, FileKind> = { image: 'image', text: 'text', audio: 'audio', video: 'video' };

/** The kind of a file from its content type; parameters (";charset=…") and case do not matter. */
export function fileKind(contentType: string): FileKind {
	const essence = essenceOf(contentType);
	return KIND_OF[essence] ?? TOP_LEVEL_KINDS[essence.split('/')[0]] ?? 'other';
}

// Formats a browser draws as a picture or hands to its PDF viewer, with no
// way to run a script in the page's origin. SVG is an image but can script,
// so it is never shown in place.
const PREVIEWS: Record<string, 'image' | 'pdf'> = {
	'image/png': 'image',
	'image/jpeg': 'image',
	'image/gif': 'image',
	'image/webp': 'image',
	'image/avif': 'image',
	'image/bmp': 'image',
	'application/pdf': 'pdf'
};

/** The image types shown in place: the ones a document may show, and the image pickers offer. */
export const INLINE_IMAGE_TYPES: readonly string[] = Object.keys(PREVIEWS).filter((type) => PREVIEWS[type] === 'image');

/** How the file page may show a file in place, or null when it may only be downloaded. */
export const previewOf = (contentType: string): 'image' | 'pdf' | null => PREVIEWS[essenceOf(contentType)] ?? null;

/** "Text/Plain; charset=utf-8" → "text/plain". */
export const essenceOf = (contentType: string): string => contentType.split(';')[0].trim().toLowerCase();
