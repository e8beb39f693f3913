// The fields each form action takes, read from the pages as a facilitator
// (who sees every form) and as a visitor (who sees sign-in and sign-up)
// get them: the names of the inputs, selects, textareas and named buttons
// of every <form method="post">, and the values the page gives them, which
// are valid (the id of a real row, an option of a select).
import { isAnswer, send } from './http.ts';

export interface FormField {
	name: string;
	/** Typed by a person (text, textarea), chosen (hidden, select, checkbox, button), or a file. */
	kind: 'typed' | 'chosen' | 'file';
	value: string;
}

export interface RenderedForm {
	/** Where it posts: pathname and search, resolved against the page. */
	action: string;
	fields: FormField[];
}

const TAG = /<(\/?)(form|input|select|option|textarea|button)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const ATTRIBUTE = /([^\s=/"'>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
const TYPED_INPUTS = new Set(['text', 'email', 'password', 'search', 'url', 'tel', 'number', 'date', 'datetime-local', 'time']);

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|#39);/gi, (whole, entity: string) => {
		const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
		if (entity[0] !== '#') return named[entity.toLowerCase()] ?? whole;
		return String.fromCodePoint(entity[1].toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
	});
}

function attributes(text: string): Record<string, string> {
	const found: Record<string, string> = {};
	for (const [, name, double, single, bare] of text.matchAll(ATTRIBUTE)) {
		found[name.toLowerCase()] = decodeEntities(double ?? single ?? bare ?? '');
	}
	return found;
}

/** The post forms of a server-rendered page. Svelte's output is regular enough for a tag scanner; no script runs. */
export function parseForms(html: string, pageUrl: URL): RenderedForm[] {
	const forms: RenderedForm[] = [];
	let form: RenderedForm | null = null;
	let select: { field: FormField; chosen: boolean } | null = null;
	let textarea: { field: FormField; from: number } | null = null;
	for (const match of html.matchAll(TAG)) {
		const [whole, closing, tagName, rest] = match;
		const tag = tagName.toLowerCase();
		const attrs = attributes(rest);
		const at = match.index ?? 0;
		if (tag === 'form') {
			if (closing) form = null;
			else if ((attrs.method ?? 'get').toLowerCase() === 'post') {
				const target = new URL(attrs.action ?? '', pageUrl);
				form = { action: target.pathname + target.search, fields: [] };
				forms.push(form);
			} else form = null;
			continue;
		}
		if (!form) continue;
		if (tag === 'select') {
			select = closing ? null : { field: { name: attrs.name ?? '', kind: 'chosen', value: '' }, chosen: false };
			if (select?.field.name) form.fields.push(select.field);
		} else if (tag === 'option' && !closing && select) {
			// The selected option, else the first with a value.
			if ('selected' in attrs || (!select.chosen && !select.field.value)) select.field.value = attrs.value ?? '';
			if ('selected' in attrs) select.chosen = true;
		} else if (tag === 'textarea') {
			if (!closing && attrs.name) textarea = { field: { name: attrs.name, kind: 'typed', value: '' }, from: at + whole.length };
			else if (closing && textarea) {
				textarea.field.value = decodeEntities(html.slice(textarea.from, at));
				form.fields.push(textarea.field);
				textarea = null;
			}
		} else if (!closing && attrs.name) {
			const type = (attrs.type ?? (tag === 'button' ? 'submit' : 'text')).toLowerCase();
			const kind = type === 'file' ? 'file' : tag === 'input' && TYPED_INPUTS.has(type) ? 'typed' : 'chosen';
			const value = attrs.value ?? (type === 'checkbox' || type === 'radio' ? 'on' : '');
			form.fields.push({ name: attrs.name, kind, value });
		}
	}
	return forms;
}

/** Every post form on the pages, as each cookie (or none) sees them. */
export async function renderForms(origin: URL, pages: string[], cookies: (string | null)[]): Promise<RenderedForm[]> {
	const forms: RenderedForm[] = [];
	for (const page of pages) {
		for (const cookie of cookies) {
			const reply = await send(origin, {
				method: 'GET',
				path: page,
				headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) },
				timeoutMs: 30_000
			});
			if (isAnswer(reply) && reply.status === 200) forms.push(...parseForms(reply.body.toString('utf8'), new URL(page, origin)));
		}
	}
	return forms;
}

/** The fields of all forms that post to one place, each name once, with the first value a page gave it. */
export function mergeFields(forms: RenderedForm[]): FormField[] {
	const byName = new Map<string, FormField>();
	for (const form of forms) {
		for (const field of form.fields) {
			const known = byName.get(field.name);
			if (!known) byName.set(field.name, { ...field });
			else if (!known.value && field.value) known.value = field.value;
		}
	}
	return [...byName.values()];
}
