// The reminder the day before a review's deadline. The database decides
// which are due and marks each one sent in the same statement
// (send_review_reminders), so running this on every process, every hour,
// after a restart or twice at once never tells anybody twice.
import type { Database } from '../db/types.ts';
import { startPeriodic } from '../periodic.ts';

/** Sends the reminders due at `at` (now by default); returns how many reviews were reminded. */
export async function sendReviewReminders(db: Database, at: Date = new Date()): Promise<number> {
	const { rows } = await db.query<{ sent: number }>('select public.send_review_reminders($1) as sent', [at]);
	return rows[0].sent;
}

/** Sends due reminders soon after start, then every hour. */
export const startReviewReminders = (db: Database, every = 60 * 60 * 1000) =>
	startPeriodic('review reminders', () => sendReviewReminders(db), every);
