// Places of the province of Frosinone (real town centres, WGS 84) and a
// builder of entries placed there, so each synergy test reads as a map.
import { blankEntry, type MapEntry, type Position } from '../../../src/lib/map/entry.ts';

export const PLACES = {
	frosinone: { lat: 41.6397, lng: 13.3426 },
	frosinoneStazione: { lat: 41.6311, lng: 13.3236 },
	ceccano: { lat: 41.5694, lng: 13.3353 },
	alatri: { lat: 41.7258, lng: 13.3419 },
	sora: { lat: 41.7181, lng: 13.6134 },
	isolaDelLiri: { lat: 41.6794, lng: 13.5722 },
	cassino: { lat: 41.4922, lng: 13.8308 },
	pontecorvo: { lat: 41.4587, lng: 13.6663 }
} satisfies Record<string, Position>;

let counter = 0;

/** An entry with a readable, ordered id (the last tie-breaker) unless one is given. */
export function place(name: string, fields: Partial<MapEntry> = {}): MapEntry {
	counter++;
	return blankEntry(`00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`, { name, ...fields });
}

export const need = (name: string, fields: Partial<MapEntry> = {}) => place(name, { category: 'need', ...fields });
export const service = (name: string, fields: Partial<MapEntry> = {}) => place(name, { category: 'service', ...fields });
