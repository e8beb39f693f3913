// Amounts and periods of a commitment as the page's language writes them.
import { page } from '$app/state';
import { formatDate, formatNumber, t } from '$lib/i18n';
import { intlLocale } from '$lib/dates';
import { isLocale, DEFAULT_LOCALE } from '$lib/i18n/translate';
import type { Commitment } from '$lib/pact/commitment';

/** "120.000,50 €" in Italian, "€120,000.50" in English; whole euros without cents. */
export function formatEuros(value: number): string {
	const locale = isLocale(page.data?.locale) ? page.data.locale : DEFAULT_LOCALE;
	return new Intl.NumberFormat(intlLocale(locale), {
		style: 'currency',
		currency: 'EUR',
		minimumFractionDigits: Number.isInteger(value) ? 0 : 2,
		maximumFractionDigits: 2
	}).format(value);
}

/** "dal 1 gennaio 2027 al 31 dicembre 2027", or what of it is known. */
export function formatPeriod({ from, to }: Pick<Commitment, 'from' | 'to'>): string {
	if (from && to) return t('pact.period.both', { from: formatDate(from), to: formatDate(to) });
	if (from) return t('pact.period.from', { from: formatDate(from) });
	if (to) return t('pact.period.to', { to: formatDate(to) });
	return t('pact.period.none');
}

/** "3 persone · 400 ore · 5.000 €": the resources a commitment counts, empty when none. */
export function formatResources(commitment: Pick<Commitment, 'people' | 'hours' | 'euros'>): string {
	return [
		commitment.people !== null && t('pact.amount.people', { count: formatNumber(commitment.people) }),
		commitment.hours !== null && t('pact.amount.hours', { count: formatNumber(commitment.hours) }),
		commitment.euros !== null && formatEuros(commitment.euros)
	]
		.filter(Boolean)
		.join(' · ');
}
