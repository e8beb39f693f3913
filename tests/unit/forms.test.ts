import { describe, expect, it } from 'vitest';
import { parseForm } from '../../src/lib/server/forms.ts';
import { invitationSchema, signUpSchema } from '../../src/lib/server/schemas.ts';

const formOf = (values: Record<string, string>) => {
	const form = new FormData();
	for (const [k, v] of Object.entries(values)) form.set(k, v);
	return form;
};

describe('parseForm', () => {
	it('returns clean data: trimmed, lower-cased email, empty partner as null', () => {
		const { data } = parseForm(invitationSchema, formOf({ email: '  Anna@Comune.IT ', role: 'commenter', partnerId: '' }));
		expect(data).toEqual({ email: 'anna@comune.it', role: 'commenter', partnerId: null });
	});

	it('names each invalid field with a message key and keeps what was typed, except the password', () => {
		const { failure } = parseForm(
			signUpSchema,
			formOf({ displayName: 'Mario', email: 'not-an-email', password: 'secret', locale: 'fr' })
		);
		expect(failure?.status).toBe(400);
		expect(failure?.data.errors).toEqual({
			email: 'errors.email_invalid',
			password: 'errors.password_too_short',
			locale: 'errors.locale_invalid'
		});
		expect(failure?.data.values).toEqual({ displayName: 'Mario', email: 'not-an-email', locale: 'fr' });
	});

	it('refuses a role that does not exist', () => {
		const { failure } = parseForm(invitationSchema, formOf({ email: 'a@b.it', role: 'owner', partnerId: '' }));
		expect(failure?.data.errors).toEqual({ role: 'errors.role_invalid' });
	});

	it('refuses text the database cannot store beside its field, and shows it again without that character', () => {
		const { failure } = parseForm(
			signUpSchema,
			formOf({ displayName: 'Ma\u0000rio', organisation: 'Comune', email: 'mario@comune.it', password: 'Corretto-cavallo-9', locale: 'it' })
		);
		expect(failure?.status).toBe(400);
		expect(failure?.data.errors).toEqual({ displayName: 'errors.text_unstorable' });
		expect(failure?.data.values.displayName).toBe('Mario');
	});

	it('reports unstorable text together with the problems the schema finds', () => {
		const { failure } = parseForm(signUpSchema, formOf({ displayName: '\u0000', email: 'x', password: 'Corretto-cavallo-9', locale: 'it' }));
		expect(failure?.data.errors).toEqual({ displayName: 'errors.text_unstorable', email: 'errors.email_invalid' });
	});
});
