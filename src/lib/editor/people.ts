import type { Presence } from '$lib/presence';

/** Someone in the document, as the presence list shows them. */
export interface PersonHere extends Presence {
	self: boolean;
	/** Open in more than one tab or device. */
	sessions: number;
}

const isPresence = (user: unknown): user is Presence => {
	const u = user as Partial<Presence> | null;
	return typeof u?.id === 'string' && typeof u.name === 'string' && typeof u.color === 'string';
};

/**
 * The people in a document from the awareness states: one entry per person
 * however many tabs they have open, yourself first, then by name. The collab
 * server stamps `user` on every entry from the session, so names and colours
 * cannot be forged by another client; entries without one (a peer still
 * connecting) are left out.
 */
export function peopleHere(states: Iterable<[number, Record<string, unknown> | null | undefined]>, selfId: string): PersonHere[] {
	const byId = new Map<string, PersonHere>();
	for (const [, state] of states) {
		const user = state?.user;
		if (!isPresence(user)) continue;
		const known = byId.get(user.id);
		if (known) known.sessions += 1;
		else byId.set(user.id, { id: user.id, name: user.name, color: user.color, self: user.id === selfId, sessions: 1 });
	}
	return [...byId.values()].sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name, 'it'));
}
