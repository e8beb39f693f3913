/**
 * Images from the network's file space, as blocks of the document. The node
 * stores the file's id and its inline address; both are checked by
 * imageFileId() (src/lib/documents/images.ts) whenever HTML becomes a node
 * (a paste, a drop) and whenever a node is drawn, so an image pasted from
 * another site is left out and one whose address a crafted update changed is
 * drawn without any. Width and height are not stored: images fit the column,
 * in the editor and in every export. No input rule: typing Markdown's
 * ![alt](address) must not fetch an address either.
 */
import Image from '@tiptap/extension-image';
import { fileIdOfSrc, imageElement, imageSrc } from '../documents/images.ts';

/** In the browser, full addresses of this site (pasted from another Trama tab) count as its own. */
const here = () => (globalThis as { location?: Location }).location?.origin;
const srcOf = (element: HTMLElement) => fileIdOfSrc(element.getAttribute('src'), here());

export const DocumentImage = Image.extend({
	addOptions() {
		return { ...this.parent!(), inline: false, allowBase64: false, resize: false as const };
	},

	addAttributes() {
		return {
			src: {
				default: null,
				parseHTML: (element) => {
					const fileId = srcOf(element);
					return fileId && imageSrc(fileId);
				}
			},
			fileId: { default: null, rendered: false, parseHTML: srcOf },
			alt: { default: null },
			title: { default: null }
		};
	},

	parseHTML() {
		return [{ tag: 'img[src]', getAttrs: (element) => (srcOf(element) ? null : false) }];
	},

	renderHTML({ node }) {
		return ['img', imageElement(node)];
	},

	addInputRules() {
		return [];
	}
});
