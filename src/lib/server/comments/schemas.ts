import { z } from 'zod';
import * as Y from 'yjs';
import { COMMENT_BODY_MAX, QUOTE_MAX } from '../../comments/types.ts';
import { isUuid } from '../../uuid.ts';
import { typedText } from '../forms.ts';
import { chosenMentions as mentions } from '../mentions.ts';

// The comment forms, validated at the edge; messages are i18n keys.
const body = z
	.string()
	.transform(typedText)
	.pipe(z.string().min(1, 'comments.bodyRequired').max(COMMENT_BODY_MAX, 'comments.bodyTooLong'));

const BASE64 = /^[A-Za-z0-9+/]{2,}={0,2}$/;

/** A Y.encodeRelativePosition in base64, as the editor sends it; the database keeps at most 512 bytes. */
const anchor = z.string().transform((value, context) => {
	const bytes = BASE64.test(value) ? new Uint8Array(Buffer.from(value, 'base64')) : null;
	if (bytes && bytes.length <= 512 && decodes(bytes)) return bytes;
	context.addIssue({ code: 'custom', message: 'comments.anchorInvalid' });
	return z.NEVER;
});

function decodes(bytes: Uint8Array): boolean {
	try {
		Y.decodeRelativePosition(bytes);
		return true;
	} catch {
		return false;
	}
}

const commentId = z.string().refine(isUuid, 'comments.notFound');

export const commentSchema = z.object({
	body,
	mentions,
	quote: z
		.string()
		.max(QUOTE_MAX, 'comments.anchorInvalid')
		.refine((quote) => quote.trim().length > 0, 'comments.selectionEmpty'),
	anchorFrom: anchor,
	anchorTo: anchor
});

/** A comment on a map entry: the entry's id and its name as the person saw it, kept as the comment's quote. */
export const entryCommentSchema = z.object({
	body,
	mentions,
	entryId: z.string().refine(isUuid, 'mapComments.entryMissing'),
	entryName: z
		.string()
		.transform((name) => name.trim())
		.pipe(z.string().min(1, 'mapComments.entryMissing').max(QUOTE_MAX, 'mapComments.entryMissing'))
});

export const replySchema = z.object({ commentId, body, mentions });

export const resolveSchema = z.object({
	commentId,
	resolved: z.enum(['true', 'false'], { error: 'comments.notFound' }).transform((value) => value === 'true')
});
