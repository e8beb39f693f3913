import * as Y from 'yjs';
import type { Database, Queryable } from './types.ts';
import { hashPassword } from '../auth/password.ts';
import seedSql from '../../../../supabase/seed.sql?raw';
import { demoState } from './demo-writing.ts';
import { fragmentText } from '../collab/text.ts';
import type { DocumentKind, DocumentStatus } from '../../documents/kinds.ts';
import { FRAGMENT } from '../../editor/fragment.ts';
import { putEntries } from '../../map/entries-doc.ts';
import type { MapEntry } from '../../map/entry.ts';
import { STRUCTURED_PARTS, structuredSearchText } from '../collab/projections.ts';
import { DEMO_MAP_ENTRIES } from './demo-map.ts';
import { COMMITMENTS } from '../../pact/commitments-doc.ts';
import type { Commitment } from '../../pact/commitment.ts';
import { putItems } from '../../structured/items-doc.ts';
import { DEMO_PACT_COMMITMENTS } from './demo-pact.ts';
import { PLAN_ACTIONS, PLAN_OBJECTIVES } from '../../plan/plan-doc.ts';
import type { Action, Objective } from '../../plan/plan.ts';
import { DEMO_PLAN_ACTIONS, DEMO_PLAN_OBJECTIVES } from './demo-plan.ts';
import { keepDemoApproval, setDemoReviewDeadline } from './demo-approval.ts';
import { seedDemoAccessRequest } from './demo-access.ts';
import { seedDemoProposals } from './demo-proposals.ts';
import { seedDemoSeal } from './demo-seals.ts';
import { seedDemoPlanFollowUp } from './demo-plan-follow-up.ts';

/** The demo accounts that supabase/seed.sql gives roles in its network; all share one password. */
export const DEMO_PASSWORD = 'Trama-demo-2026';
export const DEMO_ACCOUNTS = [
	{ id: 'd0000000-0000-4000-8000-000000000001', email: 'giulia.rinaldi@trama.test', name: 'Giulia Rinaldi', organisation: 'Agente di comunità' },
	{ id: 'd0000000-0000-4000-8000-000000000002', email: 'marco.ferri@trama.test', name: 'Marco Ferri', organisation: 'Cooperativa sociale Il Ponte' },
	{ id: 'd0000000-0000-4000-8000-000000000003', email: 'anna.colombo@trama.test', name: 'Anna Colombo', organisation: 'Comune di Frosinone – Servizi sociali' },
	{ id: 'd0000000-0000-4000-8000-000000000004', email: 'paolo.desantis@trama.test', name: 'Paolo De Santis', organisation: 'ASL Frosinone – Dipartimento di Salute Mentale' }
] as const;

const DEMO_NETWORK = 'de000000-0000-4000-8000-000000000001';
// Documents start from their templates (demo-writing.ts): their Yjs state cannot be written in seed.sql.
// The map's entries, the pact's commitments and the plan live in the same state, beside the text (see structured/).
interface DemoDocument {
	id: string;
	kind: DocumentKind;
	title: string;
	status: DocumentStatus;
	by: string;
	entries?: MapEntry[];
	commitments?: Commitment[];
	plan?: { objectives: Objective[]; actions: Action[] };
}
const DEMO_DOCUMENTS: DemoDocument[] = [
	{ id: 'dd000000-0000-4000-8000-000000000001', kind: 'community_pact', title: 'Patto di comunità per l’inserimento lavorativo', status: 'in_review', by: DEMO_ACCOUNTS[0].id, commitments: DEMO_PACT_COMMITMENTS },
	{ id: 'dd000000-0000-4000-8000-000000000002', kind: 'territorial_map', title: 'Mappatura dei servizi per il lavoro – Ambito di Frosinone', status: 'draft', by: DEMO_ACCOUNTS[1].id, entries: DEMO_MAP_ENTRIES },
	{ id: 'dd000000-0000-4000-8000-000000000003', kind: 'co_design', title: 'Co-progettazione: percorsi di tirocinio per persone in carico ai servizi', status: 'draft', by: DEMO_ACCOUNTS[0].id, plan: { objectives: DEMO_PLAN_OBJECTIVES, actions: DEMO_PLAN_ACTIONS } },
	{ id: 'dd000000-0000-4000-8000-000000000004', kind: 'minutes', title: 'Verbale del tavolo di co-programmazione del 12 novembre', status: 'approved', by: DEMO_ACCOUNTS[0].id }
];

/**
 * On the first start of an embedded install (no accounts yet), creates the
 * demo accounts and runs supabase/seed.sql, all in one transaction.
 */
