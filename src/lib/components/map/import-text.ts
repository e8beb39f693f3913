// An import's messages in the page's language: counts written the way the
// language writes numbers, the invisible tab separator named in words.
import { formatNumber, t } from '$lib/i18n';
import type { Message, Params, RowProblem } from '$lib/map/import/problems';

function shown(params: Params = {}): Params {
	return Object.fromEntries(
		Object.entries(params).map(([name, value]) => [
			name,
			typeof value === 'number' ? formatNumber(value) : name === 'separator' && value === '\t' ? t('mapImport.separator.tab') : value
		])
	);
}

export const messageText = (message: Message): string => t(message.code, shown(message.params));

/** Why a row was refused; messages without a value leave none visible. */
export const problemText = (problem: RowProblem): string => t(problem.code, { value: problem.value ?? '' });
