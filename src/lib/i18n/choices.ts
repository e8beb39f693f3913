import { PARTNER_KINDS, PHASES, ROLES, SYSTEMS } from '$lib/domain';
import { t, LOCALES, LOCALE_NAMES, type MessageKey } from './index.ts';

// Translated option lists for selects; functions so they follow the page's language.
const options = (values: readonly string[], prefix: string) => () =>
	values.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }));

export const phaseOptions = options(PHASES, 'phase');
export const kindOptions = options(PARTNER_KINDS, 'kind');
export const systemOptions = options(SYSTEMS, 'system');
export const roleOptions = options(ROLES, 'role');
export const localeOptions = LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] }));
