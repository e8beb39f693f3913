import { error } from '@sveltejs/kit';

/**
 * Makes the request's formData() answer 400 when the body is not a form it
 * can read (multipart without a boundary, a broken part header, a body cut
 * short). Every form action reads its body through formData(), so this one
 * wrapper covers them all; SvelteKit would otherwise take the parser's
 * TypeError for a fault of ours and answer 500. A failure that already
 * carries its status (SvelteKit's own 413 for a body over the limit) keeps it.
 * A copy (an action that reads the form before another does) answers the same.
 */
export function readableFormsOnly(request: Request): void {
	const formData = request.formData.bind(request);
	const clone = request.clone.bind(request);
	Object.defineProperty(request, 'clone', {
		value: () => {
			const copy = clone();
			readableFormsOnly(copy);
			return copy;
		}
	});
	Object.defineProperty(request, 'formData', {
		value: async () => {
			try {
				return await formData();
			} catch (failure) {
				if (typeof (failure as { status?: unknown })?.status === 'number') throw failure;
				error(400, { message: 'errors.form_unreadable', title: 'errors.form_unreadable_title' });
			}
		}
	});
}
