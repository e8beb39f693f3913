// Numbers as people type them in Italian and English spreadsheets:
// 41,6397 and 41.6397; 1.234,5 and 1,234.5; 1.200 posti and 1,200 places.

const DIGITS = /^[+-]?\d+$/;
/** Digits in groups of three after the first group: 1.234.567 or 1,234. */
const GROUPS: Record<string, RegExp> = { '.': /^[+-]?\d{1,3}(\.\d{3})+$/, ',': /^[+-]?\d{1,3}(,\d{3})+$/ };
const GROUPED = (separator: string): RegExp => GROUPS[separator];

/**
 * The number a cell holds, or null when the cell is empty, or NaN when it is
 * not a number. `integer` reads a lone separator before three digits as a
 * thousands separator (1.200 posti); otherwise a lone separator is the
 * decimal one (41,639 is a latitude).
 */
export function parseNumber(cell: string, kind: 'decimal' | 'integer'): number | null {
	const text = cell.trim().replace(/[\s\u00a0\u202f']/g, '');
	if (!text) return null;
	const comma = text.lastIndexOf(',');
	const dot = text.lastIndexOf('.');
	let plain: string;
	if (comma >= 0 && dot >= 0) {
		// Both: the later one is the decimal separator, the other groups thousands.
		const [thousands, decimal] = comma > dot ? ['.', ','] : [',', '.'];
		const [whole, fraction, ...rest] = text.split(decimal);
		if (rest.length > 0 || !GROUPED(thousands).test(whole) || !/^\d+$/.test(fraction)) return NaN;
		plain = `${whole.split(thousands).join('')}.${fraction}`;
	} else if (comma >= 0 || dot >= 0) {
		const separator = comma >= 0 ? ',' : '.';
		const parts = text.split(separator);
		const grouped = GROUPED(separator).test(text);
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
