// Open sockets follow access changes however they were made — a form, SQL
// in a console, another process — because they follow the database's own
// announcements: the activity triggers NOTIFY every role change, removal,
// status change and deletion on one channel, after commit, to every
// process listening. Only what may change someone's access is acted on.
/** The open sockets to ask about again: those matching every id given (none given: all). */
export interface RecheckScope {
	documentId?: string;
	networkId?: string;
	userId?: string;
}

const MEMBERSHIP = new Set(['member_role_changed', 'member_left', 'member_removed']);
const DOCUMENT = new Set(['document_status_changed', 'document_deleted']);

/** Which open sockets an announcement concerns, or null when it changes nobody's access. */
export function recheckScope(payload: string): RecheckScope | null {
	// The connection to the database came back: announcements may have been missed.
	if (payload === '') return {};
	let event: { network?: unknown; action?: unknown; subject?: unknown };
	try {
		event = JSON.parse(payload);
	} catch {
		return null;
	}
	if (typeof event.subject !== 'string') return null;
	if (MEMBERSHIP.has(String(event.action)) && typeof event.network === 'string') return { networkId: event.network, userId: event.subject };
	if (DOCUMENT.has(String(event.action))) return { documentId: event.subject };
	return null;
}
