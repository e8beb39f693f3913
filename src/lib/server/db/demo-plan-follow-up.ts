// The demo plan in motion: progress posted over the autumn of 2026 on seven
// of its actions (the wood laboratory at risk, the van still "on track"
// though its end has passed, so it shows late), and one verification, of the
// wood laboratory, partly achieved, which opened its revised action (action
// 13 of demo-plan.ts). Written by the service with fixed dates, as the
// people who speak for the partners (or the facilitator, relaying a tavolo)
// would have posted them; the triggers record them and tell whom they tell.
import type { Queryable } from './types.ts';
import type { ActionStatus } from '../../plan/plan.ts';
import { demoActionId as action } from './demo-plan.ts';

const GIULIA = 'd0000000-0000-4000-8000-000000000001';
const MARCO = 'd0000000-0000-4000-8000-000000000002';
const indicator = (actionNumber: number, n: number) => `e1000000-0000-4000-8000-${String(actionNumber * 10 + n).padStart(12, '0')}`;

interface DemoUpdate {
	action: number;
	by: string;
	at: string;
	status: ActionStatus;
	percent: number | null;
	values?: Record<string, number>;
	note: string;
}

const UPDATES: DemoUpdate[] = [
	{ action: 1, by: MARCO, at: '2026-10-20T10:00:00+02:00', status: 'on_track', percent: 10, values: { [indicator(1, 1)]: 3 }, note: 'Firmati i primi tre progetti con il CSM; per due tirocini nel verde siamo pronti noi.' },
	{ action: 1, by: GIULIA, at: '2026-11-25T17:30:00+01:00', status: 'on_track', percent: 25, values: { [indicator(1, 1)]: 8 }, note: 'Dal tavolo di monitoraggio: otto progetti firmati.' },
	{ action: 2, by: MARCO, at: '2026-11-18T09:15:00+01:00', status: 'not_started', percent: 0, note: 'Individuati i tre tutor; le prime aziende ospitanti sono confermate per gennaio.' },
	{ action: 4, by: MARCO, at: '2026-09-30T16:00:00+02:00', status: 'on_track', percent: 20, values: { [indicator(4, 1)]: 3 }, note: 'Il laboratorio è partito con tre persone.' },
	{ action: 4, by: MARCO, at: '2026-11-10T16:00:00+01:00', status: 'at_risk', percent: 40, values: { [indicator(4, 1)]: 4 }, note: 'Una persona ha lasciato; nessuna impresa della rete ha ancora confermato l’inserimento dopo il laboratorio.' },
	{ action: 5, by: GIULIA, at: '2026-11-05T12:00:00+01:00', status: 'on_track', percent: 15, values: { [indicator(5, 1)]: 4 }, note: 'L’assistente sociale dedicata ha preso in carico le prime quattro persone.' },
	{ action: 6, by: GIULIA, at: '2026-10-28T18:00:00+01:00', status: 'on_track', percent: 60, values: { [indicator(6, 1)]: 6 }, note: 'Il furgone fa due corse al giorno; sei tirocinanti lo usano.' },
	{ action: 9, by: GIULIA, at: '2026-11-27T11:00:00+01:00', status: 'on_track', percent: 10, values: { [indicator(9, 1)]: 7 }, note: 'Sette persone orientate nel primo mese.' },
	{ action: 11, by: GIULIA, at: '2026-12-01T19:00:00+01:00', status: 'on_track', percent: 5, values: { [indicator(11, 1)]: 5 }, note: 'Primo incontro con cinque famiglie.' }
];

export async function seedDemoPlanFollowUp(tx: Queryable, networkId: string, documentId: string): Promise<void> {
	for (const update of UPDATES) {
		await tx.query(
			`insert into public.plan_progress (network_id, document_id, action_id, status, percent, indicator_values, note, posted_by, posted_at)
			 values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
			[networkId, documentId, action(update.action), update.status, update.percent, JSON.stringify(update.values ?? {}), update.note, update.by, update.at]
		);
	}
	await tx.query(
		`insert into public.plan_verifications (network_id, document_id, action_id, verdict, reason, next_step, next_action_id, recorded_by, recorded_at)
		 values ($1, $2, $3, 'partly', $4, $5, $6, $7, '2026-11-30T17:00:00+01:00')`,
		[
			networkId,
			documentId,
			action(4),
			'Quattro persone su sei hanno frequentato il laboratorio, ma nessuna ha ancora un’impresa che la accolga dopo.',
			'Gruppi di quattro, e un’impresa della rete individuata per ciascuno prima di iniziare.',
			action(13),
			GIULIA
		]
	);
}
