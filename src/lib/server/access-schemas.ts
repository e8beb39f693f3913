import { z } from 'zod';
import { ROLES } from '../domain.ts';
import { ACCESS_MESSAGE_MAX } from '../access/requests.ts';
import { typedText } from './forms.ts';

// The forms of asking for more access and deciding on it, validated at the
// edge. Which roles one may ask for is the database's to say
// (request_access()); here only that it is a role.

export const accessRequestSchema = z.object({
	role: z.enum(ROLES, { error: 'access.roleInvalid' }),
	message: z
		.string()
		.optional()
		.transform((value) => typedText(value ?? ''))
		.pipe(z.string().max(ACCESS_MESSAGE_MAX, { error: 'access.messageLength' }))
});

export const accessDecisionSchema = z.object({
	id: z.uuid(),
	decision: z.enum(['grant', 'decline'], { error: 'access.decisionInvalid' })
});
