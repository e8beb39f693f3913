import { describe, expect, it } from 'vitest';
import { formatKeyset, parseKeyset } from '../../src/lib/server/keyset.ts';

const ID = '3f2a8c1e-5b7d-4e9f-a1c2-0d4e6f8a9b1c';
const AT = '2026-03-01T10:00:00.000041Z';

describe('keysets', () => {
	it('reads back what it wrote, microseconds included', () => {
		for (const at of [AT, '2026-11-23T16:11:21.123456Z']) {
			expect(parseKeyset(formatKeyset({ at, id: ID }))).toEqual({ at, id: ID });
		}
	});

	it('takes an id in capitals as the same id', () => {
		expect(parseKeyset(`${AT}_${ID.toUpperCase()}`)).toEqual({ at: AT, id: ID });
	});

	it('is none when missing, malformed or naming a time that does not exist', () => {
		for (const value of [
			null,
			'',
			AT,
			`${AT}_${ID}_x`,
			`2026-03-01T10:00:00.000Z_${ID}`,
			`2026-11-23T16:11:21Z_${ID}`,
			`2026-03-01 10:00:00.000041Z_${ID}`,
			`${AT}_not-an-id`,
			`2026-02-30T10:00:00.000000Z_${ID}`,
			`2026-13-01T10:00:00.000000Z_${ID}`,
			`2026-13-45T16:11:21.123456Z_${ID}`,
			`2026-03-01T25:00:00.000000Z_${ID}`,
			`'; drop table documents; --_${ID}`,
			`x'; drop table notifications; --`
		]) {
			expect(parseKeyset(value), String(value)).toBeNull();
		}
	});
});
