import { z } from 'zod';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../notifications.ts';
import { parseKeyset } from '../keyset.ts';

// The inbox's GET parameters and the settings form, validated at the edge.

/** Which notifications the inbox shows: anything unknown is simply all of them, from the newest. */
export function inboxQuery(params: URLSearchParams) {
	return {
		unreadOnly: params.get('show') === 'unread',
		before: parseKeyset(params.get('before'))
	};
}

// A checkbox is sent as "on" when ticked and not at all otherwise.
const ticked = z.literal('on', { error: 'notifications.settingsInvalid' }).optional();

// One box per kind, so that a new kind needs no change here.
export const settingsSchema = z.object(
	Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, ticked])) as Record<NotificationKind, typeof ticked>
);

/** The kinds left unticked: the person does not want them. */
export const mutedKinds = (form: z.output<typeof settingsSchema>): NotificationKind[] =>
	NOTIFICATION_KINDS.filter((kind) => form[kind] !== 'on');
