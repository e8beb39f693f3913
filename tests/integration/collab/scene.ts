import type { Database } from '../../../src/lib/server/db/types.ts';
import { addMember, createDocument, createNetwork, createSession, createUser, type TestDocument, type TestUser } from '../factories.ts';

export interface Person extends TestUser {
	cookie: string;
}

/** A network with one person per role, someone from elsewhere, and a document. */
export interface Scene {
	facilitator: Person;
	editor: Person;
	commenter: Person;
	viewer: Person;
	outsider: Person;
	network: { id: string };
	document: TestDocument;
}

async function person(db: Database, displayName: string): Promise<Person> {
	const user = await createUser(db, { displayName });
	return { ...user, cookie: await createSession(db, user) };
}

export async function createScene(db: Database, options: { state?: Uint8Array } = {}): Promise<Scene> {
	const facilitator = await person(db, 'Anna Facilitatrice');
	const editor = await person(db, 'Enzo Editore');
	const commenter = await person(db, 'Carla Comune');
	const viewer = await person(db, 'Vito Visitatore');
	const outsider = await person(db, 'Olga Altrove');
	const network = await createNetwork(db, facilitator);
	await addMember(db, network, editor, 'editor');
	await addMember(db, network, commenter, 'commenter');
	await addMember(db, network, viewer, 'viewer');
	const elsewhere = await createNetwork(db, outsider);
	await createDocument(db, elsewhere, outsider);
	const document = await createDocument(db, network, editor, { state: options.state });
	return { facilitator, editor, commenter, viewer, outsider, network, document };
}
