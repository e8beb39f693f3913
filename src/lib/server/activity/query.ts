import { isActivityGroup } from '../../activity/actions.ts';
import type { ActivityFilters } from './queries.ts';
import { isUuid } from '../../uuid.ts';

/** The activity page's GET parameters: anything unknown is simply no filter, from the newest. */
export function activityQuery(params: URLSearchParams): Required<ActivityFilters> {
	const kind = params.get('kind');
	const person = params.get('person') ?? '';
	const before = params.get('before') ?? '';
	return {
		group: isActivityGroup(kind) ? kind : null,
		actorId: isUuid(person) ? person.toLowerCase() : null,
		// An entry's id: a positive bigint.
		before: /^[1-9]\d{0,17}$/.test(before) ? before : null
	};
}
