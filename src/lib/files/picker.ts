// What the file pickers (attachments, images in a document) offer and where
// they ask for it: the network's files whose name holds what was typed,
// found by the database as the person (src/routes/networks/[id]/files/search).

export interface FileOption {
	id: string;
	name: string;
	size: number;
	contentType: string;
	/** The folder it is in, for telling apart files of the same name; null at the top. */
	folder: string | null;
}

/** Images that previews and documents show inline; the rest is offered as a download. */
export type FileSearchKind = 'any' | 'image';

export function fileSearchUrl(networkId: string, typed: string, kind: FileSearchKind = 'any'): string {
	const query = new URLSearchParams({ q: typed });
	if (kind !== 'any') query.set('kind', kind);
	return `/networks/${encodeURIComponent(networkId)}/files/search?${query}`;
}
