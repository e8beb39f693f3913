// The activity record as a CSV file a public body can file with its
// accounts: one row per entry, oldest first, in the person's language.
import { translate, type Locale, type MessageKey } from '../../i18n/translate.ts';
import { slug } from '../../documents/download.ts';
import { romeDateTime, romeDay } from '../../activity/days.ts';
import { activityDetails, activityLabel } from '../../activity/sentence.ts';
import type { ActivityEntry } from '../../activity/entry.ts';
import { toCsv } from './csv.ts';

const COLUMNS: MessageKey[] = [
	'activity.csv.utc',
	'activity.csv.local',
	'activity.csv.person',
	'activity.csv.organisation',
	'activity.csv.action',
	'activity.csv.subject',
	'activity.csv.details'
];

export function activityCsv(locale: Locale, entries: readonly ActivityEntry[]): string {
	return toCsv([
		COLUMNS.map((key) => translate(locale, key)),
		...entries.map((entry) => {
			const at = new Date(entry.createdAt);
			return [
				at.toISOString(),
				romeDateTime(at),
				entry.actorName,
				entry.actorOrganisation,
				activityLabel(locale, entry.action),
				entry.subjectTitle,
				activityDetails(locale, entry)
			];
		})
	]);
}

/** attivita-<network>-<day in Rome>, without the extension. */
export const exportName = (networkName: string, now: Date): string => `attivita-${slug(networkName)}-${romeDay(now)}`;
