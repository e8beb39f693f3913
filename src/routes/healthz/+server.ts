import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { runtime } from '$lib/server/runtime';

// For load balancers and `npm test`: answers only once migrations have run and the database replies.
export const GET: RequestHandler = async () => {
	const { db, auth } = await runtime();
	try {
		await db.query('select 1');
		return json({ ok: true, database: db.kind, auth: auth.kind });
	} catch {
		return json({ ok: false, database: db.kind, auth: auth.kind }, { status: 503 });
	}
};
