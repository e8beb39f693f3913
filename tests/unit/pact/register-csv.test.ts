import { describe, expect, it } from 'vitest';
import { registerToCsv } from '../../../src/lib/server/pact/register-csv.ts';
import { adhesionInput, adhesionSchema } from '../../../src/lib/server/pact/schemas.ts';
import type { RegisterLine } from '../../../src/lib/pact/sealed.ts';

const line = (overrides: Partial<RegisterLine>): RegisterLine => ({
	partnerId: 'p1',
	partnerName: 'Comune di Frosinone',
	stillInNetwork: true,
	standing: 'pending',
	signerName: null,
	signerTitle: null,
	adheredOn: null,
	act: null,
	reservations: '',
	withdrawnAt: null,
	withdrawalReason: null,
	signature: null,
	...overrides
});

describe('the register as CSV', () => {
	it('writes one record per partner in words, with the act, the withdrawal and the certificate read', () => {
		const csv = registerToCsv('it', [
			line({
				standing: 'withdrawn',
				signerName: 'Anna Colombo',
				signerTitle: 'delegate',
				adheredOn: '2026-12-01',
				act: { kind: 'delibera', number: '214', date: '2026-11-28' },
				withdrawnAt: new Date('2026-12-05T10:00:00Z'),
				withdrawalReason: 'Cambio di giunta, da rivedere',
				signature: { signerName: 'COLOMBO ANNA', matches: true }
			}),
			line({ partnerId: 'p2', partnerName: '=Ente uscito', stillInNetwork: false })
		]);
		const [header, first, second] = csv.replace('\uFEFF', '').trimEnd().split('\r\n');
		expect(header.split(',').slice(0, 3)).toEqual(['Partner', 'Nella rete', 'Stato']);
		expect(first).toBe(
			'Comune di Frosinone,sì,Adesione ritirata,Anna Colombo,delegato/a,2026-12-01,Delibera,214,2026-11-28,,2026-12-05,"Cambio di giunta, da rivedere",COLOMBO ANNA,sì'
		);
		// A cell that a spreadsheet would run as a formula stays text.
		expect(second).toBe("'=Ente uscito,no,Non ha ancora aderito,,,,,,,,,,,");
	});
});

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
