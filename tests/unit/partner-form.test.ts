import { describe, expect, it } from 'vitest';
import { parseForm } from '../../src/lib/server/forms.ts';
import { partnerSchema } from '../../src/lib/server/schemas.ts';

const formOf = (entries: [string, string][]) => {
	const form = new FormData();
	for (const [name, value] of entries) form.append(name, value);
	return form;
};

/** The form as a browser sends it: one entry per ticked system, and the given fields over the defaults. */
const partner = (overrides: [string, string][] = [], systems = ['social', 'employment']) => {
	const fields = new Map<string, string>([['name', 'Cooperativa sociale Il Ponte'], ['kind', 'social_coop_b'], ['website', ''], ['taxCode', ''], ...overrides]);
	return formOf([...fields, ...systems.map((system): [string, string] => ['systems', system])]);
};

describe('the partner form', () => {
	it('reads every ticked system, one or several', () => {
		expect(parseForm(partnerSchema, partner()).data?.systems).toEqual(['social', 'employment']);
		expect(parseForm(partnerSchema, partner([], ['health'])).data?.systems).toEqual(['health']);
	});

	it('asks for at least one system, keeping everything else that was typed', () => {
		const { failure } = parseForm(partnerSchema, partner([['address', 'Via Casilina Sud 210']], []));
		expect(failure?.data.errors).toEqual({ systems: 'errors.systems_required' });
		expect(failure?.data.values).toMatchObject({ name: 'Cooperativa sociale Il Ponte', address: 'Via Casilina Sud 210' });
	});

	it('shows the ticked systems again after a refusal, all of them', () => {
		const { failure } = parseForm(partnerSchema, partner([['taxCode', '12345678901']]));
		expect(failure?.data.errors).toEqual({ taxCode: 'errors.tax_code_check' });
		expect(failure?.data.values.systems).toBe('social,employment');
	});

	it('refuses a system that is none of the four', () => {
		expect(parseForm(partnerSchema, partner([], ['social', 'sport'])).failure?.data.errors).toEqual({ systems: 'errors.system_invalid' });
	});

	it('keeps a tax code in upper case without spaces, and says whether a wrong one has the wrong shape or the wrong check', () => {
		expect(parseForm(partnerSchema, partner([['taxCode', 'rss mra 85t10 a562s']])).data?.taxCode).toBe('RSSMRA85T10A562S');
		expect(parseForm(partnerSchema, partner([['taxCode', '1234']])).failure?.data.errors).toEqual({ taxCode: 'errors.tax_code_shape' });
		expect(parseForm(partnerSchema, partner([['taxCode', 'RSSMRA85T10A562T']])).failure?.data.errors).toEqual({
			taxCode: 'errors.tax_code_check'
		});
	});

	it('takes a website as people write it, and refuses what is not a web address', () => {
		expect(parseForm(partnerSchema, partner([['website', 'www.ilponte.it']])).data?.website).toBe('https://www.ilponte.it');
		expect(parseForm(partnerSchema, partner([['website', 'http://ilponte.it/chi-siamo']])).data?.website).toBe('http://ilponte.it/chi-siamo');
		for (const typed of ['javascript:alert(1)', 'il ponte', 'ilponte']) {
			expect(parseForm(partnerSchema, partner([['website', typed]])).failure?.data.errors, typed).toEqual({
				website: 'errors.partner_website_invalid'
			});
		}
	});
});
