// The plan's reminders: a late action, or a verification whose date has
// passed, tells the lead partner's people and the facilitators. The database
// decides which are owed and marks each sent in the same statement
// (send_plan_reminders, with rollup.ts's rules), so running this on every
// process, every hour, after a restart or twice at once tells nobody twice.
import type { Database } from '../db/types.ts';
import { startPeriodic } from '../periodic.ts';

/** Sends the reminders owed at `at` (now by default); returns how many went out. */
export async function sendPlanReminders(db: Database, at: Date = new Date()): Promise<number> {
	const { rows } = await db.query<{ sent: number }>('select public.send_plan_reminders($1) as sent', [at]);
	return rows[0].sent;
}

/** Sends owed reminders soon after start, then every hour. */
export const startPlanReminders = (db: Database, every = 60 * 60 * 1000) =>
	startPeriodic('plan reminders', () => sendPlanReminders(db), every);
