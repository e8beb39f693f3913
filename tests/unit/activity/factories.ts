import type { ActivityAction } from '../../../src/lib/activity/actions.ts';
import type { ActivityEntry } from '../../../src/lib/activity/entry.ts';

// What the activity triggers keep in `details` for each action (see
// supabase/migrations/20261123110200_activity.sql and, for the file space,
// 20261123140100_files_activity.sql, for partners and invitations
// 20261207170000_partner_details.sql, for requests for another role
// 20261207176000_access_requests.sql).
const DETAILS: Partial<Record<ActivityAction, Record<string, unknown>>> = {
	member_joined: { role: 'commenter' },
	member_role_changed: { from: 'editor', to: 'commenter' },
	document_created: { kind: 'territorial_map' },
	document_renamed: { from: 'Bozza di mappatura', to: 'Mappatura dei servizi' },
	document_status_changed: { from: 'draft', to: 'in_review' },
	document_version_saved: { version: '5a0e4c1e-1111-4000-8000-000000000001', name: 'Bozza per il Comune' },
	thread_replied: { message: '5a0e4c1e-2222-4000-8000-000000000002' },
	comment_added: { comment: '5a0e4c1e-3333-4000-8000-000000000003', quote: 'tirocini inclusivi' },
	comment_replied: { comment: '5a0e4c1e-3333-4000-8000-000000000003' },
	comment_resolved: { comment: '5a0e4c1e-3333-4000-8000-000000000003', quote: 'tirocini inclusivi' },
	comment_reopened: { comment: '5a0e4c1e-3333-4000-8000-000000000003', quote: 'tirocini inclusivi' },
	file_uploaded: { version: 1, size: 48213 },
	file_version_uploaded: { version: 2, size: 51200 },
	file_version_restored: { version: 3, size: 48213, from: 1 },
	file_renamed: { from: 'Avviso bozza.pdf', to: 'Avviso pubblico.pdf' },
	// Out of the top of the file space.
	file_moved: { from: null, to: 'Avvisi' },
	folder_renamed: { from: 'Bandi', to: 'Avvisi' },
	partner_added: { kind: 'social_coop_b', systems: ['social', 'employment'] },
	// As the trigger names the changed columns: alphabetically.
	partner_edited: {
		fields: ['address', 'name', 'systems', 'tax_code'],
		from: 'Il Ponte',
		systemsFrom: ['employment'],
		systemsTo: ['social', 'employment']
	},
	invitation_sent: { role: 'editor', partner: 'Cooperativa sociale Il Ponte' },
	invitation_accepted: { role: 'editor', partner: 'Cooperativa sociale Il Ponte' },
	invitation_revoked: { role: 'viewer' },
	access_granted: { role: 'editor', request: '5a0e4c1e-4444-4000-8000-000000000004' },
	access_declined: { role: 'facilitator', request: '5a0e4c1e-4444-4000-8000-000000000004' },
	pact_sealed: { seal: '5a0e4c1e-5555-4000-8000-000000000005', number: 1 },
	pact_adhered: { seal: '5a0e4c1e-5555-4000-8000-000000000005', number: 1, partner: 'Comune di Frosinone' },
	pact_withdrawn: { seal: '5a0e4c1e-5555-4000-8000-000000000005', number: 1, partner: 'Comune di Frosinone', reason: 'Cambio di giunta' }
};

/** What the entry is about, as the trigger names it: a person, the network, a file, a folder or a document. */
function titleFor(action: ActivityAction): string {
	if (action.startsWith('member_') || action.startsWith('access_')) return 'Anna Colombo';
	if (action === 'network_created') return 'Rete Frosinone';
	if (action.startsWith('file_')) return 'Avviso pubblico.pdf';
	if (action.startsWith('folder_')) return 'Avvisi';
	if (action.startsWith('partner_')) return 'Cooperativa sociale Il Ponte';
	if (action.startsWith('invitation_')) return 'sara.neri@example.org';
	return 'Mappatura dei servizi';
}

/** An entry as the trigger for `action` would write it, Marco acting on "Mappatura dei servizi" (or on Anna, a file, a folder). */
export function entryFor(action: ActivityAction, overrides: Partial<ActivityEntry> = {}): ActivityEntry {
	return {
		id: '42',
		action,
		actorId: 'd0000000-0000-4000-8000-000000000002',
		actorName: 'Marco Ferri',
		actorOrganisation: 'Cooperativa sociale Il Ponte',
		subjectId: 'dd000000-0000-4000-8000-000000000002',
		subjectTitle: titleFor(action),
		details: DETAILS[action] ?? {},
		createdAt: new Date('2026-11-23T16:05:09.000Z'),
		...overrides
	};
}
