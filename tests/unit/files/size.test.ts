import { describe, expect, it } from 'vitest';
import { formatSize } from '../../../src/lib/files/size.ts';

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;

describe('file sizes', () => {
	it.each([
		[0, '0 B', '0 B'],
		[1, '1 B', '1 B'],
		[1023, '1023 B', '1,023 B'],
		[1024, '1 KB', '1 KB'],
		[1536, '1,5 KB', '1.5 KB'],
		[10 * KB + 51, '10 KB', '10 KB'],
		[Math.round(12.3 * MB), '12,3 MB', '12.3 MB'],
		[50 * MB, '50 MB', '50 MB'],
		[MB - 1, '1 MB', '1 MB'],
		[Math.round(2.25 * GB), '2,3 GB', '2.3 GB'],
		[1536 * GB, '1536 GB', '1,536 GB']
	])('of %i bytes reads %j in Italian and %j in English', (bytes, it_, en) => {
		expect(formatSize(bytes, 'it')).toBe(it_);
		expect(formatSize(bytes, 'en')).toBe(en);
	});

	it('refuses what is not a size', () => {
		for (const bytes of [-1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => formatSize(bytes, 'it')).toThrow(RangeError);
	});
});
