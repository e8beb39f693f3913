import { z } from 'zod';
import { isUuid } from '../documents/schemas.ts';
import { BODY_MAX, TITLE_MAX, TITLE_MIN } from '../../discussions/limits.ts';
import { typedText as typed } from '../forms.ts';

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

export const newThreadSchema = z.object({ title, body, document: documentId });
export const replySchema = z.object({ body });
