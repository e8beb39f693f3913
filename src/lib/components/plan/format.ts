// An action's who, when, indicators and verification as the page's language
// writes them, shared by the plan's views and its panel.
import { formatDate, formatNumber, t } from '$lib/i18n';
import type { Action, Indicator } from '$lib/plan/plan';

/** A partner's name, or that it has left the network. */
export const partnerName = (names: ReadonlyMap<string, string>, partnerId: string): string => names.get(partnerId) ?? t('plan.partnerGone');

/** "Partner A, Partner B": who contributes, the lead aside. */
export const contributorsOf = (action: Action, names: ReadonlyMap<string, string>): string =>
	action.partnerIds
		.filter((partnerId) => partnerId !== action.leadPartnerId)
		.map((partnerId) => partnerName(names, partnerId))
		.join(', ');

/** "dal 1 gennaio 2027 al 30 giugno 2027", or what of it is known. */
export function periodOf({ from, to }: Pick<Action, 'from' | 'to'>): string {
	const parts = [from && t('plan.from', { date: formatDate(from) }), to && t('plan.to', { date: formatDate(to) })].filter(Boolean);
	return parts.length > 0 ? parts.join(' ') : t('plan.noDates');
}

const measure = (value: number | null) => (value === null ? '–' : formatNumber(value));

/** "Persone inserite: da 0 a 12 persone". */
export const indicatorText = (indicator: Indicator): string =>
	t('plan.indicator', { name: indicator.name, baseline: measure(indicator.baseline), target: measure(indicator.target), unit: indicator.unit });

/** "Riunione del tavolo · Comune · il 30 novembre 2026": the verification, what of it is known. */
export const verificationOf = (action: Action): string =>
	[action.verificationHow, action.verificationBy, action.verificationOn && t('plan.verificationOn', { date: formatDate(action.verificationOn) })]
		.filter(Boolean)
		.join(' · ');

/** The action's own page, with its progress and verifications. */
export const actionPageOf = (networkId: string, documentId: string, actionId: string): string =>
	`/networks/${networkId}/documents/${documentId}/plan/actions/${actionId}`;
