// The adhesion and withdrawal forms, validated at the edge; messages are i18n
// keys. The database checks again (adhere_to_pact, withdraw_adhesion) and
// decides who may.
import { z } from 'zod';
import { ACT_KINDS, SIGNER_TITLES, type AdhesionInput } from './adhesions.ts';
import { isUuid } from '../../uuid.ts';

/** A real day of the calendar, as a date input sends it. */
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
const day = (message: 'pactSeals.error.date') => z.string().trim().refine(isDay, message);
const optionalDay = z
	.string()
	.trim()
	.optional()
	.transform((value) => value || null)
	.refine((value) => value === null || isDay(value), 'pactSeals.error.date');
const uuid = (message: 'pactSeals.error.partner' | 'pactSeals.error.file') => z.string().refine(isUuid, message);

export const adhesionSchema = z
	.object({
		partner: uuid('pactSeals.error.partner'),
		signerName: z.string().trim().min(2, 'pactSeals.error.signerName').max(200, 'pactSeals.error.signerName'),
		signerTitle: z.enum(SIGNER_TITLES, { error: 'pactSeals.error.signerTitle' }),
		adheredOn: day('pactSeals.error.date'),
		actKind: z.union([z.literal(''), z.enum(ACT_KINDS)], { error: 'pactSeals.error.actKind' }).optional(),
		actNumber: z.string().trim().max(50, 'pactSeals.error.actNumber').optional(),
		actDate: optionalDay,
		reservations: z.string().trim().max(4000, 'pactSeals.error.reservations').optional(),
		file: z.union([z.literal(''), uuid('pactSeals.error.file')]).optional()
	})
	// An act is a kind and a number together; a date alone says nothing.
	.refine((form) => !!form.actKind === !!form.actNumber, { path: ['actNumber'], message: 'pactSeals.error.actNumber' })
	.refine((form) => !!form.actKind || !form.actDate, { path: ['actNumber'], message: 'pactSeals.error.actNumber' });

export function adhesionInput(form: z.output<typeof adhesionSchema>): AdhesionInput {
	return {
		partnerId: form.partner,
		signerName: form.signerName,
		signerTitle: form.signerTitle,
		adheredOn: form.adheredOn,
		act: form.actKind ? { kind: form.actKind, number: form.actNumber ?? '', date: form.actDate ?? '' } : null,
		reservations: form.reservations ?? '',
		fileId: form.file || null
	};
}

export const withdrawalSchema = z.object({
	partner: uuid('pactSeals.error.partner'),
	reason: z.string().trim().min(1, 'pactSeals.error.reason').max(2000, 'pactSeals.error.reason')
});
