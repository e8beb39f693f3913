// Text that tries to run script wherever Trama shows what people typed:
// Markdown bodies, titles, names. Every payload, if it ever ran, would call
// window.__xss('<its label>'), a sentinel the e2e spec installs in the
// browser and asserts was never called; the unit test of renderMarkdown()
// reads the same list through a strict allow-list of the HTML it may write.
// Labels are slugs (no spaces, no quotes) so that each payload stays
// well-formed JavaScript in every attribute it tries to break into.

export interface XssPayload {
	/** What the sentinel would be called with; unique in the corpus. */
	label: string;
	/** What the payload tries, as the end of "renders … inert". */
	describes: string;
	text: string;
	/**
	 * Whether the call stays readable on the page once the text is rendered
	 * as Markdown. False only where the renderer puts it into an attribute
	 * or it is encoded to begin with.
	 */
	readable: boolean;
}

/** The sentinel call a payload labelled `label` would make. */
export const sentinelCall = (label: string): string => `__xss('${label}')`;

/**
 * What a person reads of the call on the page: the call without its
 * leading underscores, which Markdown may take for emphasis and the
 * notification excerpt strips.
 */
export const readableCall = (label: string): string => `xss('${label}')`;

/** A user id that belongs to nobody: a mention of it notifies nobody. */
export const NOBODY = '0b9a3c52-7f1e-4a57-9d55-2a4d0c4f3e11';

const base64 = (text: string) => btoa(text);

/**
 * Markup for a one-line field (a name, a title), which every page shows as
 * plain text, so a person must see exactly these characters: it closes an
 * attribute and opens an image with a handler, then tries a javascript:
 * link and braces a template might evaluate. With a label of four letters
 * it is 95 characters long, within the 120 a name may have.
 */
export function oneLinePayload(label: string): string {
	const call = sentinelCall(label);
	return `"><img src=x onerror=${call}> <a href="javascript:${call}">${label}</a> {${call}}`;
}

function payload(label: string, describes: string, make: (call: string) => string, readable = true): XssPayload {
	return { label, describes, text: make(sentinelCall(label)), readable };
}

