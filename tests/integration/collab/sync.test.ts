import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { backends } from '../databases.ts';
import type { Database } from '../../../src/lib/server/db/types.ts';
import { FRAGMENT } from '../../../src/lib/editor/fragment.ts';
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC } from '../../../src/lib/server/collab/protocol.ts';
import { presenceColor } from '../../../src/lib/presence.ts';
import { connect, eventually, rawSocket, startCollab, upgradeStatus, type Client, type RunningCollab } from './harness.ts';
import { createScene, type Scene } from './scene.ts';
import { createDocument } from '../factories.ts';
import { withUser } from '../../../src/lib/server/db/with-user.ts';
import { approveDocument } from '../../../src/lib/server/documents/approval.ts';

function stateWith(...paragraphs: string[]): Uint8Array {
	const doc = new Y.Doc();
	const fragment = doc.getXmlFragment(FRAGMENT);
	for (const text of paragraphs) {
		const paragraph = new Y.XmlElement('paragraph');
		paragraph.insert(0, [new Y.XmlText(text)]);
		fragment.push([paragraph]);
	}
	return Y.encodeStateAsUpdate(doc);
}

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	write(encoder);
	return encoding.toUint8Array(encoder);
}

describe.each(backends)('collaboration on $name', (backend) => {
	let db: Database;
	let scene: Scene;
	let server: RunningCollab;
	const clients: Client[] = [];
	const open = (person: { cookie: string }, documentId = scene.document.id) => {
		const client = connect(server.url, documentId, person.cookie);
		clients.push(client);
		return client;
	};

	beforeAll(async () => {
		db = await backend.fresh();
		scene = await createScene(db, { state: stateWith('Contesto e bisogni') });
		server = await startCollab(db);
	});
	afterEach(() => {
		for (const client of clients.splice(0)) client.destroy();
	});
	afterAll(async () => {
		await server.close();
		await db.close();
	});

	it('lets two editors write at once and converge on the same text', async () => {
		const anna = open(scene.facilitator);
		const enzo = open(scene.editor);
		await eventually(() => expect(anna.provider.synced && enzo.provider.synced).toBe(true));
		anna.write('Obiettivi condivisi');
		enzo.write('Azioni del Comune');
		await eventually(() => {
			expect(anna.text()).toContain('Azioni del Comune');
			expect(enzo.text()).toContain('Obiettivi condivisi');
		});
		expect(anna.text()).toBe(enzo.text());
		expect(anna.text().split('\n')[0]).toBe('Contesto e bisogni');
	});

	it('writes the template once, however many people open a new document at once', async () => {
		const fresh = await createDocument(db, scene.network, scene.editor, { state: stateWith('Premesse', 'Impegni delle parti') });
		const people = [scene.editor, scene.facilitator, scene.commenter].map((person) => open(person, fresh.id));
		await eventually(() => {
			for (const client of people) expect(client.text()).toBe('Premesse\nImpegni delle parti');
		});
		// A second initialisation (a retry, a restart) leaves the content as it is.
		const again = await db.transaction(async (tx) => {
			await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(scene.editor.claims)]);
			await tx.query('set local role authenticated');
			return tx.query<{ written: boolean }>('select public.initialize_document($1, $2) as written', [fresh.id, Buffer.from(stateWith('Premesse'))]);
		});
		expect(again.rows[0].written).toBe(false);
	});

	it('shows commenters every change live and drops their updates, whichever message carries them', async () => {
		const enzo = open(scene.editor);
		await eventually(() => expect(enzo.provider.synced).toBe(true));
		const before = enzo.text();

		const tampered = await rawSocket(server.url, scene.document.id, scene.commenter.cookie);
		const forged = new Y.Doc();
		Y.applyUpdate(forged, Y.encodeStateAsUpdate(enzo.doc));
		const paragraph = new Y.XmlElement('paragraph');
		paragraph.insert(0, [new Y.XmlText('Testo inserito da chi non può scrivere')]);
		const update = (() => {
			let captured: Uint8Array = new Uint8Array();
			forged.once('update', (u: Uint8Array) => (captured = u));
			forged.getXmlFragment(FRAGMENT).push([paragraph]);
			return captured;
		})();
		tampered.socket.send(syncMessage((e) => syncProtocol.writeUpdate(e, update)));
		tampered.socket.send(
			syncMessage((e) => {
				encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
				encoding.writeVarUint8Array(e, update);
			})
		);

		enzo.write('Modifica dell’editore');
		// The commenter still receives the editor's change live.
		await eventually(() => expect(tampered.received.some(([type, sync]) => type === MESSAGE_SYNC && sync === syncProtocol.messageYjsUpdate)).toBe(true));
		expect(enzo.text()).toBe(`${before}\nModifica dell’editore`);
		// A reply to a later message proves the server has handled the forged ones.
		tampered.socket.send(new Uint8Array([MESSAGE_QUERY_AWARENESS]));
		await eventually(() => expect(tampered.received.some(([type]) => type === MESSAGE_AWARENESS)).toBe(true));
		expect(enzo.text()).not.toContain('non può scrivere');
		const stored = new Y.Doc();
		Y.applyUpdate(stored, await server.collab.encodeState(scene.document.id));
		expect(stored.getXmlFragment(FRAGMENT).toString()).not.toContain('non può scrivere');
		expect(tampered.socket.readyState).toBe(tampered.socket.OPEN);
		tampered.socket.close();
	});

	it("closes an editor's socket when the document is approved, then keeps it read-only and drops a forged update", async () => {
		const doc = await createDocument(db, scene.network, scene.editor, { state: stateWith('Impegni delle parti') });
		const enzo = open(scene.editor, doc.id);
		await eventually(() => expect(enzo.provider.synced).toBe(true));
		enzo.provider.shouldReconnect = () => false;
		const approved = await server.collab.encodeState(doc.id);
		await withUser(db, scene.facilitator.claims, (tx) => approveDocument(tx, doc.id, { name: 'Approvato', state: approved, text: 'Impegni delle parti' }));
		await eventually(() => expect(enzo.closes).toContainEqual({ code: 4403, reason: 'your access to this document changed; reload the page' }));

		// Opened again, as the reloaded page does: the editor reads, and what the socket carries is dropped.
		const tampered = await rawSocket(server.url, doc.id, scene.editor.cookie);
		const forged = new Y.Doc();
		Y.applyUpdate(forged, approved);
		let update: Uint8Array = new Uint8Array();
		forged.once('update', (u: Uint8Array) => (update = u));
		const paragraph = new Y.XmlElement('paragraph');
		paragraph.insert(0, [new Y.XmlText('Aggiunto dopo l’approvazione')]);
		forged.getXmlFragment(FRAGMENT).push([paragraph]);
		tampered.socket.send(syncMessage((e) => syncProtocol.writeUpdate(e, update)));
		tampered.socket.send(new Uint8Array([MESSAGE_QUERY_AWARENESS]));
		await eventually(() => expect(tampered.received.some(([type]) => type === MESSAGE_AWARENESS)).toBe(true));
		const stored = new Y.Doc();
		Y.applyUpdate(stored, await server.collab.encodeState(doc.id));
		expect(stored.getXmlFragment(FRAGMENT).toString()).not.toContain('dopo l’approvazione');
		const rows = await db.query<{ n: number }>(
			'select count(*)::int as n from public.document_updates where document_id = $1 and created_by = $2',
			[doc.id, scene.editor.id]
		);
		expect(rows.rows[0].n).toBe(0);
		expect(tampered.socket.readyState).toBe(tampered.socket.OPEN);
		tampered.socket.close();
	});

	it('lets a viewer see the text without being able to change it', async () => {
		const vito = open(scene.viewer);
		const enzo = open(scene.editor);
		await eventually(() => expect(vito.provider.synced && enzo.provider.synced).toBe(true));
		vito.write('Il visitatore prova a scrivere');
		enzo.write('Risorse e budget');
		await eventually(() => expect(vito.text()).toContain('Risorse e budget'));
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(enzo.text()).not.toContain('Il visitatore prova a scrivere');
	});

	it('stamps presence with the name and colour of the session, and ignores entries for someone else', async () => {
		const enzo = open(scene.editor);
		const carla = open(scene.commenter);
		enzo.provider.awareness.setLocalStateField('user', { name: 'Enzo Editore', color: '#000000' });
		carla.provider.awareness.setLocalStateField('user', { name: 'La Sindaca', color: '#ff0000' });
		carla.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
		await eventually(() => {
			const seen = enzo.provider.awareness.getStates().get(carla.doc.clientID) as { user: { name: string; color: string } };
			expect(seen.user).toEqual({ id: scene.commenter.id, name: 'Carla Comune', color: presenceColor(scene.commenter.id) });
		});

		// A raw socket claims Enzo's awareness id and another name.
		const spoof = await rawSocket(server.url, scene.document.id, scene.commenter.cookie);
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
		const entry = encoding.createEncoder();
		encoding.writeVarUint(entry, 1);
		encoding.writeVarUint(entry, enzo.doc.clientID);
		encoding.writeVarUint(entry, 999);
		encoding.writeVarString(entry, JSON.stringify({ user: { name: 'Enzo Editore (falso)', color: '#fff' } }));
		encoding.writeVarUint8Array(encoder, encoding.toUint8Array(entry));
		spoof.socket.send(encoding.toUint8Array(encoder));
		carla.provider.awareness.setLocalStateField('cursor', { anchor: 2 });
		await eventually(() => {
			const seen = enzo.provider.awareness.getStates().get(carla.doc.clientID) as { cursor: { anchor: number } };
			expect(seen.cursor.anchor).toBe(2);
		});
		const asSeenByCarla = carla.provider.awareness.getStates().get(enzo.doc.clientID) as { user: { name: string } };
		expect(asSeenByCarla.user.name).toBe('Enzo Editore');
		spoof.socket.close();
	});

	it('refuses an upgrade without a session (401), from outside the network (403), for an unknown document (404)', async () => {
		const path = `/collab/${scene.document.id}`;
		expect(await upgradeStatus(server.port, path)).toBe(401);
		expect(await upgradeStatus(server.port, path, { cookie: 'trama_session=forged' })).toBe(401);
		expect(await upgradeStatus(server.port, path, { cookie: scene.outsider.cookie })).toBe(403);
		expect(await upgradeStatus(server.port, '/collab/00000000-0000-4000-8000-000000000000', { cookie: scene.editor.cookie })).toBe(404);
		expect(await upgradeStatus(server.port, '/collab/not-a-document', { cookie: scene.editor.cookie })).toBe(404);
		expect(await upgradeStatus(server.port, path, { cookie: scene.editor.cookie, origin: 'https://evil.example' })).toBe(403);
		expect(await upgradeStatus(server.port, path, { cookie: scene.editor.cookie })).toBe(101);
	});

	it('keeps everything written, projects the text for search, and lets idle documents leave memory', async () => {
		const enzo = open(scene.editor);
		await eventually(() => expect(enzo.provider.synced).toBe(true));
		enzo.write('Cooperative sociali di tipo B e tirocini');
		enzo.destroy();
		await eventually(() => expect(server.collab.stats().documents).toBe(0));
		const hits = await db.query<{ id: string }>(
			`select id from public.documents where search @@ websearch_to_tsquery('italian', 'cooperativa tirocinio')`
		);
		expect(hits.rows.map((row) => row.id)).toEqual([scene.document.id]);
		const reopened = open(scene.facilitator);
		await eventually(() => expect(reopened.text()).toContain('Cooperative sociali di tipo B e tirocini'));
	});

	it('projects the text once the typing rests, not on every store while it goes on', async () => {
		const resting = await startCollab(db, { projectAfterQuietMs: 1_000, projectEveryMs: 60_000 });
		const fresh = await createDocument(db, scene.network, scene.editor);
		const stored = async () =>
			(await db.query<{ content_text: string }>('select content_text from public.documents where id = $1', [fresh.id])).rows[0]
				.content_text;
		const enzo = connect(resting.url, fresh.id, scene.editor.cookie);
		try {
			await eventually(() => expect(enzo.provider.synced).toBe(true));
			// The first change of a quiet document is searchable at once.
			enzo.write('Orti urbani');
			await eventually(async () => expect(await stored()).toContain('Orti urbani'));
			// While typing goes on (a word every 100 ms, pauses shorter than the second of rest), nothing more is projected…
			for (const word of ['nel', 'quartiere', 'di', 'San', 'Lorenzo']) {
				enzo.write(word);
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			expect(await stored()).not.toContain('quartiere');
			// …until it rests.
			await eventually(async () => expect(await stored()).toContain('Lorenzo'));
		} finally {
			enzo.destroy();
			await resting.close();
		}
	});

	it('restores a version as a new change that every open client receives', async () => {
		const enzo = open(scene.editor);
		const carla = open(scene.commenter);
		await eventually(() => expect(enzo.provider.synced && carla.provider.synced).toBe(true));
		enzo.write('Testo da ripensare');
		await eventually(() => expect(carla.text()).toContain('Testo da ripensare'));
		await server.collab.restore(scene.document.id, stateWith('Versione approvata dal tavolo'), scene.facilitator.id);
		await eventually(() => {
			expect(enzo.text()).toBe('Versione approvata dal tavolo');
			expect(carla.text()).toBe('Versione approvata dal tavolo');
		});
		// restore() resolves once the change is stored, in the name of who restored it.
		const contributors = await db.query<{ user_id: string }>('select user_id from public.document_contributors where document_id = $1', [
			scene.document.id
		]);
		expect(contributors.rows.map((row) => row.user_id)).toContain(scene.facilitator.id);
	});

	it('closes the socket of someone whose role or document changed, however it was changed, within a second', async () => {
		const doc = await createDocument(db, scene.network, scene.editor, { state: stateWith('Durata') });
		const enzo = open(scene.editor, doc.id);
		const anna = open(scene.facilitator, doc.id);
		await eventually(() => expect(enzo.provider.synced && anna.provider.synced).toBe(true));
		const closedWithin = (client: typeof enzo, ms: number) =>
			eventually(() => expect(client.closes).toContainEqual({ code: 4403, reason: 'your access to this document changed; reload the page' }), ms);

		// Changed in SQL, as in a console: the database announces it, and nobody calls the collab server.
		// Into review: nobody's rights change, nobody is disturbed.
		await db.query(`update public.documents set status = 'in_review' where id = $1`, [doc.id]);
		// Enzo becomes a commenter: only his socket closes.
		await db.query(`update public.memberships set role = 'commenter' where network_id = $1 and user_id = $2`, [scene.network.id, scene.editor.id]);
		await closedWithin(enzo, 1_000);
		expect(anna.closes).toEqual([]);
		enzo.provider.shouldReconnect = () => false;
		// Archived: the facilitator, too, may only read.
		await db.query(`update public.documents set status = 'archived' where id = $1`, [doc.id]);
		await closedWithin(anna, 1_000);
		expect(anna.closes.map((close) => close.code)).toEqual([4403]);
		await db.query(`update public.memberships set role = 'editor' where network_id = $1 and user_id = $2`, [scene.network.id, scene.editor.id]);
	});

	it('tells the people in a document that was deleted, and lets it leave memory', async () => {
		const doc = await createDocument(db, scene.network, scene.editor, { state: stateWith('Da eliminare') });
		const enzo = open(scene.editor, doc.id);
		await eventually(() => expect(enzo.provider.synced).toBe(true));
		enzo.provider.shouldReconnect = () => false;
		await db.query('delete from public.documents where id = $1', [doc.id]);
		enzo.write('Scritto mentre spariva');
		await eventually(() => expect(enzo.closes).toContainEqual({ code: 4410, reason: 'this document was deleted' }));
		await eventually(() => expect(server.collab.stats().documents).toBe(0));
	});

	it('compacts a long log into a snapshot that loads back to the same text', async () => {
		const compacting = await startCollab(db, { compactAfterRows: 5, flushDelayMs: 1 });
		const doc = await createDocument(db, scene.network, scene.editor, { state: stateWith('Monitoraggio') });
		const enzo = connect(compacting.url, doc.id, scene.editor.cookie);
		clients.push(enzo);
		await eventually(() => expect(enzo.provider.synced).toBe(true));
		for (let i = 0; i < 12; i++) {
			enzo.write(`Indicatore ${i}`);
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
		const expected = enzo.text();
		enzo.destroy();
		await eventually(() => expect(compacting.collab.stats().documents).toBe(0));
		const rows = await db.query<{ count: string }>('select count(*) from public.document_updates where document_id = $1', [doc.id]);
		expect(Number(rows.rows[0].count)).toBeLessThan(5);
		const reloaded = new Y.Doc();
		Y.applyUpdate(reloaded, await compacting.collab.encodeState(doc.id));
		expect(reloaded.getXmlFragment(FRAGMENT).toArray()).toHaveLength(13);
		expect(expected.split('\n')).toHaveLength(13);
		await compacting.close();
	});

	it('opens a document with an unreadable stored row and says what was set aside', async () => {
		const doc = await createDocument(db, scene.network, scene.editor, { state: stateWith('Governance') });
		await db.query('insert into public.document_updates (document_id, update) values ($1, $2)', [doc.id, Buffer.from([1, 200, 7, 3])]);
		const enzo = open(scene.editor, doc.id);
		await eventually(() => expect(enzo.text()).toBe('Governance'));
		const problems = await db.query<{ reason: string }>('select reason from public.document_problems where document_id = $1', [doc.id]);
		expect(problems.rows).toHaveLength(1);
		expect(problems.rows[0].reason).toMatch(/^update \d+: /);
	});
});
