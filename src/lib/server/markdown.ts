import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { mentionedId } from '../mentions.ts';

// Bodies of messages and comments are Markdown typed by people. Raw HTML is
// never passed through (html: false escapes it); links may only go to the
// web, to mail, or within Trama; images are off (no tracking pixels, no
// layout surprises) and so are headings (a message must not outrank the page).
const md = new MarkdownIt({ html: false, linkify: true, breaks: true });
md.disable(['image', 'heading', 'lheading']);

const SAFE_LINK = /^(https?:\/\/|mailto:|\/(?!\/))/i;
md.validateLink = (url) => SAFE_LINK.test(url.trim()) || mentionedId(url.trim()) !== null;

// @[Name](mention:<id>): the link becomes a span, taking the @ before it.
// Without the @ it is no mention (the database notifies nobody of it) and
// no link either: its words stay, as plain text.
md.core.ruler.push('mentions', (state) => {
	for (const block of state.tokens) {
		if (block.type !== 'inline' || !block.children) continue;
		const children = block.children;
		for (let i = 0; i < children.length; i++) {
			const open = children[i];
			const id = open.type === 'link_open' ? mentionedId(open.attrGet('href') ?? '') : null;
			const close = id ? children.findIndex((t, j) => j > i && t.type === 'link_close') : -1;
			if (close < 0) continue;
			const before = children[i - 1];
			if (before?.type !== 'text' || !before.content.endsWith('@')) {
				children.splice(close, 1);
				children.splice(i, 1);
				continue;
			}
			before.content = before.content.slice(0, -1);
			const name = children.slice(i + 1, close).map((t) => t.content).join('');
			const span = new state.Token('html_inline', '', 0);
			span.content = `<span class="mention" data-user="${id}">@${md.utils.escapeHtml(name)}</span>`;
			children.splice(i, close - i + 1, span);
		}
	}
});

// External links leave Trama without lending it any trust.
const renderLink = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens: Token[], idx, options, env, self) => {
	if (!(tokens[idx].attrGet('href') ?? '').startsWith('/')) tokens[idx].attrSet('rel', 'nofollow noopener noreferrer ugc');
	return renderLink(tokens, idx, options, env, self);
};

/** Safe HTML for a Markdown body: escaped text, checked links, mentions as @Name. */
export function renderMarkdown(body: string): string {
	return md.render(body);
}
