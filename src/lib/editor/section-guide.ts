/**
 * A template's guide to a section: what the writer puts there, shown as a
 * placeholder in the section's empty paragraph and never as text. It is the
 * `guide` attribute of that paragraph, so it lives in the Yjs document and
 * every collaborator sees the same hint; as an attribute it is no word of the
 * document, so no export, search text or version diff can pick it up.
 *
 * Documents written before guides were attributes simply have no guide (the
 * attribute's default); their italic guide lines stay text that people edit.
 */
import { Extension } from '@tiptap/core';
import type { Node } from '@tiptap/pm/model';

export const SectionGuide = Extension.create({
	name: 'sectionGuide',
	addGlobalAttributes: () => [
		{
			types: ['paragraph'],
			attributes: {
				guide: {
					default: null,
					// Enter at the end of the section starts a paragraph of the writer's own, with no hint.
					keepOnSplit: false,
					// Not in the editor's HTML, so copying never carries a hint along, and pasted HTML never makes one.
					rendered: false,
					parseHTML: () => null
				}
			}
		}
	]
});

/** The hint an empty node shows: its guide, or nothing (the Placeholder extension's per-node function). */
export function guideOf({ node }: { node: Node }): string {
	const guide = node.type.name === 'paragraph' ? node.attrs.guide : null;
	return typeof guide === 'string' ? guide : '';
}
