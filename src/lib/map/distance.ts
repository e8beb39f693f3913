// Distances between places on the map, as the crow flies: what a network
// means by "within 10 km" when it compares a need with a service. Roads and
// buses are not known here, so a distance is a lower bound of the journey.
// Also the distances the synergy view offers, kept in its address.
import type { Position } from './entry.ts';

/** The Earth's mean radius (IUGG); the spherical model errs by under 0.5 %, far below what a journey adds. */
const EARTH_RADIUS_KM = 6371.0088;

/** Kilometres along a meridian per degree of latitude. */
export const KM_PER_DEGREE = (EARTH_RADIUS_KM * Math.PI) / 180;

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/**
 * A position as a point on the unit sphere, for code that measures it against
 * many others: the trigonometry is done once, and two places' straight-line
 * (chord) distance is three subtractions away.
 */
export interface Prepared {
	x: number;
	y: number;
	z: number;
}

export function prepare(position: Position): Prepared {
	const phi = radians(position.lat);
	const lambda = radians(position.lng);
	return { x: Math.cos(phi) * Math.cos(lambda), y: Math.cos(phi) * Math.sin(lambda), z: Math.sin(phi) };
}

/** The squared chord between prepared positions: it grows with the distance, so it can be compared without asin. */
export function chordSquared(a: Prepared, b: Prepared): number {
	const dx = a.x - b.x;
	const dy = a.y - b.y;
	const dz = a.z - b.z;
	return dx * dx + dy * dy + dz * dz;
}

/** The squared chord of an arc of `km`: places further apart have a longer one. */
export const chordSquaredOf = (km: number): number => (2 * Math.sin(Math.min(Math.PI, km / EARTH_RADIUS_KM) / 2)) ** 2;

/**
 * The great-circle distance in km of a squared chord: a quarter of it is the
 * haversine of the arc's angle, so this is the haversine formula.
 */
export const arcKm = (chordSquared: number): number =>
	// min() guards asin against rounding just above 1 for antipodal places.
	2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(chordSquared) / 2));

export const preparedKm = (a: Prepared, b: Prepared): number => arcKm(chordSquared(a, b));

/** The great-circle distance between two places, in kilometres. */
export const haversineKm = (a: Position, b: Position): number => preparedKm(prepare(a), prepare(b));

/**
 * Two places `km` apart or closer are never further apart in latitude than
 * this: the great circle is at least as long as the meridian arc. So a
 * latitude window is a safe first sieve before the exact distance.
 */
export const latitudeSpan = (km: number): number => km / KM_PER_DEGREE;

/** The distances a person can choose, in km; null is any distance. */
export const DISTANCE_CHOICES = [5, 10, 25, 50, null] as const;
export type DistanceChoice = (typeof DISTANCE_CHOICES)[number];
/** A province's towns are 20–50 km apart: 25 km covers a district (ambito) without joining the far ends. */
const DEFAULT_KM: DistanceChoice = 25;

/** The chosen distance in the page's address (?km=10, ?km=any); anything else is the default. */
export function kmFromParams(params: URLSearchParams): DistanceChoice {
	const value = params.get('km');
	if (value === 'any') return null;
	return DISTANCE_CHOICES.find((km) => km !== null && String(km) === value) ?? DEFAULT_KM;
}

export const kmToParam = (km: DistanceChoice): string => (km === null ? 'any' : String(km));
