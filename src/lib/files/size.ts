import { intlLocale } from '../dates.ts';
import type { Locale } from '../i18n/translate.ts';

const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/**
 * A byte count as people read it, in powers of 1024: "512 B", "12,3 MB" in
 * Italian and "12.3 MB" in English, at most one decimal. The unit is chosen
 * after rounding, so 1,048,575 bytes read "1 MB" rather than "1024 KB".
 */
export function formatSize(bytes: number, locale: Locale): string {
	if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`not a size: ${bytes}`);
	let unit = 0;
	while (unit < UNITS.length - 1 && Math.round((bytes / 1024 ** unit) * 10) / 10 >= 1024) unit++;
	const value = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(
		bytes / 1024 ** unit
	);
	return `${value} ${UNITS[unit]}`;
}
