import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { runtime } from '$lib/server/runtime';

// For load balancers and `npm test`: answers only once migrations have run and the database replies.
export const GET: RequestHandler = async () => {
	const { db, auth, fileStore } = await runtime();
	const modes = { database: db.kind, auth: auth.kind, files: fileStore.kind };
	try {
		await db.query('select 1');
		return json({ ok: true, ...modes });
	} catch {
		return json({ ok: false, ...modes }, { status: 503 });
	}
};
