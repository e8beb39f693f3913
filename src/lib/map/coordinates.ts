// Coordinates as people type or paste them: Italian writes "41,6396", maps
// copy "41.6396, 13.3422" as one line. What is not a number is kept as text,
// so the entry's check can quote it back in its message.

const NUMBER = String.raw`[+-]?\d+(?:[.,]\d+)?`;
const ONE = new RegExp(`^${NUMBER}$`);
const PAIR = new RegExp(String.raw`^\s*(${NUMBER})\s*(?:[,;]\s*|\s+)(${NUMBER})\s*$`);

/** A typed coordinate: null when empty, a number when it reads as one, otherwise the text itself. */
export function readCoordinate(typed: string): number | string | null {
	const text = typed.trim();
	if (!text) return null;
	return ONE.test(text) ? Number(text.replace(',', '.')) : text;
}

/** Both coordinates from one pasted line ("41.6396, 13.3422", "41,6396; 13,3422"), or null when it is not such a line. */
export function coordinatePair(typed: string): { lat: string; lng: string } | null {
	const match = PAIR.exec(typed);
	return match ? { lat: match[1], lng: match[2] } : null;
}

/** A coordinate as forms show it: at most six decimals, about ten centimetres. */
export const formatCoordinate = (value: number): string => String(Math.round(value * 1e6) / 1e6);

/** A count of places as typed: "1.000" and "1 000" are a thousand in Italian; null when empty, the text when not a number. */
export function readCount(typed: string): number | string | null {
	const text = typed.trim();
	if (!text) return null;
	if (/^\d{1,3}(?:[.\s]\d{3})+$/.test(text)) return Number(text.replace(/[.\s]/g, ''));
	return /^[+-]?\d+(?:[.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : text;
}
