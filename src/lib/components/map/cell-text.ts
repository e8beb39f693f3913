// The words a table cell shows for an entry's field, in the page's language:
// the same words whether the cell is read, sorted or reported as changed.
import { formatNumber, t } from '$lib/i18n';
import type { MapEntry } from '$lib/map/entry';
import type { TableField } from '$lib/map/inline-edit';

/** `partnerNames` maps a partner's id to its name; an id not in it is a partner that left the network. */
export function cellText(entry: MapEntry, field: TableField, partnerNames: Map<string, string>): string {
	switch (field) {
		case 'category':
			return t(`map.category.${entry.category}`);
		case 'system':
			return t(`system.${entry.system}`);
		case 'targets':
			return entry.targets.map((target) => t(`map.target.${target}`)).join(', ');
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
