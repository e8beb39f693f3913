/** Words that exports and the print view put around a document, in the reader's language. */
import { translate, type Locale } from '../i18n/translate.ts';
import { formatDateTime } from '../dates.ts';

export interface VersionInfo {
	name: string | null;
	automatic: boolean;
	createdAt: Date;
}

/** Which text an export holds: a saved version, or the live document as it was at `now`. */
export function versionLabel(locale: Locale, version: VersionInfo | null, now: Date): string {
	if (!version) return translate(locale, 'export.currentVersion', { date: formatDateTime(locale, now) });
	const date = formatDateTime(locale, version.createdAt);
	return version.name
		? translate(locale, 'export.namedVersion', { name: version.name, date })
		: translate(locale, 'export.automaticVersion', { date });
}
