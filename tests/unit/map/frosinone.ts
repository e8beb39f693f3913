// Partners and entries as a job-placement network around Frosinone writes
// them, so the table and network tests read like the map people make.
import { blankEntry, type MapEntry } from '../../../src/lib/map/entry.ts';
import type { Partner } from '../../../src/lib/domain.ts';

const partner = (n: number, name: string, kind: Partner['kind'], system: Partner['system']): Partner => ({
	id: `de000000-0000-4000-8000-000000000${100 + n}`,
	name,
	kind,
	system,
	description: ''
});

export const PARTNERS = {
	dsm: partner(1, 'ASL Frosinone – Dipartimento di Salute Mentale', 'health_service', 'health'),
	serd: partner(2, 'SerD Frosinone', 'health_service', 'health'),
	comune: partner(3, 'Comune di Frosinone – Servizi sociali', 'local_authority', 'social'),
	arcobaleno: partner(4, 'Cooperativa sociale Arcobaleno', 'social_coop_a', 'social'),
	futuroLavoro: partner(6, 'Ente di formazione Futuro Lavoro', 'training_body', 'training'),
	cpi: partner(8, "Centro per l'impiego di Frosinone", 'job_centre', 'employment'),
	ilPonte: partner(9, 'Cooperativa sociale Il Ponte', 'social_coop_b', 'employment')
} as const;

export const partnerList: Partner[] = Object.values(PARTNERS);

let made = 0;
/** An entry with a predictable id (so ties are easy to reason about) and the given fields. */
export function entry(fields: Partial<MapEntry> & Pick<MapEntry, 'name'>): MapEntry {
	made++;
	return blankEntry(`e0000000-0000-4000-8000-${String(made).padStart(12, '0')}`, fields);
}
