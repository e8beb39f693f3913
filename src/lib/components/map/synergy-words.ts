// How the synergy view puts a ranking's reasons into words, in the page's language.
import { formatNumber, t } from '$lib/i18n';
import type { MapEntry } from '$lib/map/entry';
import { roundKm, type MatchReasons } from '$lib/map/synergies';
import { targetNames } from './cell-text';

/** The partner an entry belongs to, by name; null when it belongs to none. */
export const partnerWords = (entry: MapEntry, partnerNames: Map<string, string>): string | null =>
	entry.partnerId ? (partnerNames.get(entry.partnerId) ?? t('map.unknownPartner')) : null;

/** "3,4 km", to the tenth shown and ranked on; "meno di 100 m" below that. */
export function distanceWords(km: number | null): string {
	if (km === null) return t('synergies.noDistance');
	const shown = roundKm(km);
	return shown < 0.1 ? t('synergies.veryNear') : t('synergies.kmAway', { km: formatNumber(shown) });
}

/** Each reason a match ranks where it does, in the ranking's order: "2 destinatari in comune (…)", "3,4 km", "stesso sistema", "4 posti". */
export function reasonWords(reasons: MatchReasons): string[] {
	const { shared, km, sameSystem, places } = reasons;
	const targets = targetNames(shared);
	const words = [
		shared.length === 1 ? t('synergies.sharedOne', { targets }) : t('synergies.sharedMany', { count: shared.length, targets }),
		distanceWords(km)
	];
	if (sameSystem) words.push(t('synergies.sameSystem'));
	if (places !== null) {
		words.push(places === 0 ? t('synergies.placesNone') : places === 1 ? t('synergies.placesOne') : t('synergies.placesMany', { count: formatNumber(places) }));
	}
	return words;
}
