import type { Editor } from '@tiptap/core';
import { t, type MessageKey } from '$lib/i18n';
import { ICONS } from './icons.ts';
import { COMMENT_SHORTCUT } from './shortcuts.ts';

// What the editor's toolbar offers, in the order it shows it. The tools used
// at every line (bold, italic, a link, an image, undo) are buttons; the
// block formats and the table's commands, used now and then, are grouped in
// a menu each, so the toolbar keeps to one line on a laptop.

export interface Tool {
	id: string;
	label: MessageKey;
	/** Text shown on the button when there is no picture, in the page's language (G for grassetto). */
	glyph?: () => string;
	icon?: string;
	/** Shown beside the picture, not only as its name. */
	labelled?: boolean;
	/** The keys that do the same, as aria-keyshortcuts writes them. */
	shortcut?: { aria: string; shown: string };
	/** Present for toggles: whether the format is on where the caret is. */
	active?: (e: Editor) => boolean;
	can: (e: Editor) => boolean;
	run: (e: Editor) => void;
}

/** A button that opens a menu of tools. */
export interface ToolMenu {
	id: string;
	label: MessageKey;
	icon: string;
	tools: Tool[];
}

export type ToolbarItem = Tool | ToolMenu;

export const isMenu = (item: ToolbarItem): item is ToolMenu => 'tools' in item;

/** Every tool of the items, those in menus too. */
export const toolsOf = (items: ToolbarItem[]): Tool[] => items.flatMap((item) => (isMenu(item) ? item.tools : [item]));

const chain = (e: Editor) => e.chain().focus();

export function formattingGroups(open: { link: () => void; image: () => void }): ToolbarItem[][] {
	const format: ToolMenu = {
		id: 'format',
		label: 'toolbar.format',
		icon: ICONS.textFormat,
		tools: [
			{
				id: 'paragraph',
				label: 'editor.paragraph',
				glyph: () => '¶',
				active: (e) => e.isActive('paragraph'),
				can: (e) => e.can().setParagraph(),
				run: (e) => chain(e).setParagraph().run()
			},
			...([1, 2, 3] as const).map(
				(level): Tool => ({
					id: `h${level}`,
					label: `editor.heading${level}`,
					glyph: () => t('editor.headingShort', { level }),
					active: (e) => e.isActive('heading', { level }),
					can: (e) => e.can().toggleHeading({ level }),
					run: (e) => chain(e).toggleHeading({ level }).run()
				})
			),
			{
				id: 'bulletList',
				label: 'editor.bulletList',
				icon: ICONS.bulletList,
				active: (e) => e.isActive('bulletList'),
				can: (e) => e.can().toggleBulletList(),
				run: (e) => chain(e).toggleBulletList().run()
			},
			{
				id: 'orderedList',
				label: 'editor.orderedList',
				icon: ICONS.orderedList,
				active: (e) => e.isActive('orderedList'),
				can: (e) => e.can().toggleOrderedList(),
				run: (e) => chain(e).toggleOrderedList().run()
			},
			{
				id: 'quote',
				label: 'editor.quote',
				icon: ICONS.quote,
				active: (e) => e.isActive('blockquote'),
				can: (e) => e.can().toggleBlockquote(),
				run: (e) => chain(e).toggleBlockquote().run()
			}
		]
	};
	const table: ToolMenu = {
		id: 'table',
		label: 'toolbar.table',
		icon: ICONS.table,
		tools: [
			{
				id: 'insertTable',
				label: 'editor.insertTable',
				icon: ICONS.table,
				can: (e) => e.can().insertTable({ rows: 3, cols: 3, withHeaderRow: true }),
				run: (e) => chain(e).insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()
			},
			{
				id: 'addRow',
				label: 'editor.addRow',
				icon: ICONS.addRow,
				can: (e) => e.can().addRowAfter(),
				run: (e) => chain(e).addRowAfter().run()
			},
			{
				id: 'addColumn',
				label: 'editor.addColumn',
				icon: ICONS.addColumn,
				can: (e) => e.can().addColumnAfter(),
				run: (e) => chain(e).addColumnAfter().run()
			},
			{
				id: 'deleteTable',
				label: 'editor.deleteTable',
				icon: ICONS.deleteTable,
				can: (e) => e.can().deleteTable(),
				run: (e) => chain(e).deleteTable().run()
			}
		]
	};
	return [
		[format],
		[
			{
				id: 'bold',
				label: 'editor.bold',
				glyph: () => t('editor.boldShort'),
				active: (e) => e.isActive('bold'),
				can: (e) => e.can().toggleBold(),
				run: (e) => chain(e).toggleBold().run()
			},
			{
				id: 'italic',
				label: 'editor.italic',
				glyph: () => t('editor.italicShort'),
				active: (e) => e.isActive('italic'),
				can: (e) => e.can().toggleItalic(),
				run: (e) => chain(e).toggleItalic().run()
			},
			{
				id: 'link',
				label: 'editor.link',
				icon: ICONS.link,
				active: (e) => e.isActive('link'),
				can: (e) => e.can().setLink({ href: 'https://example.org' }),
				run: () => open.link()
			}
		],
		[
			{
				id: 'image',
				label: 'docImages.tool',
				icon: ICONS.image,
				can: (e) => e.can().insertContent({ type: 'image' }),
				run: () => open.image()
			},
			table
		],
		[
			{
				id: 'undo',
				label: 'editor.undo',
				icon: ICONS.undo,
				can: (e) => e.can().undo(),
				run: (e) => chain(e).undo().run()
			},
			{
				id: 'redo',
				label: 'editor.redo',
				icon: ICONS.redo,
				can: (e) => e.can().redo(),
				run: (e) => chain(e).redo().run()
			}
		]
	];
}

export function commentTool(start: () => void): Tool {
	return {
		id: 'comment',
		label: 'comments.add',
		icon: ICONS.comment,
		labelled: true,
		shortcut: COMMENT_SHORTCUT,
		can: () => true,
		run: start
	};
}
