import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './databases.ts';
import { addMember, createNetwork, createUser, type TestNetwork, type TestUser } from './factories.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import type { Database } from '../../src/lib/server/db/types.ts';
import {
	countDocuments,
	DOCUMENTS_PER_PAGE,
	listDocuments,
	type DocumentListOptions,
	type DocumentPage
} from '../../src/lib/server/documents/queries.ts';
import type { DocumentKind, DocumentStatus } from '../../src/lib/documents/kinds.ts';

// The documents list a page at a time, as each person: every document is
// reached exactly once going forwards and backwards, with filters, ties in
// the change time down to the microsecond, and nothing for a stranger.

const SIZE = 123;

describe.each(backends)('the documents list, page by page, on $name', (backend) => {
	let db: Database;
	let lead: TestUser;
	let viewer: TestUser;
	let outsider: TestUser;
	let network: TestNetwork;
	/** Every document of the network in the list's order, as the service reads it. */
	let expected: { id: string; kind: DocumentKind; status: DocumentStatus }[];
	const as = <T>(user: TestUser, fn: Parameters<typeof withUser<T>>[2]) => withUser(db, user.claims, fn);
	const page = (user: TestUser, options: DocumentListOptions = {}) => as(user, (tx) => listDocuments(tx, network.id, options));

	/** Follows the "show more" links from the first page to the last. */
	async function forwards(user: TestUser, options: DocumentListOptions = {}): Promise<DocumentPage[]> {
		const pages = [await page(user, options)];
		// Bounded, so that a place that leads back on itself fails the test instead of hanging it.
		while (pages.at(-1)!.hasNext && pages.length <= SIZE) pages.push(await page(user, { ...options, after: pages.at(-1)!.last }));
		return pages;
	}

	const ids = (pages: DocumentPage[]) => pages.flatMap((p) => p.documents.map((d) => d.id));

	beforeAll(async () => {
		db = await backend.fresh();
		lead = await createUser(db, { displayName: 'Giulia' });
		viewer = await createUser(db, { displayName: 'Paolo' });
		outsider = await createUser(db, { displayName: 'Ester' });
		network = await createNetwork(db, lead);
		await addMember(db, network, viewer, 'viewer');
		const elsewhere = await createNetwork(db, outsider);
		// Changed one microsecond apart in threes, so each time is shared by three
		// documents and two times differ by less than a millisecond; the text
		// changed before or after the title, so the later of the two counts.
		await db.query(
			`insert into public.documents (network_id, kind, title, status, content_updated_at, updated_at)
			 select $1, (array['territorial_map','community_pact','co_design','free','minutes']::public.document_kind[])[1 + i % 5],
			        'Documento ' || i,
			        (array['draft','in_review','approved','archived']::public.document_status[])[1 + i % 4],
			        case when i % 2 = 0 then t else t - interval '1 day' end,
			        case when i % 2 = 0 then t - interval '1 day' else t end
			 from generate_series(1, $2) as i,
			      lateral (select timestamptz '2026-03-01 10:00:00+00' + (i / 3) * interval '1 microsecond' as t) as at`,
			[network.id, SIZE]
		);
		await db.query(`insert into public.documents (network_id, kind, title) values ($1, 'free', 'Di un’altra rete')`, [
			elsewhere.id
		]);
		const { rows } = await db.query<{ id: string; kind: DocumentKind; status: DocumentStatus }>(
			`select id, kind::text as kind, status::text as status from public.documents where network_id = $1
			 order by greatest(content_updated_at, updated_at) desc, id desc`,
			[network.id]
		);
		expected = rows;
	});
	afterAll(() => db?.close());

	it('reaches every document exactly once, in order, fifty at a time', async () => {
		const pages = await forwards(viewer);
		expect(pages.map((p) => p.documents.length)).toEqual([DOCUMENTS_PER_PAGE, DOCUMENTS_PER_PAGE, SIZE - 2 * DOCUMENTS_PER_PAGE]);
		expect(ids(pages)).toEqual(expected.map((d) => d.id));
		expect(pages.map((p) => [p.hasPrevious, p.hasNext])).toEqual([
			[false, true],
			[true, true],
			[true, false]
		]);
	});

	it('goes back page by page to the same pages, and the first page is never short', async () => {
		const pages = await forwards(viewer, { limit: 40 });
		let back = pages.at(-1)!;
		const seen = [back];
		while (back.hasPrevious && seen.length <= SIZE) seen.unshift((back = await page(viewer, { limit: 40, before: back.first })));
		expect(seen.map((p) => p.documents.map((d) => d.id))).toEqual(pages.map((p) => p.documents.map((d) => d.id)));

		// Back from the ninth document: fewer than a page precede it, so the list starts again, full.
		const nine = await page(viewer, { limit: 9 });
		const start = await page(viewer, { limit: 40, before: nine.last });
		expect(start.documents.map((d) => d.id)).toEqual(expected.slice(0, 40).map((d) => d.id));
		expect(start.hasPrevious).toBe(false);
	});

	it('counts the whole list and where each page starts in it', async () => {
		const pages = await forwards(viewer);
		const counts = await Promise.all(pages.map((p) => as(viewer, (tx) => countDocuments(tx, network.id, {}, p.first))));
		expect(counts).toEqual([
			{ total: SIZE, preceding: 0 },
			{ total: SIZE, preceding: DOCUMENTS_PER_PAGE },
			{ total: SIZE, preceding: 2 * DOCUMENTS_PER_PAGE }
		]);
	});

	it('pages through a filter, counting only what it lets through', async () => {
		const filters = { kind: 'minutes' as const, status: 'approved' as const };
		const wanted = expected.filter((d) => d.kind === filters.kind && d.status === filters.status).map((d) => d.id);
		expect(wanted.length).toBeGreaterThan(3);
		const pages = await forwards(viewer, { ...filters, limit: 2 });
		expect(ids(pages)).toEqual(wanted);
		expect(await as(viewer, (tx) => countDocuments(tx, network.id, filters, pages[1].first))).toEqual({
			total: wanted.length,
			preceding: 2
		});
		const archived = await forwards(viewer, { status: 'archived' });
		expect(ids(archived)).toEqual(expected.filter((d) => d.status === 'archived').map((d) => d.id));
	});

	it('shows the first page for a place past the end of the list', async () => {
		const last = expected.at(-1)!;
		const { rows } = await db.query<{ at: string }>(
			`select to_char(greatest(content_updated_at, updated_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at
			 from public.documents where id = $1`,
			[last.id]
		);
		const beyond = await page(viewer, { after: { at: rows[0].at, id: last.id } });
		expect(beyond.documents.map((d) => d.id)).toEqual(expected.slice(0, DOCUMENTS_PER_PAGE).map((d) => d.id));
		expect(beyond.hasPrevious).toBe(false);
	});

	it('shows and counts nothing to someone outside the network, whatever place they ask for', async () => {
		const first = await page(lead);
		expect((await page(outsider)).documents).toEqual([]);
		expect((await page(outsider, { after: first.last })).documents).toEqual([]);
		expect((await page(outsider, { before: first.last })).documents).toEqual([]);
		expect(await as(outsider, (tx) => countDocuments(tx, network.id))).toEqual({ total: 0, preceding: 0 });
		expect(await as(outsider, (tx) => countDocuments(tx, network.id, {}, first.last))).toEqual({ total: 0, preceding: 0 });
	});
});
