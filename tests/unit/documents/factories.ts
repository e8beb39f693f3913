// Builders for ProseMirror JSON, so each test reads as the document it describes.
import type { DocMark, DocNode } from '../../../src/lib/documents/json.ts';

type Mark = string | DocMark;
const markOf = (mark: Mark): DocMark => (typeof mark === 'string' ? { type: mark } : mark);

export const text = (value: string, ...marks: Mark[]): DocNode =>
	marks.length ? { type: 'text', text: value, marks: marks.map(markOf) } : { type: 'text', text: value };
export const link = (href: string): DocMark => ({ type: 'link', attrs: { href } });

const inline = (content: (DocNode | string)[]) => content.map((c) => (typeof c === 'string' ? text(c) : c));
const node = (type: string, content: DocNode[], attrs?: Record<string, unknown>): DocNode => ({
	type,
	...(attrs && { attrs }),
	content
});

export const doc = (...content: DocNode[]) => node('doc', content);
export const p = (...content: (DocNode | string)[]) => node('paragraph', inline(content));
export const h = (level: number, ...content: (DocNode | string)[]) => node('heading', inline(content), { level });
export const br = (): DocNode => ({ type: 'hardBreak' });
export const hr = (): DocNode => ({ type: 'horizontalRule' });
export const quote = (...content: DocNode[]) => node('blockquote', content);
export const li = (...content: DocNode[]) => node('listItem', content);
export const ul = (...items: DocNode[]) => node('bulletList', items);
export const ol = (start: number, ...items: DocNode[]) => node('orderedList', items, { start });
export const code = (language: string, source: string) => node('codeBlock', source ? [text(source)] : [], { language });
export const table = (...rows: DocNode[]) => node('table', rows);
export const row = (...cells: DocNode[]) => node('tableRow', cells);
export const th = (...content: (DocNode | string)[]) => node('tableHeader', [p(...content)]);
export const td = (...content: (DocNode | string)[]) => node('tableCell', [p(...content)]);

/** An image of the file space, as the picker inserts it; attrs may override what a crafted update would change. */
export const img = (fileId: string, alt: string, attrs: Record<string, unknown> = {}): DocNode => ({
	type: 'image',
	attrs: { src: `/api/files/${fileId}?inline=1`, fileId, alt, title: null, ...attrs }
});
