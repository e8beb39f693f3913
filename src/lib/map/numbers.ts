// Numbers as people type them into the entry form and the table, and as
// Italian and English spreadsheets hold them: 41,6397 and 41.6397; 1.234,5
// and 1,234.5; 1.200 posti and 1,200 places. One reader for all three, so a
// number means the same wherever it is written.

/** A coordinate reads a lone separator as decimal (41,639); a count reads one before three digits as thousands (1.200 posti). */
export type NumberKind = 'decimal' | 'integer';

const DIGITS = /^[+-]?\d+$/;
/** Digits in groups of three after the first group: 1.234.567 or 1,234. */
const GROUPED: Record<string, RegExp> = { '.': /^[+-]?\d{1,3}(\.\d{3})+$/, ',': /^[+-]?\d{1,3}(,\d{3})+$/ };

/** The number the text holds, null when it is empty, NaN when it is not a number. */
function parseNumber(typed: string, kind: NumberKind): number | null {
	const text = typed.trim().replace(/[\s\u00a0\u202f']/g, '');
	if (!text) return null;
	const comma = text.lastIndexOf(',');
	const dot = text.lastIndexOf('.');
	let plain: string;
	if (comma >= 0 && dot >= 0) {
		// Both: the later one is the decimal separator, the other groups thousands.
		const [thousands, decimal] = comma > dot ? ['.', ','] : [',', '.'];
		const [whole, fraction, ...rest] = text.split(decimal);
		if (rest.length > 0 || !GROUPED[thousands].test(whole) || !/^\d+$/.test(fraction)) return NaN;
		plain = `${whole.split(thousands).join('')}.${fraction}`;
	} else if (comma >= 0 || dot >= 0) {
		const separator = comma >= 0 ? ',' : '.';
		const parts = text.split(separator);
		const grouped = GROUPED[separator].test(text);
		if (parts.length > 2 || (kind === 'integer' && grouped)) {
			if (!grouped) return NaN;
			plain = parts.join('');
		} else {
			if (!DIGITS.test(parts[0] || '0') || !/^\d+$/.test(parts[1])) return NaN;
			plain = `${parts[0] || '0'}.${parts[1]}`;
		}
	} else {
		if (!DIGITS.test(text)) return NaN;
		plain = text;
	}
	return Number(plain);
}

/**
 * What a typed number or a file's cell stands for: null when empty, the
 * number when it reads as one, otherwise the text as written, so the entry's
 * check can quote it back in its message.
 */
export function readNumber(typed: string, kind: NumberKind): number | string | null {
	const number = parseNumber(typed, kind);
	return number === null ? null : Number.isNaN(number) ? typed.trim() : number;
}
