import { tick } from 'svelte';
import type { SubmitFunction } from '@sveltejs/kit';

/** The element that says what the last change of the file space did (see FileSpaceStatus). */
export const STATUS_ID = 'files-status';

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
