// Who may open a document's socket, decided before any document data is
// sent: the session from the upgrade request's cookies, then the person's
// role on the document's network and whether they may write it, asked of
// the database as that person (trama_collab.admission: document_access and
// may_write_document), so that the SQL rule is the only one.
import type { SessionUser } from '../auth/types.ts';
import type { Database } from '../db/types.ts';
import { presenceOf, type Presence } from '../../presence.ts';
import { isUuid } from '../../uuid.ts';

export type Role = 'facilitator' | 'editor' | 'commenter' | 'viewer';

export interface Admission {
	user: SessionUser;
	networkId: string;
	presence: Presence;
	role: Role;
	/** Whoever may_write_document refuses: commenters, viewers, and everyone on an archived document. */
	readOnly: boolean;
}

export type Refusal = { status: 401 | 403 | 404; reason: string };

/** The document id in /collab/<documentId>, or null when the path is not the collab socket's. */
export function documentIdFromPath(url: string | undefined): string | null | undefined {
	const path = (url ?? '').split('?')[0];
	if (!path.startsWith('/collab/')) return undefined;
	const id = path.slice('/collab/'.length);
	return isUuid(id) ? id.toLowerCase() : null;
}

/** What `user` may do with the document now: asked on every upgrade, and again when roles or status change. */
export async function authorize(db: Database, user: SessionUser, documentId: string): Promise<Admission | Refusal> {
	const claims = { sub: user.id, email: user.email, role: 'authenticated' as const };
	// One statement, one round trip: see trama_collab.admission.
	const { rows } = await db.query<{ network_id: string; role: Role; may_write: boolean; display_name: string | null }>(
		'select network_id, role, may_write, display_name from trama_collab.admission($1, $2)',
		[JSON.stringify(claims), documentId],
		{ prepare: true }
	);
	const [access] = rows;
	if (!access) {
		const exists = await db.query<{ found: boolean }>('select exists (select 1 from public.documents where id = $1) as found', [
			documentId
		]);
		return exists.rows[0].found ? { status: 403, reason: 'not a member of this network' } : { status: 404, reason: 'no such document' };
	}
	const presence = presenceOf({ id: user.id, name: access.display_name ?? user.email });
	return { user, networkId: access.network_id, presence, role: access.role, readOnly: !access.may_write };
}