export const XSS_CORPUS: XssPayload[] = [
	// Script elements, anywhere Markdown might let them through.
	payload('script', 'a script element', (x) => `<script>${x}</script>`),
	payload('script-caps', 'a script element in capitals', (x) => `<SCRIPT>${x}</SCRIPT>`),
	payload('script-split', 'a script element split around another', (x) => `<scr<script>ipt>${x}</script>`),
	payload('script-fenced', 'a script element in a fenced code block', (x) => `\`\`\`html\n<script>${x}</script>\n\`\`\``),
	payload(
		'fence-info',
		'a fenced code block whose language breaks out',
		(x) => `\`\`\`"><script>${x}</script>\ncodice\n\`\`\``,
		false
	),
	payload('script-indented', 'a script element in an indented code block', (x) => `Testo\n\n    <script>${x}</script>`),
	payload('script-inline-code', 'a script element in inline code', (x) => `\`<script>${x}</script>\``),
	payload('script-quote', 'a script element in a quote', (x) => `> <script>${x}</script>`),
	payload('script-table', 'a script element in a table cell', (x) => `| a | b |\n|:--|--:|\n| <script>${x}</script> | x |`),
	payload('script-entities', 'script markup written as entities', (x) => `&lt;script&gt;${x}&lt;/script&gt;`),
	// Event handlers and the elements that carry them.
	payload('img-onerror', 'an image with onerror', (x) => `<img src=x onerror=${x}>`),
	payload('svg-onload', 'an svg with onload', (x) => `<svg onload=${x}>`),
	payload('body-onload', 'a body with onload', (x) => `<body onload=${x}>`),
	payload('a-onclick', 'an anchor with onclick', (x) => `<a href="#" onclick="${x}">clic</a>`),
	payload('div-onmouseover', 'a div with onmouseover', (x) => `<div onmouseover="${x}">passa qui</div>`),
	payload('details-ontoggle', 'a details element that opens itself', (x) => `<details open ontoggle=${x}>`),
	payload('autofocus-onfocus', 'an input that focuses itself', (x) => `<input autofocus onfocus=${x}>`),
	payload('svg-animate', 'an svg animation with onbegin', (x) => `<svg><animate onbegin=${x} attributeName=x dur=1s>`),
	payload(
		'link-title',
		'a link title that tries to close its attribute',
		(x) => `[clic](https://example.org "titolo\\" onmouseover=\\"${x}")`,
		false
	),
	payload('attribute-breakout', 'text that closes an attribute and opens an image', (x) => `"><img src=x onerror=${x}>`),
	payload('single-quote-breakout', 'text that closes a single-quoted attribute', (x) => `'><svg onload=${x}>`),
	// Frames, objects, documents inside documents.
	payload('iframe-javascript', 'an iframe with a javascript: source', (x) => `<iframe src="javascript:parent.${x}"></iframe>`),
	payload('iframe-srcdoc', 'an iframe with a srcdoc', (x) => `<iframe srcdoc="<script>parent.${x}</script>"></iframe>`),
	payload('object-data', 'an object with a data URL', (x) => `<object data="data:text/html,<script>parent.${x}</script>"></object>`),
	payload('embed-src', 'an embed with a javascript: source', (x) => `<embed src="javascript:${x}">`),
	payload('meta-refresh', 'a meta refresh', (x) => `<meta http-equiv="refresh" content="0;url=javascript:${x}">`),
	payload('base-href', 'a base element', (x) => `<base href="javascript:${x}//">`),
	payload('form-action', 'a form with a javascript action', (x) => `<form action="javascript:${x}"><button>invia</button></form>`),
	payload('formaction', 'a button with a javascript formaction', (x) => `<form><button formaction="javascript:${x}">invia</button></form>`),
	payload('raw-anchor', 'a raw anchor with a javascript href', (x) => `<a href="javascript:${x}">clic</a>`),
	// Dangerous schemes in every form of Markdown link.
	payload('md-javascript', 'an inline javascript: link', (x) => `[clic](javascript:${x})`),
	payload('md-mixed-case', 'an inline javascript: link in mixed case', (x) => `[clic](JaVaScRiPt:${x})`),
	payload('md-vbscript', 'an inline vbscript: link', (x) => `[clic](vbscript:${x})`),
	payload('md-data', 'an inline data: link', (x) => `[clic](data:text/html,<script>${x}</script>)`),
	payload('md-data-base64', 'an inline base64 data: link', (x) => `[clic](data:text/html;base64,${base64(`<script>${x}</script>`)})`, false),
	payload('md-decimal-entity', 'an inline link with a decimal entity in the scheme', (x) => `[clic](&#106;avascript:${x})`),
	payload('md-hex-entity', 'an inline link with a hex entity in the scheme', (x) => `[clic](&#x6A;avascript:${x})`),
	payload('md-padded-entities', 'an inline link with zero-padded entities', (x) => `[clic](&#0000106&#0000097vascript:${x})`),
	payload('md-tab-entity', 'an inline link with a tab entity in the scheme', (x) => `[clic](java&#x09;script:${x})`),
	payload('md-raw-tab', 'an inline link whose scheme a raw tab splits', (x) => `[clic](<java\tscript:${x}>)`),
	payload('md-newline-entity', 'an inline link whose scheme a newline entity splits', (x) => `[clic](jav&#x0A;ascript:${x})`),
	payload('md-colon-entity', 'an inline link with &colon;', (x) => `[clic](javascript&colon;${x})`),
	payload('md-angle', 'an inline link in angle brackets', (x) => `[clic](<javascript:${x}>)`),
	payload('md-spaces', 'an inline link with spaces around it', (x) => `[clic](  javascript:${x}  )`),
	payload('md-reference', 'a reference link to javascript:', (x) => `[clic][rif-js]\n\n[rif-js]: javascript:${x}`),
	payload('md-reference-angle', 'a reference link to vbscript: in angle brackets', (x) => `[clic][rif-vb]\n\n[rif-vb]: <vbscript:${x}>`),
	payload('md-shortcut-data', 'a shortcut reference to a data: URL', (x) => `[rif-data]\n\n[rif-data]: data:text/html,<script>${x}</script>`),
	payload('autolink-javascript', 'an autolink to javascript:', (x) => `<javascript:${x}>`),
	payload('autolink-caps', 'an autolink to JAVASCRIPT:', (x) => `<JAVASCRIPT:${x}>`),
	payload('autolink-data', 'an autolink to a data: URL', (x) => `<data:text/html,<script>${x}</script>>`),
	payload('autolink-vbscript', 'an autolink to vbscript:', (x) => `<vbscript:${x}>`),
	payload('bare-javascript', 'a bare javascript: URL', (x) => `javascript:${x}`),
	payload('linkify-javascript', 'a bare javascript:// URL that linkify might take for a link', (x) => `vai su javascript://example.com/%0A${x}`),
	payload('md-image-javascript', 'an image with a javascript: source', (x) => `![x](javascript:${x})`),
	payload('md-image-onerror', 'an image whose alt text tries to add onerror', (x) => `![x" onerror="${x}](x)`),
	payload('md-image-src-onerror', 'an image whose source tries to add onerror', (x) => `![x](x" onerror="${x})`),
	// Comments, SVG and MathML, styles.
	payload('html-comment', 'an HTML comment around a script', (x) => `<!-- <script>${x}</script> -->`),
	payload('html-comment-closed-early', 'an HTML comment closed early', (x) => `<!--><img src=x onerror=${x}>-->`),
	payload('svg-script', 'a script inside svg', (x) => `<svg><script>${x}</script></svg>`),
	payload('svg-xlink', 'an svg link to javascript:', (x) => `<svg><a xlink:href="javascript:${x}"><text>clic</text></a></svg>`),
	payload('mathml-mutation', 'a MathML mutation payload', (x) => `<math><mtext><table><mglyph><style><img src=x onerror=${x}>`),
	payload('style-attribute', 'a style attribute', (x) => `<p style="background:url(javascript:${x})">testo</p>`),
	payload('style-element', 'a style element', (x) => `<style>*{background:url("javascript:${x}")}</style>`),
	// Text that a template engine, rather than the browser, might run.
	payload('svelte-braces', 'Svelte-looking braces', (x) => `{${x}}`),
	payload('svelte-html-tag', 'a Svelte {@html} tag', (x) => `{@html '<img src=x onerror=${x}>'}`),
	payload('template-literal', 'a template literal placeholder', (x) => `\${${x}}`),
	payload('angular-expression', 'an Angular-style expression', (x) => `{{constructor.constructor("${x}")()}}`),
	// Mentions, broken or carrying markup.
	payload('mention-javascript', 'a mention whose id is a javascript: URL', (x) => `@[Anna](mention:javascript:${x})`),
	payload('mention-no-at', 'a mention link without its @ to javascript:', (x) => `[x](mention:javascript:${x})`),
	payload('mention-id-breakout', 'a mention whose id tries to close its attribute', (x) => `@[Anna](mention:${NOBODY}" onmouseover="${x})`),
	payload('mention-name-img', 'a mention whose name is an image with onerror', (x) => `@[<img src=x onerror=${x}>](mention:${NOBODY})`),
	payload('mention-name-script', 'a mention whose name is a script', (x) => `@[<script>${x}</script>](mention:${NOBODY})`),
	payload('mention-name-breakout', 'a mention whose name closes an attribute', (x) => `@["><svg onload=${x}>](mention:${NOBODY})`),
	payload('mention-name-code', 'a mention whose name is code', (x) => `@[\`<img src=x onerror=${x}>\`](mention:${NOBODY})`),
	payload('mention-name-link', 'a mention whose name holds a link', (x) => `@[[x](javascript:${x})](mention:${NOBODY})`),
	payload('link-text-html', 'HTML inside a link text', (x) => `[<img src=x onerror=${x}>](https://example.org)`)
];
