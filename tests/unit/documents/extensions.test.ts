import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { documentExtensions, documentSchema, FRAGMENT } from '../../../src/lib/editor/extensions.ts';

const source = (path: string) => JSON.stringify(new URL(`../../../src/lib/${path}`, import.meta.url).href);

describe('the shared extension list', () => {
	it('loads and reads a template back in plain Node, with no DOM and no bundler', () => {
		// What the collab server does when it runs as its own process.
		const script = `
			const { documentSchema } = await import(${source('editor/extensions.ts')});
			const { templateFor, templateState } = await import(${source('documents/templates.ts')});
			const { stateToJson } = await import(${source('documents/content.ts')});
			const { isDeepStrictEqual } = await import('node:util');
			console.log(JSON.stringify({
				dom: typeof document,
				nodes: Object.keys(documentSchema().nodes).length,
				roundTrip: isDeepStrictEqual(stateToJson(templateState('co_design')), templateFor('co_design'))
			}));`;
		const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
		expect(run.stderr).toBe('');
		expect(JSON.parse(run.stdout)).toEqual({ dom: 'undefined', nodes: 16, roundTrip: true });
	});

	it('holds the nodes and marks the editor writes, tables and images included, and nothing for history', () => {
		const schema = documentSchema();
		expect(Object.keys(schema.nodes).sort()).toEqual(
			[
				'blockquote',
				'bulletList',
				'codeBlock',
				'doc',
				'hardBreak',
				'heading',
				'horizontalRule',
				'image',
				'listItem',
				'orderedList',
				'paragraph',
				'table',
				'tableCell',
				'tableHeader',
				'tableRow',
				'text'
			].sort()
		);
		expect(Object.keys(schema.marks).sort()).toEqual(['bold', 'code', 'italic', 'link', 'strike', 'underline']);
		const names = documentExtensions.map((extension) => extension.name);
		expect(names).not.toContain('collaboration');
		expect(names).not.toContain('undoRedo');
	});

	it('names the Yjs fragment as Tiptap Collaboration does by default', () => {
		expect(FRAGMENT).toBe('default');
	});

	it('lets the editor make only http, https and mailto links', () => {
		const starterKit = documentExtensions.find((extension) => extension.name === 'starterKit')!;
		const { link } = starterKit.options as { link: { isAllowedUri: (url: string) => boolean; openOnClick: boolean } };
		expect(link.openOnClick).toBe(false);
		expect(['https://www.comune.it', 'http://asl.it', 'mailto:rete@coop.it'].map(link.isAllowedUri)).toEqual([true, true, true]);
		expect(['javascript:alert(1)', 'data:text/html,x', 'tel:0775', '/relative'].map(link.isAllowedUri)).toEqual([
			false,
			false,
			false,
			false
		]);
	});
});
