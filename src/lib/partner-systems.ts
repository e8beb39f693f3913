import { SYSTEMS, type NetworkSystem, type Partner } from './domain.ts';

/**
 * Partners grouped by the four systems, every system present even when
 * empty; a partner of several systems (a type-B cooperative, social and
 * employment) is in each of their groups.
 */
export function groupBySystem<P extends Pick<Partner, 'systems'>>(partners: readonly P[]): { system: NetworkSystem; partners: P[] }[] {
	return SYSTEMS.map((system) => ({ system, partners: partners.filter((p) => p.systems.includes(system)) }));
}