export async function seedDemo(db: Database): Promise<boolean> {
	const { rows } = await db.query<{ empty: boolean }>('select not exists (select 1 from auth.users) as empty');
	if (!rows[0].empty) return false;
	const hash = await hashPassword(DEMO_PASSWORD);
	await db.transaction(async (tx) => {
		for (const account of DEMO_ACCOUNTS) {
			await tx.query(
				'insert into auth.users (id, email, encrypted_password, raw_user_meta_data) values ($1, $2, $3, $4)',
				[account.id, account.email, hash, JSON.stringify({ display_name: account.name, organisation: account.organisation, locale: 'it' })]
			);
		}
		await tx.exec(seedSql);
		const states: { id: string; state: Uint8Array }[] = [];
		for (const doc of DEMO_DOCUMENTS) {
			const { state, text } = demoContent(doc);
			states.push({ id: doc.id, state });
			await tx.query(
				`insert into public.documents (id, network_id, kind, title, status, created_by, content_text) values ($1, $2, $3, $4, $5, $6, $7)`,
				[doc.id, DEMO_NETWORK, doc.kind, doc.title, doc.status, doc.by, text]
			);
			await tx.query('insert into public.document_snapshots (document_id, state) values ($1, $2)', [doc.id, Buffer.from(state)]);
			if (doc.status === 'approved') await keepDemoApproval(tx, doc, { state, text });
			if (doc.status === 'in_review') await setDemoReviewDeadline(tx, doc.id);
			// Anchors name Yjs items, so they are taken from the very state stored.
			if (doc === PACT) await seedComments(tx, state);
		}
		// Projected here as the collab server would, so that the map's entries and the pact's commitments are
		// searchable, summed and exportable from the start; part by part, as the commitments name the map's entries.
		for (const part of STRUCTURED_PARTS) {
			for (const { id, state } of states) await part.projectState(tx, { id, networkId: DEMO_NETWORK }, state);
		}
		// Paolo, the ASL's viewer, asks to comment.
		await seedDemoAccessRequest(tx, DEMO_NETWORK, DEMO_ACCOUNTS[3].id);
		// Anna, the Comune's commenter, proposes commitments for it; Giulia declined one.
		await seedDemoProposals(tx, { networkId: DEMO_NETWORK, pactId: PACT.id, proposerId: ANNA.id, deciderId: GIULIA.id });
		await seedDemoPlanFollowUp(tx, DEMO_NETWORK, DEMO_DOCUMENTS[2].id);
		// Last, so the sealed version holds the pact as everything above left it.
		await seedDemoSeal(tx, DEMO_NETWORK, PACT.id, GIULIA.id);
	});
	return true;
}

/**
 * A demo document's state (its template's text, written as in demo-writing.ts, and its structured
 * part) and its search text, as the collab server will project it: the text, then what the part adds.
 */
function demoContent(document: DemoDocument): { state: Uint8Array; text: string } {
	const doc = new Y.Doc();
	try {
		Y.applyUpdate(doc, demoState(document.kind));
		putEntries(doc, document.entries ?? []);
		putItems(doc, COMMITMENTS, document.commitments ?? []);
		putItems(doc, PLAN_OBJECTIVES, document.plan?.objectives ?? []);
		putItems(doc, PLAN_ACTIONS, document.plan?.actions ?? []);
		const text = [fragmentText(doc.getXmlFragment(FRAGMENT)), structuredSearchText(doc)].filter(Boolean).join('\n');
		return { state: Y.encodeStateAsUpdate(doc), text };
	} finally {
		doc.destroy();
	}
}

// Comments under review on the pact: the Comune asks for an addition, the
// facilitator answers; an earlier remark by the cooperative is resolved.
const PACT = DEMO_DOCUMENTS[0];
const [GIULIA, MARCO, ANNA] = DEMO_ACCOUNTS;
const DEMO_COMMENTS = [
	{
		id: 'dc000000-0000-4000-8000-000000000001',
		quote: 'art. 55 del D.Lgs. 117/2017',
		by: ANNA.id,
		body: 'Aggiungerei la delibera di giunta che ha avviato il percorso: vi mando io numero e data.',
		replies: [{ by: GIULIA.id, body: 'Grazie Anna, la inserisco appena arriva.' }],
		resolvedBy: null
	},
	{
		id: 'dc000000-0000-4000-8000-000000000002',
		quote: 'personale, spazi, attrezzature, risorse economiche',
		by: MARCO.id,
		body: 'Per la cooperativa indicherei anche le **ore di tutoraggio**: sono la risorsa che conta di più nei tirocini.',
		replies: [],
		resolvedBy: GIULIA.id
	}
];

async function seedComments(tx: Queryable, state: Uint8Array) {
	for (const comment of DEMO_COMMENTS) {
		const { from, to } = anchorAround(state, comment.quote);
		await tx.query(
			`insert into public.comments (id, document_id, network_id, body, quote, anchor_from, anchor_to, author_id, created_at)
			 values ($1, $2, $3, $4, $5, $6, $7, $8, now() - interval '1 day')`,
			[comment.id, PACT.id, DEMO_NETWORK, comment.body, comment.quote, Buffer.from(from), Buffer.from(to), comment.by]
		);
		for (const reply of comment.replies) {
			await tx.query(
				`insert into public.comment_replies (comment_id, document_id, network_id, body, author_id) values ($1, $2, $3, $4, $5)`,
				[comment.id, PACT.id, DEMO_NETWORK, reply.body, reply.by]
			);
		}
		if (comment.resolvedBy) {
			await tx.query('update public.comments set resolved = true, resolved_at = now(), resolved_by = $2 where id = $1', [
				comment.id,
				comment.resolvedBy
			]);
		}
	}
}

/** Yjs relative positions around the first occurrence of phrase: a comment's anchor, as the editor stores it. */
function anchorAround(state: Uint8Array, phrase: string): { from: Uint8Array; to: Uint8Array } {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, state);
	const texts: Y.XmlText[] = [];
	const visit = (node: Y.XmlElement | Y.XmlFragment) => {
		for (const child of node.toArray()) {
			if (child instanceof Y.XmlText) texts.push(child);
			else if (child instanceof Y.XmlElement) visit(child);
		}
	};
	visit(doc.getXmlFragment(FRAGMENT));
	for (const text of texts) {
		const plain = text.toDelta().map((part: { insert: unknown }) => (typeof part.insert === 'string' ? part.insert : '')).join('');
		const at = plain.indexOf(phrase);
		if (at < 0) continue;
		return {
			from: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, at, 0)),
			to: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, at + phrase.length, -1))
		};
	}
	throw new Error(`seed: "${phrase}" is not in the demo ${PACT.kind}`);
}
