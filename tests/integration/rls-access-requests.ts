import { exists, MEMBERS, sawRow, SIGNED_IN, type Operation, type Prepare } from './rls-types.ts';

// The part of the row-level policy matrix (rls-matrix.test.ts) about
// requests for more access. The rules, as 20261207176000_access_requests.sql
// writes them: the requester sees their own, the network's facilitators see
// all of its requests; nobody writes, changes or deletes a row directly —
// request_access() and decide_access_request() do (tested in
// access-requests.test.ts).

/** A waiting request of the acting person's own in network A, to facilitate it, written by the service. */
const ownRequest: Prepare = (tx, w, self, at) =>
	tx.query(`insert into public.access_requests (id, network_id, requester_id, role) values ($1, $2, $3, 'facilitator')`, [
		at.id,
		w.a.id,
		self!.id
	]);
/** The bystander's, a viewer of A. */
const bystanderRequest: Prepare = (tx, w, _self, at) =>
	tx.query(`insert into public.access_requests (id, network_id, requester_id, role) values ($1, $2, $3, 'commenter')`, [
		at.id,
		w.a.id,
		w.bystander.id
	]);

const ASKING = MEMBERS.filter((member) => member !== 'facilitator');

export const accessRequestOperations: Operation[] = [
	{
		table: 'access_requests',
		phrase: 'see its own request for another role in network A',
		actors: ASKING,
		allowed: ASKING,
		prepare: ownRequest,
		act: (tx, _w, _self, at) => tx.query('select id from public.access_requests where id = $1', [at.id]),
		tookEffect: sawRow
	},
	{
		table: 'access_requests',
		phrase: "see another member's request for another role in network A",
		allowed: ['facilitator'],
		prepare: bystanderRequest,
		act: (tx, _w, _self, at) => tx.query('select id from public.access_requests where id = $1', [at.id]),
		tookEffect: sawRow
	},
	{
		table: 'access_requests',
		phrase: 'write a request for another role in network A directly',
		actors: SIGNED_IN,
		allowed: [],
		act: (tx, w, self, at) =>
			tx.query(`insert into public.access_requests (id, network_id, requester_id, role) values ($1, $2, $3, 'facilitator')`, [
				at.id,
				w.a.id,
				self?.id ?? w.bystander.id
			]),
		tookEffect: (tx, _w, _self, _rows, at) => exists(tx, 'select 1 from public.access_requests where id = $1', [at.id])
	},
	{
		table: 'access_requests',
		phrase: 'grant a request for another role in network A by changing it directly',
		allowed: [],
		prepare: bystanderRequest,
		act: (tx, _w, _self, at) =>
			tx.query(`update public.access_requests set status = 'granted', decided_at = now() where id = $1`, [at.id]),
		tookEffect: (tx, _w, _self, _rows, at) =>
			exists(tx, `select 1 from public.access_requests where id = $1 and status = 'granted'`, [at.id])
	},
	{
		table: 'access_requests',
		phrase: 'delete a request for another role in network A',
		allowed: [],
		prepare: bystanderRequest,
		act: (tx, _w, _self, at) => tx.query('delete from public.access_requests where id = $1', [at.id]),
		tookEffect: async (tx, _w, _self, _rows, at) => !(await exists(tx, 'select 1 from public.access_requests where id = $1', [at.id]))
	}
];
