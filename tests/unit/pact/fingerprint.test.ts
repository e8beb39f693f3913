import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canonicalJson, canonicalPact, type PactContext } from '../../../src/lib/pact/fingerprint.ts';
import { shortFingerprint } from '../../../src/lib/pact/short-fingerprint.ts';
import { blankCommitment, type Commitment } from '../../../src/lib/pact/commitment.ts';
import { COMMITMENTS } from '../../../src/lib/pact/commitments-doc.ts';
import { patchItem, putItems } from '../../../src/lib/structured/items-doc.ts';
import { stateOf } from '../../../src/lib/documents/templates.ts';
import type { DocNode } from '../../../src/lib/documents/json.ts';

const COMUNE = 'a1000000-0000-4000-8000-000000000001';
const PONTE = 'a1000000-0000-4000-8000-000000000002';
const CONTEXT: PactContext = {
	network: { id: 'de000000-0000-4000-8000-000000000001', name: 'Inserimento lavorativo Frosinone' },
	documentId: 'd0000000-0000-4000-8000-000000000001',
	title: 'Patto di comunità',
	partnerNames: new Map([
		[COMUNE, 'Comune di Frosinone'],
		[PONTE, 'Cooperativa sociale Il Ponte']
	])
};

const paragraph = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const text = (...lines: string[]): DocNode => ({ type: 'doc', content: lines.map(paragraph) });

const commitments: Commitment[] = [
	blankCommitment('c0000000-0000-4000-8000-000000000001', COMUNE, {
		title: 'Sportello lavoro',
		system: 'employment',
		hours: 400,
		euros: 12000.5,
		from: '2027-01-01',
		to: '2027-12-31',
		needIds: ['e0000000-0000-4000-8000-000000000002', 'e0000000-0000-4000-8000-000000000001']
	}),
	blankCommitment('c0000000-0000-4000-8000-000000000002', PONTE, { title: 'Tirocini', people: 3 })
];

/** A pact written by a fresh Yjs client: its text, then its commitments in the order given. */
function pact(body: DocNode, items: Commitment[][], clientID?: number): Y.Doc {
	const doc = new Y.Doc();
	if (clientID !== undefined) doc.clientID = clientID;
	Y.applyUpdate(doc, stateOf(body));
	for (const batch of items) putItems(doc, COMMITMENTS, batch);
	return doc;
}

const fingerprintOf = (doc: Y.Doc, context = CONTEXT) => canonicalPact(doc, context).fingerprint;

describe('the fingerprint of a pact', () => {
	const base = fingerprintOf(pact(text('Premesse', 'Obiettivi condivisi'), [commitments]));

	it('is 64 lower-case hexadecimal digits', () => {
		expect(base).toMatch(/^[0-9a-f]{64}$/);
		expect(shortFingerprint(base)).toBe(`${base.slice(0, 4)} ${base.slice(4, 8)}`);
	});

	it('is the same for the same content written by other clients, in another order, with links picked in another order', () => {
		const reordered = commitments.map((c) => ({ ...c, needIds: [...c.needIds].reverse() }));
		const other = pact(text('Premesse', 'Obiettivi condivisi'), [[reordered[1]], [reordered[0]]], 4242);
		expect(fingerprintOf(other)).toBe(base);
	});

	it('is the same after a change made and taken back', () => {
		const doc = pact(text('Premesse', 'Obiettivi condivisi'), [commitments]);
		patchItem(doc, COMMITMENTS, commitments[1].id, { title: 'Altro' });
		patchItem(doc, COMMITMENTS, commitments[1].id, { title: 'Tirocini' });
		expect(fingerprintOf(doc)).toBe(base);
	});

	it('changes with one character of the text', () => {
		expect(fingerprintOf(pact(text('Premesse', 'Obiettivi condivisi.'), [commitments]))).not.toBe(base);
		expect(fingerprintOf(pact(text('premesse', 'Obiettivi condivisi'), [commitments]))).not.toBe(base);
	});

	it.each<[string, Partial<Commitment>]>([
		['title', { title: 'Sportello lavoro!' }],
		['hours', { hours: 401 }],
		['euros', { euros: 12000.51 }],
		['to', { to: '2027-12-30' }],
		['contact', { contact: 'x' }],
		['system', { system: 'social' }],
		['needIds', { needIds: ['e0000000-0000-4000-8000-000000000001'] }],
		['partnerId', { partnerId: PONTE }]
	])('changes with one field of one commitment: %s', (_field, patch) => {
		const doc = pact(text('Premesse', 'Obiettivi condivisi'), [commitments]);
		patchItem(doc, COMMITMENTS, commitments[0].id, patch);
		expect(fingerprintOf(doc)).not.toBe(base);
	});

	it("changes with a partner's name, the title and the network", () => {
		const doc = pact(text('Premesse', 'Obiettivi condivisi'), [commitments]);
		const renamed = new Map(CONTEXT.partnerNames).set(PONTE, 'Cooperativa Il Ponte');
		expect(fingerprintOf(doc, { ...CONTEXT, partnerNames: renamed })).not.toBe(base);
		expect(fingerprintOf(doc, { ...CONTEXT, title: 'Patto di comunità 2027' })).not.toBe(base);
		expect(fingerprintOf(doc, { ...CONTEXT, network: { ...CONTEXT.network, name: 'Altra rete' } })).not.toBe(base);
	});

	it('leaves out a commitment that is not well-formed, as every reader does', () => {
		const doc = pact(text('Premesse', 'Obiettivi condivisi'), [commitments]);
		const junk = new Y.Map<unknown>();
		junk.set('title', 42);
		doc.getMap(COMMITMENTS.key).set('c0000000-0000-4000-8000-000000000009', junk);
		expect(fingerprintOf(doc)).toBe(base);
	});
});

describe('canonical JSON', () => {
	it('sorts keys at every depth and keeps arrays in order', () => {
		expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
	});
});
