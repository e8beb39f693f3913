// A request for another role waiting in the demo network: the ASL's viewer
// asks to comment on the pact under review, so that a newcomer finds it in
// the facilitator's inbox and on the members page, with Accogli / Rifiuta.
import type { Queryable } from './types.ts';

const MESSAGE =
	'Vorrei commentare il patto di comunità in revisione per conto del Dipartimento di Salute Mentale: abbiamo osservazioni sui percorsi di tirocinio.';

/** Asks as `requesterId`, through request_access() as the page would, so the facilitators are notified as they would be. */
export async function seedDemoAccessRequest(tx: Queryable, networkId: string, requesterId: string): Promise<void> {
	await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: requesterId, role: 'authenticated' })]);
	await tx.query(`select public.request_access($1, 'commenter', $2)`, [networkId, MESSAGE]);
	await tx.query(`select set_config('request.jwt.claims', '', true)`);
}
