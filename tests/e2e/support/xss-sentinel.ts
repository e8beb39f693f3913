import { expect, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from '@playwright/test';
import { readableCall } from '../../xss-corpus.ts';

// What the XSS spec watches in every browser it drives: calls to the
// window.__xss sentinel that the corpus's payloads would make if they ever
// ran, and the dialogs that classic payloads open. Both are installed on the
// browser context before its first page exists, so that nothing can run
// before the sentinel is there to see it.
//
// The app's Content-Security-Policy refuses inline script, so with it in
// force a page that failed to escape a payload would still call nothing and
// the sentinel would prove little. Watched contexts therefore bypass CSP:
// the sentinel witnesses the escaping alone, and CSP stays a second layer
// that the spec checks apart.

declare global {
	interface Window {
		__xss(label: string): void;
	}
}

/** The dialogs a payload opens (alert(1) and friends); beforeunload is the app's own. */
const PAYLOAD_DIALOGS = new Set(['alert', 'confirm', 'prompt']);

export class XssSentinel {
	/** Labels the sentinel was called with, in order. */
	readonly calls: string[] = [];
	/** Dialogs opened, as "type: message". */
	readonly dialogs: string[] = [];

	/** Installs the sentinel and the dialog watch on a context that has no page yet. */
	async watch(context: BrowserContext): Promise<BrowserContext> {
		await context.exposeFunction('__xss', (label: unknown) => {
			this.calls.push(String(label));
		});
		context.on('dialog', (dialog) => {
			if (PAYLOAD_DIALOGS.has(dialog.type())) this.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
			void dialog.dismiss().catch(() => {});
		});
		return context;
	}

	/**
	 * The browser as signIn() uses it, each new context without CSP and
	 * watched before its first page: signIn() opens the login page at once,
	 * so the sentinel cannot be added after it returns.
	 */
	watching(browser: Browser): Browser {
		return new Proxy(browser, {
			get: (target, key, receiver) =>
				key === 'newContext'
					? async (options?: BrowserContextOptions) => this.watch(await target.newContext({ ...options, bypassCSP: true }))
					: Reflect.get(target, key, receiver)
		});
	}

	/** Forgets the calls seen so far; for the control that proves the sentinel works. */
	clear(): void {
		this.calls.length = 0;
		this.dialogs.length = 0;
	}

	/** Every element or attribute in the page that could run script, described; empty when there is none. */
	runnableMarkup(page: Page): Promise<string[]> {
		return page.evaluate(findRunnableMarkup);
	}

	/**
	 * Asserts that the page, now showing what people typed, ran none of it:
	 * the sentinel was never called, no dialog opened, and the DOM holds
	 * nothing that could run: no script but SvelteKit's own, no event
	 * handler attribute, no javascript:/data:/vbscript: address, no frame,
	 * object, embed or base element. Waits first for the network to settle
	 * and every image to be done, so that one that failed has fired its
	 * onerror; the sentinel's calls reach the test before the page's answer.
	 */
	async expectNothingRan(page: Page): Promise<void> {
		await page.waitForLoadState('networkidle');
		await page.waitForFunction(() => [...document.images].every((image) => image.complete));
		const markup = await this.runnableMarkup(page);
		// Calls and dialogs are those of any watched page so far; the markup is this page's.
		expect({ calls: this.calls, dialogs: this.dialogs, markup }, `what ran, or could run on ${page.url()}`).toEqual({
			calls: [],
			dialogs: [],
			markup: []
		});
	}
}

/**
 * Asserts that each payload's call is on the page as text a person reads,
 * so a page cannot pass by showing nothing.
 */
export async function expectReadable(where: Locator, labels: string[]): Promise<void> {
	await expect(where.first()).toBeVisible();
	const missing = async () => {
		const text = (await where.allInnerTexts()).join('\n');
		return labels.filter((label) => !text.includes(readableCall(label)));
	};
	await expect.poll(missing, { message: 'payloads not shown as text' }).toEqual([]);
}

/** Runs in the page: see runnableMarkup(). */
function findRunnableMarkup(): string[] {
	// Addresses a browser goes to when a link is followed or a form sent, where
	// a data: document is as bad as script; and addresses it loads, where
	// data: is only an image.
	const NAVIGATES = new Set(['href', 'xlink:href', 'action', 'formaction']);
	const LOADS = new Set(['src', 'data', 'poster', 'background', 'ping', 'codebase']);
	const FORBIDDEN = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base']);
	// SvelteKit's inline start-up script, the only one the app writes: a child of app.html's wrapper.
	const wrapper = document.body.firstElementChild;
	const isSvelteKitStart = (element: Element) =>
		element.parentElement === wrapper && /^\s*\{\s*__sveltekit_/.test(element.textContent ?? '');

	const problems: string[] = [];
	for (const element of document.querySelectorAll('*')) {
		const tag = element.localName;
		const where = `<${tag}${element.id ? `#${element.id}` : ''}>`;
		if (FORBIDDEN.has(tag)) problems.push(`${where} element`);
		if (tag === 'script' && !isSvelteKitStart(element)) problems.push(`${where} ${(element.textContent ?? '').slice(0, 60)}`);
		if (tag === 'meta' && element.getAttribute('http-equiv')?.toLowerCase() === 'refresh') problems.push(`${where} refresh`);
		for (const { name, value } of element.attributes) {
			// Browsers drop ASCII whitespace and control characters inside a scheme.
			const address = value.replace(/[\u0000-\u0020]/g, '');
			if (name.startsWith('on')) problems.push(`${where} ${name}="${value}"`);
			else if (name === 'srcdoc') problems.push(`${where} srcdoc`);
			else if (NAVIGATES.has(name) && /^(javascript|vbscript|data):/i.test(address)) problems.push(`${where} ${name}="${value}"`);
			else if (LOADS.has(name) && /^(javascript|vbscript):/i.test(address)) problems.push(`${where} ${name}="${value}"`);
			else if (name === 'style' && /javascript:|expression\(/i.test(address)) problems.push(`${where} style="${value}"`);
		}
	}
	return problems;
}
