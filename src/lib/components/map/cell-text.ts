// The words a table cell shows for an entry's field, in the page's language:
// the same words whether the cell is read, sorted or reported as changed.
// Target groups read the same in the network and synergy views too.
import { formatNumber, t } from '$lib/i18n';
import type { MapEntry, TargetGroup } from '$lib/map/entry';
import type { TableField } from '$lib/map/inline-edit';

/** Target groups as one line of words, as the table, the network and the synergies list them. */
export const targetNames = (targets: readonly TargetGroup[]): string => targets.map((group) => t(`map.target.${group}`)).join(', ');

/** `partnerNames` maps a partner's id to its name; an id not in it is a partner that left the network. */
export function cellText(entry: MapEntry, field: TableField, partnerNames: Map<string, string>): string {
	switch (field) {
		case 'category':
			return t(`map.category.${entry.category}`);
		case 'system':
			return t(`system.${entry.system}`);
		case 'targets':
			return targetNames(entry.targets);
		case 'partnerId':
			return entry.partnerId ? (partnerNames.get(entry.partnerId) ?? t('map.unknownPartner')) : '';
		case 'places':
			return entry.places === null ? '' : formatNumber(entry.places);
		case 'tags':
			return entry.tags.join(', ');
		default:
			return entry[field];
	}
}
