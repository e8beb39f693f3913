import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import type { TagParseRule } from '@tiptap/pm/model';
import { documentSchema, FRAGMENT } from '../../../src/lib/editor/extensions.ts';
import { DocumentImage } from '../../../src/lib/editor/image.ts';
import { imageAttributes } from '../../../src/lib/documents/images.ts';
import { docToJson } from '../../../src/lib/documents/content.ts';
import { toHtml } from '../../../src/lib/documents/html.ts';
import { doc, img, p } from '../documents/factories.ts';

const FILE = '0b7c3f4e-9a1d-4c2e-8f5a-6d3b2a1c0e9f';
const OTHER = '5e2d1c0b-8a9f-4e7d-9c6b-1a2b3c4d5e6f';

/** The attributes of a pasted <img>, read by the schema's own rule (no DOM needed: the rule asks only for attributes). */
function pasted(attributes: Record<string, string>): Record<string, unknown> | false | null {
	const rule = documentSchema().nodes.image.spec.parseDOM![0] as TagParseRule;
	const element = { getAttribute: (name: string) => attributes[name] ?? null } as unknown as HTMLElement;
	return rule.getAttrs!(element);
}

/** What the editor draws for a node with these attributes. */
function drawn(attrs: Record<string, unknown>) {
	const schema = documentSchema();
	return schema.nodes.image.spec.toDOM!(schema.nodes.image.create(attrs));
}

describe('the image node', () => {
	it('is a block that can be dragged, with only its file, address, alt text and title', () => {
		const image = documentSchema().nodes.image;
		expect(image.isBlock).toBe(true);
		expect(image.spec.draggable).toBe(true);
		expect(Object.keys(image.spec.attrs!).sort()).toEqual(['alt', 'fileId', 'src', 'title']);
	});

	it('takes a pasted image of this site’s file space, with its file and alt text', () => {
		expect(pasted({ src: `/api/files/${FILE.toUpperCase()}?inline=1`, alt: 'Lavagna', title: 'Tavolo' })).toEqual({
			src: `/api/files/${FILE}?inline=1`,
			fileId: FILE,
			alt: 'Lavagna',
			title: 'Tavolo'
		});
	});

	it.each([
		'https://evil.example/pixel.gif',
		'data:image/png;base64,iVBORw0KGgo=',
		'javascript:alert(1)',
		`//evil.example/api/files/${FILE}?inline=1`,
		`/api/files/${FILE}`
	])('leaves out a pasted image from %s', (src) => {
		expect(pasted({ src, alt: 'x' })).toBe(false);
	});

	it('draws an image from its file’s address', () => {
		expect(drawn(imageAttributes({ fileId: FILE, alt: 'Lavagna del tavolo' }))).toEqual([
			'img',
			{ src: `/api/files/${FILE}?inline=1`, alt: 'Lavagna del tavolo' }
		]);
	});

	it('draws an image whose address a crafted update changed without any address', () => {
		expect(drawn({ src: 'https://evil.example/pixel.gif', fileId: FILE, alt: 'Foto' })).toEqual(['img', { alt: 'Foto' }]);
		expect(drawn({ src: `/api/files/${FILE}?inline=1`, fileId: OTHER, alt: 'Foto' })).toEqual(['img', { alt: 'Foto' }]);
	});

	it('turns no typed Markdown into an image', () => {
		// Tiptap's Image makes ![alt](address) an image as it is typed, whatever the address.
		expect(DocumentImage.config.addInputRules?.call({} as never)).toEqual([]);
	});

	it('keeps a crafted image in the shared text but never lets an export fetch its address', () => {
		const ydoc = new Y.Doc();
		prosemirrorJSONToYXmlFragment(documentSchema(), doc(p('prima'), img(FILE, 'ok')), ydoc.getXmlFragment(FRAGMENT));
		const crafted = new Y.XmlElement('image');
		crafted.setAttribute('src', 'https://evil.example/track.gif');
		crafted.setAttribute('alt', 'Foto');
		ydoc.getXmlFragment(FRAGMENT).insert(2, [crafted]);
		const html = toHtml(docToJson(ydoc));
		expect(html).toBe(`<p>prima</p><img src="/api/files/${FILE}?inline=1" alt="ok"><img alt="Foto">`);
	});
});
