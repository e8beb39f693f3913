// The files chosen for a post being written are kept with its text in the
// tab's drafts (src/lib/drafts.ts), as JSON. What comes back is checked:
// storage is the page's own, but an older version of it may have written it.
import { isUuid } from '../uuid.ts';
import { ATTACHMENTS_MAX, type ChosenFile } from './types.ts';

const isChosenFile = (value: unknown): value is ChosenFile => {
	const file = value as Partial<ChosenFile> | null;
	return (
		typeof file?.id === 'string' &&
		isUuid(file.id) &&
		typeof file.name === 'string' &&
		typeof file.size === 'number' &&
		typeof file.contentType === 'string'
	);
};

/** The chosen files a draft holds; none when it holds nothing usable. */
export function restoreChosen(draft: string): ChosenFile[] {
	try {
		const files: unknown = JSON.parse(draft || '[]');
		if (!Array.isArray(files)) return [];
		const unique = new Map(files.filter(isChosenFile).map((file) => [file.id, file]));
		return [...unique.values()].slice(0, ATTACHMENTS_MAX).map(({ id, name, size, contentType }) => ({ id, name, size, contentType }));
	} catch {
		return [];
	}
}
