import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { backends } from './databases.ts';
import { createDocument, createNetworkCast, createPartner, type NetworkCast, type TestUser } from './factories.ts';
import { startCollab, type RunningCollab } from './collab/harness.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import type { Database } from '../../src/lib/server/db/types.ts';
import { PLAN_ACTIONS, PLAN_OBJECTIVES } from '../../src/lib/plan/plan-doc.ts';
import { readItems } from '../../src/lib/structured/items-doc.ts';
import { importPlan, mayWritePlan, PlanImportRefused } from '../../src/lib/server/plan/import.ts';

// A plan imported from a CSV file into a co-design document through a real
// collab server, as the person: the database decides who may, and the rows
// land in the document's Yjs state, under the objectives it already has.

const FILE = [
	'obiettivo;azione;capofila;sistema;dal;al',
	'Più persone lavorano;Tutoraggio;Comune di Sora;Lavoro;01/02/2027;31/12/2027',
	'Più persone lavorano;Sportello;Comune di Sora;Sociale;;',
	'Un altro obiettivo;Errata;Nessuno;Sociale;;'
].join('\r\n');

describe.each(backends)('plan import on $name', (backend) => {
	let db: Database;
	let collab: RunningCollab;
	let cast: NetworkCast;
	let plan: { id: string };
	const as = <T>(user: TestUser) => (fn: Parameters<typeof withUser<T>>[2]) => withUser(db, user.claims, fn);
	const importAs = (user: TestUser, text = FILE) => importPlan(as(user), collab.collab, user.id, cast.network.id, plan.id, text);
	const planOf = async () => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, await collab.collab.encodeState(plan.id));
		return { objectives: readItems(doc, PLAN_OBJECTIVES).items, actions: readItems(doc, PLAN_ACTIONS).items };
	};

	beforeAll(async () => {
		db = await backend.fresh();
		collab = await startCollab(db);
		cast = await createNetworkCast(db);
		await createPartner(db, cast.network, { name: 'Comune di Sora' });
		plan = await createDocument(db, cast.network, cast.editor, { kind: 'co_design', title: 'Co-progettazione' });
	});
	afterAll(async () => {
		await collab?.close();
		await db?.close();
	});

	it('refuses a viewer, a commenter and another network’s facilitator, and writes nothing', async () => {
		for (const person of [cast.viewer, cast.commenter, cast.outsider]) {
			expect(await as(person)((tx) => mayWritePlan(tx, plan.id))).toBe(false);
			await expect(importAs(person)).rejects.toBeInstanceOf(PlanImportRefused);
		}
		expect(await planOf()).toEqual({ objectives: [], actions: [] });
	});

	it('lets an editor import the good rows, and a second file reuses the objective the first one made', async () => {
		expect(await importAs(cast.editor)).toEqual({ actions: 2, objectives: 1 });
		const first = await planOf();
		expect(first.objectives.map((objective) => objective.title)).toEqual(['Più persone lavorano']);
		expect(first.actions.map((action) => [action.title, action.objectiveId, action.from])).toEqual([
			['Tutoraggio', first.objectives[0].id, '2027-02-01'],
			['Sportello', first.objectives[0].id, null]
		]);

		expect(await importAs(cast.facilitator, 'obiettivo;azione;capofila;sistema\npiù persone lavorano;Terza;Comune di Sora;Formazione')).toEqual({
			actions: 1,
			objectives: 0
		});
		const second = await planOf();
		expect(second.objectives).toHaveLength(1);
		expect(second.actions.filter((action) => action.objectiveId === first.objectives[0].id)).toHaveLength(3);
	});

	it('answers why a file cannot be read, and writes nothing', async () => {
		const before = await planOf();
		expect(await importAs(cast.editor, 'nome;categoria\nx;y')).toEqual({ error: expect.objectContaining({ code: 'planImport.file.no_action_column' }) });
		expect(await planOf()).toEqual(before);
	});
});
