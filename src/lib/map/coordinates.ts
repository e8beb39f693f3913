// Coordinates as people paste them: maps copy "41.6396, 13.3422" as one
// line, Italian writes "41,6396; 13,3422". Each half is then read by
// readNumber (numbers.ts).

const NUMBER = String.raw`[+-]?\d+(?:[.,]\d+)?`;
const PAIR = new RegExp(String.raw`^\s*(${NUMBER})\s*(?:[,;]\s*|\s+)(${NUMBER})\s*$`);

/** Both coordinates from one pasted line ("41.6396, 13.3422", "41,6396; 13,3422"), or null when it is not such a line. */
export function coordinatePair(typed: string): { lat: string; lng: string } | null {
	const match = PAIR.exec(typed);
	return match ? { lat: match[1], lng: match[2] } : null;
}

/** A coordinate as forms show it: at most six decimals, about ten centimetres. */
export const formatCoordinate = (value: number): string => String(Math.round(value * 1e6) / 1e6);
