import { describe, expect, it } from 'vitest';
import { adhesionInput, adhesionSchema } from '../../../src/lib/server/pact/schemas.ts';

describe('the adhesion form', () => {
	const base = { partner: 'a1000000-0000-4000-8000-000000000001', signerName: ' Anna Colombo ', signerTitle: 'delegate', adheredOn: '2026-12-01' };

	it('takes an adhesion with no act', () => {
		const parsed = adhesionSchema.parse({ ...base, actKind: '', actNumber: '', actDate: '', file: '' });
		expect(adhesionInput(parsed)).toMatchObject({ signerName: 'Anna Colombo', act: null, fileId: null, reservations: '' });
	});

	it.each([
		['a kind without a number', { actKind: 'delibera' }, 'actNumber'],
		['a number without a kind', { actNumber: '214' }, 'actNumber'],
		['a date that is not one', { adheredOn: '2026-02-30' }, 'adheredOn'],
		['a title not in the list', { signerTitle: 'sindaco' }, 'signerTitle'],
		['a one-letter signer', { signerName: 'A' }, 'signerName']
	])('refuses %s, beside its field', (_case, change, field) => {
		const result = adhesionSchema.safeParse({ ...base, ...change });
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((issue) => issue.path[0])).toContain(field);
	});
});
