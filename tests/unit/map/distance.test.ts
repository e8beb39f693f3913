import { describe, expect, it } from 'vitest';
import { haversineKm, kmFromParams, kmToParam, latitudeSpan } from '../../../src/lib/map/distance.ts';
import { PLACES } from '../../fixtures/frosinone.ts';

describe('haversineKm', () => {
	it('measures known distances as the crow flies', () => {
		// Rome (Piazza Venezia) to Milan (Duomo): 477 km on the map.
		expect(haversineKm({ lat: 41.8958, lng: 12.4823 }, { lat: 45.4642, lng: 9.19 })).toBeCloseTo(477, -1);
		expect(haversineKm(PLACES.frosinone, PLACES.cassino)).toBeCloseTo(43.8, 1);
		expect(haversineKm(PLACES.sora, PLACES.isolaDelLiri)).toBeCloseTo(5.5, 1);
	});

	it('is zero for one place and the same both ways', () => {
		expect(haversineKm(PLACES.sora, PLACES.sora)).toBe(0);
		expect(haversineKm(PLACES.sora, PLACES.alatri)).toBe(haversineKm(PLACES.alatri, PLACES.sora));
	});

	it('stays finite for places at opposite ends of the Earth', () => {
		expect(haversineKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(20015, -1);
	});
});

describe('latitudeSpan', () => {
	it('is never narrower than the latitude difference of two places within the distance', () => {
		for (const [a, b] of [
			[PLACES.frosinone, PLACES.sora],
			[PLACES.alatri, PLACES.cassino],
			[PLACES.ceccano, PLACES.pontecorvo]
		]) {
			expect(Math.abs(a.lat - b.lat)).toBeLessThanOrEqual(latitudeSpan(haversineKm(a, b)));
		}
	});
});

describe('the chosen distance in the address', () => {
	it('reads the offered choices and any distance, and the default otherwise', () => {
		expect(kmFromParams(new URLSearchParams('km=10'))).toBe(10);
		expect(kmFromParams(new URLSearchParams('km=any'))).toBeNull();
		expect(kmFromParams(new URLSearchParams('km=7'))).toBe(25);
		expect(kmFromParams(new URLSearchParams('km=10.0'))).toBe(25);
		expect(kmFromParams(new URLSearchParams(''))).toBe(25);
	});

	it('writes back what it reads', () => {
		for (const km of [5, 10, 25, 50, null] as const) expect(kmFromParams(new URLSearchParams({ km: kmToParam(km) }))).toBe(km);
	});
});
