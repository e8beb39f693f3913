import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, adminQuery } from './databases.ts';
import { createNetworkCast, createUser, unique, type NetworkCast } from './factories.ts';
import { entry, recorded } from './activity-record.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import type { Database, Queryable } from '../../src/lib/server/db/types.ts';
import { openPglite } from '../../src/lib/server/db/pglite.ts';
import { openPostgres } from '../../src/lib/server/db/postgres.ts';
import { listMigrations, migrate } from '../../src/lib/server/db/migrate.ts';
import { addPartner, getPartner, removePartner, updatePartner, type PartnerInput } from '../../src/lib/server/networks/partners.ts';
import { acceptInvitation, createInvitation, revokeInvitation } from '../../src/lib/server/networks/invitations.ts';
import { listActivity } from '../../src/lib/server/activity/queries.ts';

// Partners' details and systems (20261207170000_partner_details.sql): who may
// edit which column, the systems as a set never empty, and what the activity
// record says of partners and invitations.

const THIS_MIGRATION = '20261207170000';

const details = (overrides: Partial<PartnerInput> = {}): PartnerInput => ({
	name: unique('Cooperativa sociale Il Ponte'),
	kind: 'social_coop_b',
	systems: ['employment'],
	description: 'Inserimento lavorativo.',
	address: '',
	website: '',
	contactPerson: '',
	legalRepresentative: '',
	taxCode: '',
	...overrides
});

/** A database migrated up to, not including, this migration, and a way to run the rest; dropped by close(). */
async function beforeThisMigration(name: string): Promise<{ db: Database; close: () => Promise<void> }> {
	let db: Database;
	let drop = async () => {};
	if (name === 'pglite') db = await openPglite();
	else {
		const server = process.env.TEST_DATABASE_URL!;
		const database = `trama_test_${unique('old').replace(/\W/g, '_').toLowerCase()}`;
		await adminQuery(server, `create database ${database}`);
		const url = new URL(server);
		url.pathname = `/${database}`;
		db = await openPostgres(url.toString(), 2);
		drop = () => adminQuery(server, `drop database if exists ${database} with (force)`);
	}
	// Marked as applied, this migration and those after it are skipped by the first run.
	await db.exec(`create schema supabase_migrations;
		create table supabase_migrations.schema_migrations (version text primary key, statements text[], name text)`);
	for (const later of listMigrations().filter((m) => m.version >= THIS_MIGRATION)) {
		await db.query('insert into supabase_migrations.schema_migrations (version) values ($1)', [later.version]);
	}
	await migrate(db, { embeddedAuth: true });
	return {
		db,
		close: async () => {
			await db.close();
			await drop();
		}
	};
}

