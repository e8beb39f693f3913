import type { SubmitFunction } from '@sveltejs/kit';
import type { Failed } from '$lib/form-failure';

/**
 * One comment form's submissions, for use:enhance. One at a time (a double
 * click must not post twice). A refusal stays with this form, not the page,
 * and nothing is reset, so what was typed stays; so does a failure to reach
 * the server at all, which would otherwise replace the page with an error.
 * A success updates the page's data as SvelteKit does by default.
 */
export class Submission {
	pending = $state(false);
	refusal = $state.raw<Failed | null>(null);

	/** `refusal`: what the server answered when the page was rendered without JavaScript. */
	constructor(refusal: Failed | null = null) {
		this.refusal = refusal;
	}

	enhance(done: (data: Record<string, unknown> | undefined) => void = () => {}): SubmitFunction {
		return ({ cancel }) => {
			if (this.pending) return cancel();
			this.pending = true;
			return async ({ result, update }) => {
				try {
					if (result.type === 'failure') {
						this.refusal = result.data as unknown as Failed;
					} else if (result.type === 'error') {
						this.refusal = { errors: {}, values: {}, message: 'comments.postFailed' };
					} else {
						this.refusal = null;
						await update();
						if (result.type === 'success') done(result.data);
					}
				} finally {
					this.pending = false;
				}
			};
		};
	}
}
