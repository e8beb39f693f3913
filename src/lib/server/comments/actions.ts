// The comment form actions that every page with comments shares: a
// document's page (comments in the text) and a territorial map's entries
// page (comments on entries). Each page says what its comments are anchored
// to; replying and resolving are the same wherever the comment is.
import type { RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { attempt, attemptChange, parseForm, refuse } from '../forms.ts';
import { parseAttachments, unavailableRefusal } from '../attachments/choice.ts';
import { postAttaching, type AttachmentPost } from '../attachments/queries.ts';
import type { Queryable } from '../db/types.ts';
import { withMentions } from '../mentions.ts';
import { addReply, setResolved } from './queries.ts';
import { replySchema, resolveSchema } from './schemas.ts';

/** A request on a document's pages: the network and the document are in the address. */
export type DocumentEvent = RequestEvent<{ id: string; docId: string }>;

/**
 * Posts a comment or a reply with its files. The query answers null when
 * the person cannot see where it would go (another network's document, a
 * forged id); the policies refuse viewers; the rate limit refuses a burst;
 * a chosen file may have gone meanwhile. Each refusal keeps what was typed.
 */
export async function postWithFiles(
	{ form, locals, networkId }: { form: FormData; locals: App.Locals; networkId: string },
	insert: (tx: Queryable) => Promise<string | null>,
	target: (id: string) => AttachmentPost
) {
	const files = parseAttachments(form);
	if (files.failure) return files.failure;
	const posted = await attempt(
		form,
		() => locals.db((tx) => postAttaching(tx, networkId, files.data, () => insert(tx), (id) => (id ? target(id) : null))),
		'comments.refused'
	);
	if (posted === null) return refuse(403, form, 'comments.refused');
	if (typeof posted === 'object' && 'unavailable' in posted) return unavailableRefusal(form, posted.unavailable);
	return posted;
}

/**
 * Posts a new comment of the document: `schema` reads what it is anchored to
 * (words of the text, a map entry) and `insert` stores it there, its @names
 * written as mentions.
 */
export function commentAction<S extends z.ZodType<{ body: string; mentions: string[] }>>(
	schema: S,
	insert: (tx: Queryable, place: { networkId: string; documentId: string }, comment: z.output<S>) => Promise<string | null>
) {
	return async ({ request, locals, params }: DocumentEvent) => {
		const form = await request.formData();
		const { data, failure } = parseForm(schema, form);
		if (failure) return failure;
		const place = { networkId: params.id, documentId: params.docId };
		const id = await postWithFiles(
			{ form, locals, networkId: params.id },
			async (tx) => insert(tx, place, { ...data, body: await withMentions(tx, params.id, data.body, data.mentions) }),
			(comment) => ({ comment })
		);
		return typeof id === 'string' ? { commented: id } : id;
	};
}

/** Replies to a comment of the document, in the text or on an entry. */
export async function replyAction({ request, locals, params }: DocumentEvent) {
	const form = await request.formData();
	const { data, failure } = parseForm(replySchema, form);
	if (failure) return failure;
	const place = { networkId: params.id, documentId: params.docId, commentId: data.commentId };
	const id = await postWithFiles(
		{ form, locals, networkId: params.id },
		async (tx) => addReply(tx, place, await withMentions(tx, params.id, data.body, data.mentions)),
		(reply) => ({ reply })
	);
	return typeof id === 'string' ? { replied: data.commentId } : id;
}

/** Resolves or reopens a comment of the document. */
export async function resolveAction({ request, locals, params }: DocumentEvent) {
	const form = await request.formData();
	const { data, failure } = parseForm(resolveSchema, form);
	if (failure) return failure;
	const place = { networkId: params.id, documentId: params.docId, commentId: data.commentId };
	const refused = await attemptChange(
		form,
		() => locals.db((tx) => setResolved(tx, place, data.resolved)),
		'comments.resolveRefused'
	);
	return refused ?? { resolvedChange: { commentId: data.commentId, resolved: data.resolved } };
}
