import { tick } from 'svelte';
import type { SubmitFunction } from '@sveltejs/kit';

// What the file space's forms share in the browser: where they post, and
// what happens after a change is made.

/** The element that says what the last change of the file space did (see ChangeStatus). */
export const STATUS_ID = 'files-status';

/** Parameters only meaningful once: an upload's outcome, and the action name of a form posted without JavaScript. */
const ONCE = (key: string) => key.startsWith('/') || key === 'uploaded' || key === 'upload_error';

/**
 * The address of a named form action that keeps the page's own query. A
 * bare "?/rename" would replace it, and a browser without JavaScript would
 * come back to the top of the file space instead of the folder it was in.
 */
export function actionHref(url: URL, action: string): string {
	const kept = new URLSearchParams([...url.searchParams].filter(([key]) => !ONCE(key))).toString();
	return `${url.pathname}?${kept ? `${kept}&` : ''}/${action}`;
}

/**
 * use:enhance for the file space's forms: SvelteKit's own handling, then,
 * once a change is made, focus on the sentence saying so — the control
 * just used may be gone (a file moved elsewhere, a panel closed), and focus
 * would otherwise fall back to the top of the page.
 */
export const afterChange: SubmitFunction = () => async ({ result, update }) => {
	await update();
	await tick();
	if (result.type === 'success') document.getElementById(STATUS_ID)?.focus();
};
