import type { Database } from './types.ts';
import { hashPassword } from '../auth/password.ts';
import seedSql from '../../../../supabase/seed.sql?raw';
import { templateState } from '../../documents/templates.ts';
import { stateText } from '../collab/text.ts';
import type { DocumentKind, DocumentStatus } from '../../documents/kinds.ts';

/** The demo accounts that supabase/seed.sql gives roles in its network; all share one password. */
export const DEMO_PASSWORD = 'Trama-demo-2026';
export const DEMO_ACCOUNTS = [
	{ id: 'd0000000-0000-4000-8000-000000000001', email: 'giulia.rinaldi@trama.test', name: 'Giulia Rinaldi', organisation: 'Agente di comunità' },
	{ id: 'd0000000-0000-4000-8000-000000000002', email: 'marco.ferri@trama.test', name: 'Marco Ferri', organisation: 'Cooperativa sociale Il Ponte' },
	{ id: 'd0000000-0000-4000-8000-000000000003', email: 'anna.colombo@trama.test', name: 'Anna Colombo', organisation: 'Comune di Frosinone – Servizi sociali' },
	{ id: 'd0000000-0000-4000-8000-000000000004', email: 'paolo.desantis@trama.test', name: 'Paolo De Santis', organisation: 'ASL Frosinone – Dipartimento di Salute Mentale' }
] as const;

const DEMO_NETWORK = 'de000000-0000-4000-8000-000000000001';
// Documents start from their templates: their Yjs state cannot be written in seed.sql.
const DEMO_DOCUMENTS: { id: string; kind: DocumentKind; title: string; status: DocumentStatus; by: string }[] = [
	{ id: 'dd000000-0000-4000-8000-000000000001', kind: 'community_pact', title: 'Patto di comunità per l’inserimento lavorativo', status: 'in_review', by: DEMO_ACCOUNTS[0].id },
	{ id: 'dd000000-0000-4000-8000-000000000002', kind: 'territorial_map', title: 'Mappatura dei servizi per il lavoro – Ambito di Frosinone', status: 'draft', by: DEMO_ACCOUNTS[1].id },
	{ id: 'dd000000-0000-4000-8000-000000000003', kind: 'co_design', title: 'Co-progettazione: percorsi di tirocinio per persone in carico ai servizi', status: 'draft', by: DEMO_ACCOUNTS[0].id },
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
		for (const doc of DEMO_DOCUMENTS) {
			const state = templateState(doc.kind);
			await tx.query(
				`insert into public.documents (id, network_id, kind, title, status, created_by, content_text) values ($1, $2, $3, $4, $5, $6, $7)`,
				[doc.id, DEMO_NETWORK, doc.kind, doc.title, doc.status, doc.by, stateText(state)]
			);
			await tx.query('insert into public.document_snapshots (document_id, state) values ($1, $2)', [doc.id, Buffer.from(state)]);
		}
	});
	return true;
}