describe.each(backends)('partners on $name', (backend) => {
	let db: Database;
	let cast: NetworkCast;
	const as = <T>(user: { claims: NetworkCast['facilitator']['claims'] }, fn: (tx: Queryable) => Promise<T>) =>
		withUser(db, user.claims, fn);

	beforeAll(async () => {
		db = await backend.fresh();
		cast = await createNetworkCast(db);
	});
	afterAll(() => db?.close());

	it('turns each existing partner’s one system into a set of that system', async () => {
		const old = await beforeThisMigration(backend.name);
		try {
			const user = await createUser(old.db, { displayName: 'Giulia Rinaldi' });
			const { rows } = await old.db.query<{ id: string }>(
				`insert into public.networks (name, territory, created_by) values ('Rete di prova', 'Sora', $1) returning id`,
				[user.id]
			);
			await old.db.query(
				`insert into public.partners (network_id, name, kind, system) values ($1, 'SerD Sora', 'health_service', 'health'),
				 ($1, 'Centro per l''impiego', 'job_centre', 'employment')`,
				[rows[0].id]
			);
			await old.db.query(`delete from supabase_migrations.schema_migrations where version >= $1`, [THIS_MIGRATION]);
			await migrate(old.db, { embeddedAuth: true });
			const migrated = await old.db.query<{ name: string; systems: string[]; tax_code: string }>(
				'select name, systems::text[] as systems, tax_code from public.partners order by name'
			);
			expect(migrated.rows).toEqual([
				{ name: "Centro per l'impiego", systems: ['employment'], tax_code: '' },
				{ name: 'SerD Sora', systems: ['health'], tax_code: '' }
			]);
		} finally {
			await old.close();
		}
	});

	it('keeps the systems as a set: each once, in the vocabulary’s order, never empty', async () => {
		await as(cast.facilitator, (tx) => addPartner(tx, cast.network.id, details({ name: 'Il Ponte', systems: ['employment', 'social', 'employment'] })));
		const { rows } = await db.query<{ systems: string[] }>(
			`select systems::text[] as systems from public.partners where network_id = $1 and name = 'Il Ponte'`,
			[cast.network.id]
		);
		expect(rows[0].systems).toEqual(['social', 'employment']);
		await expect(
			as(cast.facilitator, (tx) => addPartner(tx, cast.network.id, details({ systems: [] })))
		).rejects.toMatchObject({ code: '23514' });
	});

	it('refuses a tax code of the wrong shape or with a wrong check character, and a website that is not one, whoever writes it', async () => {
		for (const taxCode of ['abc', '12345678901', 'RSSMRA85T10A562T']) {
			await expect(as(cast.facilitator, (tx) => addPartner(tx, cast.network.id, details({ taxCode }))), taxCode).rejects.toMatchObject({
				code: '23514'
			});
		}
		for (const taxCode of ['12345678903', 'RSSMRA85T10A562S']) {
			await as(cast.facilitator, (tx) => addPartner(tx, cast.network.id, details({ taxCode })));
		}
		await expect(
			as(cast.facilitator, (tx) => addPartner(tx, cast.network.id, details({ website: 'javascript:alert(1)' })))
		).rejects.toMatchObject({ code: '23514' });
	});

	it('lets a facilitator edit every detail, and no one else any', async () => {
		const id = await as(cast.facilitator, async (tx) => {
			await addPartner(tx, cast.network.id, details({ name: 'Arcobaleno' }));
			return (await tx.query<{ id: string }>(`select id from public.partners where name = 'Arcobaleno'`)).rows[0].id;
		});
		const edited = details({
			name: 'Cooperativa sociale Arcobaleno',
			kind: 'social_coop_a',
			systems: ['social', 'employment'],
			description: 'Centro diurno.',
			address: 'Via Aldo Moro 12, Frosinone',
			website: 'https://arcobaleno.example.org',
			contactPerson: 'Laura Bianchi, 0775 000104',
			legalRepresentative: 'Laura Bianchi',
			taxCode: '00274090604'
		});
		for (const person of [cast.editor, cast.commenter, cast.viewer, cast.outsider]) {
			expect(await as(person, (tx) => updatePartner(tx, cast.network.id, id, edited)), person.name).toBe(false);
		}
		expect(await as(cast.facilitator, (tx) => updatePartner(tx, cast.network.id, id, edited))).toBe(true);
		expect(await as(cast.viewer, (tx) => getPartner(tx, cast.network.id, id))).toEqual({ id, ...edited });
	});

	it('lets nobody move a partner to another network or change its dates: those columns are not granted', async () => {
		const { rows } = await db.query<{ id: string }>(`select id from public.partners where network_id = $1 limit 1`, [cast.network.id]);
		for (const column of [`network_id = '${cast.elsewhere.id}'`, 'created_at = now()']) {
			await expect(
				as(cast.facilitator, (tx) => tx.query(`update public.partners set ${column} where id = $1`, [rows[0].id]))
			).rejects.toMatchObject({ code: '42501' });
		}
	});

	it('records a partner added, edited (saying what changed) and removed', async () => {
		const network = cast.network;
		const giulia = { id: cast.facilitator.id, name: cast.facilitator.name };
		let id = '';
		const added = await recorded(db, network, () =>
			as(cast.facilitator, async (tx) => {
				await addPartner(tx, network.id, details({ name: 'Futuro Lavoro', kind: 'training_body', systems: ['training'] }));
				id = (await tx.query<{ id: string }>(`select id from public.partners where name = 'Futuro Lavoro'`)).rows[0].id;
			})
		);
		expect(added).toEqual([entry(giulia, 'partner_added', { id, title: 'Futuro Lavoro' }, { kind: 'training_body', systems: ['training'] })]);

		const edited = await recorded(db, network, () =>
			as(cast.facilitator, (tx) =>
				updatePartner(tx, network.id, id, details({
					name: 'Ente di formazione Futuro Lavoro',
					kind: 'training_body',
					systems: ['training', 'employment'],
					taxCode: '02543210609'
				}))
			)
		);
		expect(edited).toEqual([
			entry(giulia, 'partner_edited', { id, title: 'Ente di formazione Futuro Lavoro' }, {
				fields: ['name', 'systems', 'tax_code'],
				from: 'Futuro Lavoro',
				systemsFrom: ['training'],
				systemsTo: ['training', 'employment']
			})
		]);

		const unchanged = await recorded(db, network, () =>
			as(cast.facilitator, (tx) =>
				updatePartner(tx, network.id, id, details({
					name: 'Ente di formazione Futuro Lavoro',
					kind: 'training_body',
					systems: ['employment', 'training'],
					taxCode: '02543210609'
				}))
			)
		);
		expect(unchanged).toEqual([]);

		const removed = await recorded(db, network, () => as(cast.facilitator, (tx) => removePartner(tx, network.id, id)));
		expect(removed).toEqual([entry(giulia, 'partner_removed', { id, title: 'Ente di formazione Futuro Lavoro' })]);
	});

	it('records an invitation sent, accepted and withdrawn, about the address it went to', async () => {
		const network = cast.network;
		const giulia = { id: cast.facilitator.id, name: cast.facilitator.name };
		const newcomer = await createUser(db, { displayName: 'Sara Neri' });
		const { rows } = await db.query<{ id: string; name: string }>(`select id, name from public.partners where name = 'Il Ponte'`);
		const partner = rows[0];

		let token = '';
		const sent = await recorded(db, network, async () => {
			token = await as(cast.facilitator, (tx) =>
				createInvitation(tx, network.id, { email: newcomer.email, role: 'editor', partnerId: partner.id })
			);
		});
		const invitation = sent[0].subject_id!;
		expect(sent).toEqual([
			entry(giulia, 'invitation_sent', { id: invitation, title: newcomer.email }, { role: 'editor', partner: 'Il Ponte' })
		]);

		const accepted = await recorded(db, network, () => as(newcomer, (tx) => acceptInvitation(tx, token)));
		expect(accepted.map((e) => [e.action, e.actor_id, e.subject_title])).toEqual([
			['member_joined', newcomer.id, 'Sara Neri'],
			['invitation_accepted', newcomer.id, newcomer.email]
		]);

		const other = unique('altro') + '@example.org';
		const withdrawn = await recorded(db, network, async () => {
			await as(cast.facilitator, (tx) => createInvitation(tx, network.id, { email: other, role: 'viewer', partnerId: null }));
			const { rows: open } = await db.query<{ id: string }>('select id from public.invitations where email = $1', [other]);
			await as(cast.facilitator, (tx) => revokeInvitation(tx, network.id, open[0].id));
		});
		expect(withdrawn.map((e) => [e.action, e.actor_id, e.subject_title, e.details])).toEqual([
			['invitation_sent', cast.facilitator.id, other, { role: 'viewer' }],
			['invitation_revoked', cast.facilitator.id, other, { role: 'viewer' }]
		]);
	});

	it('links a partner’s entries to the partners page while it is there, and invitations to the members page for facilitators only', async () => {
		const base = `/networks/${cast.network.id}`;
		const shown = async (person: typeof cast.viewer) =>
			(await as(person, (tx) => listActivity(tx, cast.network.id, { group: null }, 200))).entries;
		const forViewer = await shown(cast.viewer);
		const ilPonte = forViewer.find((e) => e.action === 'partner_added' && e.subjectTitle === 'Il Ponte');
		expect(ilPonte?.href).toBe(`${base}/partners`);
		expect(forViewer.find((e) => e.action === 'partner_removed')?.href).toBeNull();
		expect(forViewer.find((e) => e.action === 'invitation_sent')?.href).toBeNull();
		expect((await shown(cast.facilitator)).find((e) => e.action === 'invitation_sent')?.href).toBe(`${base}/members`);
	});
});
