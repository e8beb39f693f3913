import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, passwordProblem } from './auth/password-policy.ts';
import { PARTNER_KINDS, PHASES, ROLES, SYSTEMS } from '../domain.ts';
import { checkTaxCode } from '../tax-code.ts';

// Every form is validated here, at the edge. Messages are i18n keys; the
// page translates them.
const text = (min: number, max: number, key: string) => z.string().trim().min(min, key).max(max, key);
const email = z.string().trim().toLowerCase().max(254, 'errors.email_invalid').email('errors.email_invalid');
const locale = z.enum(['it', 'en'], { error: 'errors.locale_invalid' });

// Checked here so a weak password is reported together with the other
// fields; the comparison with the email is made once both are valid.
const newPassword = z.string().superRefine((password, ctx) => {
	const problem = passwordProblem({ password, email: '' });
	if (problem) ctx.addIssue({ code: 'custom', message: `errors.password_${problem}` });
});

export const signUpSchema = z.object({
	displayName: text(1, 120, 'errors.display_name_length'),
	organisation: z.string().trim().max(200, 'errors.organisation_length').default(''),
	email,
	password: newPassword,
	locale
});

export const signInSchema = z.object({
	email,
	password: z.string().min(1, 'errors.password_required').max(PASSWORD_MAX_LENGTH, 'errors.invalid_credentials')
});

export const profileSchema = z.object({
	displayName: text(1, 120, 'errors.display_name_length'),
	organisation: z.string().trim().max(200, 'errors.organisation_length').default(''),
	locale
});

export const networkSchema = z.object({
	name: text(3, 140, 'errors.network_name_length'),
	territory: text(2, 140, 'errors.territory_length'),
	description: z.string().trim().max(4000, 'errors.description_length').default(''),
	phase: z.enum(PHASES, { error: 'errors.phase_invalid' })
});

const optionalId = z
	.string()
	.trim()
	.transform((value) => value || null)
	.pipe(z.uuid('errors.partner_invalid').nullable());

const optionalText = (max: number, key: string) => z.string().trim().max(max, key).default('');

// A website as people write it ("www.ilponte.it"): https:// is assumed, and only http(s) is kept, so the page can link it.
const website = z
	.string()
	.trim()
	.default('')
	.transform((typed, ctx) => {
		if (!typed) return '';
		const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(typed) ? typed : `https://${typed}`;
		const url = URL.canParse(withScheme) ? new URL(withScheme) : null;
		if (!url || !['http:', 'https:'].includes(url.protocol) || !url.hostname.includes('.') || /\s/.test(typed) || withScheme.length > 300) {
			ctx.addIssue({ code: 'custom', message: 'errors.partner_website_invalid' });
			return z.NEVER;
		}
		return withScheme;
	});

const taxCode = z
	.string()
	.default('')
	.transform((typed, ctx) => {
		if (!typed.trim()) return '';
		const checked = checkTaxCode(typed);
		if (checked.ok) return checked.code;
		ctx.addIssue({ code: 'custom', message: checked.problem === 'shape' ? 'errors.tax_code_shape' : 'errors.tax_code_check' });
		return z.NEVER;
	});

// Ticked checkboxes: none, one (a string) or several (a list).
const systems = z.preprocess(
	(value) => (value === undefined || value === '' ? [] : [value].flat()),
	z.array(z.enum(SYSTEMS, { error: 'errors.system_invalid' })).min(1, 'errors.systems_required')
);

export const partnerSchema = z.object({
	name: text(2, 200, 'errors.partner_name_length'),
	kind: z.enum(PARTNER_KINDS, { error: 'errors.kind_invalid' }),
	systems,
	description: optionalText(2000, 'errors.partner_description_length'),
	address: optionalText(300, 'errors.partner_address_length'),
	website,
	contactPerson: optionalText(300, 'errors.partner_contact_length'),
	legalRepresentative: optionalText(200, 'errors.partner_representative_length'),
	taxCode
});

export const invitationSchema = z.object({
	email,
	role: z.enum(ROLES, { error: 'errors.role_invalid' }),
	partnerId: optionalId
});

export const roleChangeSchema = z.object({
	userId: z.uuid(),
	role: z.enum(ROLES, { error: 'errors.role_invalid' }),
	partnerId: optionalId
});

export const idSchema = z.object({ id: z.uuid() });
export const userIdSchema = z.object({ userId: z.uuid() });
