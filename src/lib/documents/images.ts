/**
 * The one rule for which images a document may show: files of a network's
 * file space, at the address that asks the database on every request
 * whether the reader may see them (/api/files/<id>?inline=1). The editor
 * applies it when HTML is pasted and when it draws an image; every export
 * applies it again, so an image that reached the Yjs state some other way
 * (a crafted update) never makes a reader's browser, Word or Markdown viewer
 * fetch another site, a `data:` blob or a `javascript:` address.
 */
import { fileUrls } from '../files/api.ts';
import { extensionOf } from '../files/names.ts';
import { isUuid } from '../uuid.ts';
import type { DocNode } from './json.ts';

/** The address an image of the file space is shown from, in the document and in every export. */
export const imageSrc = (fileId: string): string => fileUrls.content(fileId, { inline: true });

/** What the image picker inserts: a file of the file space and the words that stand for it. */
export interface ChosenImage {
	fileId: string;
	alt: string;
}

/** An image node's attributes for a chosen file. */
export const imageAttributes = ({ fileId, alt }: ChosenImage) => ({ src: imageSrc(fileId), fileId, alt, title: null });

/** Stands for "this site" when a src is relative: only a path on it resolves here. */
const HERE = 'http://trama.invalid';
const FILE_PATH = /^\/api\/files\/([^/]+)$/;

/**
 * The file an image's src shows, or null unless src is exactly this app's
 * inline address of a file: a path (/api/files/<id>?inline=1), or the same
 * address in full on `origin`, the site the editor runs on (pasting from
 * another tab of Trama gives full addresses). The WHATWG parser sees what a
 * browser would fetch: `/\evil.example`, `//evil.example` or a path with a
 * tab in it resolve to another host and are refused.
 */
export function fileIdOfSrc(src: unknown, origin?: string): string | null {
	if (typeof src !== 'string') return null;
	let url: URL;
	try {
		url = new URL(src, HERE);
	} catch {
		return null;
	}
	if (url.origin !== HERE && url.origin !== origin) return null;
	const id = FILE_PATH.exec(url.pathname)?.[1];
	if (!id || !isUuid(id) || url.hash) return null;
	const fileId = id.toLowerCase();
	// The query must be the inline address's own, no more (a version, a download) and no less.
	return `/api/files/${fileId}${url.search}` === imageSrc(fileId) ? fileId : null;
}

/**
 * The file an image node shows, or null when it may show nothing: its src
 * must pass fileIdOfSrc and, when it names a fileId too, name the same file
 * (an update that points the two at different files is refused outright).
 */
export function imageFileId(attrs: Record<string, unknown> | undefined): string | null {
	const fileId = fileIdOfSrc(attrs?.src);
	const named = attrs?.fileId;
	if (!fileId) return null;
	if (named !== undefined && named !== null && (typeof named !== 'string' || named.toLowerCase() !== fileId)) return null;
	return fileId;
}

/** Words of an image (its alternative text, its title) on one line, as every export writes them; empty when there are none. */
export const oneLine = (words: unknown): string => (typeof words === 'string' ? words.replace(/\s+/g, ' ').trim() : '');

/** The image's alternative text. */
export const imageAlt = (node: Pick<DocNode, 'attrs'>): string => oneLine(node.attrs?.alt);

/** The image's title (a tooltip in a browser), on one line, or null when it has none. */
export const imageTitle = (node: Pick<DocNode, 'attrs'>): string | null => oneLine(node.attrs?.title) || null;

/**
 * The attributes of the <img> that shows an image node, in the editor and
 * the print view alike: the file's address only when the rule above allows
 * it (a refused image shows its alternative text, as a broken one does).
 */
export function imageElement(node: Pick<DocNode, 'attrs'>): { src?: string; alt: string; title?: string } {
	const fileId = imageFileId(node.attrs);
	const title = imageTitle(node);
	return {
		...(fileId && { src: imageSrc(fileId) }),
		alt: imageAlt(node),
		...(title && { title })
	};
}

/** The files a document shows as images, each once, in the order they first appear. */
export function imageFileIds(doc: DocNode): string[] {
	const ids = new Set<string>();
	const walk = (node: DocNode) => {
		if (node.type === 'image') {
			const id = imageFileId(node.attrs);
			if (id) ids.add(id);
		}
		node.content?.forEach(walk);
	};
	walk(doc);
	return [...ids];
}

/**
 * The alternative text first offered for a file, for the person to correct:
 * its name without the extension, underscores read as spaces
 * ("lavagna_tavolo.jpg" → "lavagna tavolo").
 */
export function altFromName(name: string): string {
	const extension = extensionOf(name);
	const stem = extension ? name.slice(0, -(extension.length + 1)) : name;
	return oneLine(stem.replace(/_+/g, ' ')) || oneLine(name);
}
