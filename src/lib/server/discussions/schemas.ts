import { z } from 'zod';
import { isUuid } from '../../uuid.ts';
import { BODY_MAX, TITLE_MAX, TITLE_MIN } from '../../discussions/limits.ts';
import { typedText as typed } from '../forms.ts';
import { chosenMentions as mentions } from '../mentions.ts';

// The discussion forms, validated at the edge; messages are i18n keys.

const title = z
	.string()
	.transform(typed)
	.pipe(
		z
			.string()
			.min(1, 'discussions.titleRequired')
			.min(TITLE_MIN, 'discussions.titleLength')
			.max(TITLE_MAX, 'discussions.titleLength')
	);

const body = z
	.string()
	.transform(typed)
	.pipe(z.string().min(1, 'discussions.bodyRequired').max(BODY_MAX, 'discussions.bodyLength'));

// No document is an empty choice; anything else must at least look like an id.
const documentId = z
	.string()
	.optional()
	.transform((value) => value?.trim() || null)
	.refine((value) => value === null || isUuid(value), 'discussions.documentInvalid');

/** What the document picker's field shows (without JavaScript, all that is sent). */
const documentTitle = z
	.string()
	.optional()
	.transform((value) => value?.trim() ?? '');

// `document` is the picker's choice, `documentChoice` one of the candidates a refusal offered.
export const newThreadSchema = z.object({
	title,
	body,
	mentions,
	document: documentId,
	documentChoice: documentId,
	documentTitle
});
export const replySchema = z.object({ body, mentions });
