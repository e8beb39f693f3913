// What of a commitment the network's tables hold: the rule by which the
// collab server projects a commitment (server/pact/projector.ts), and by
// which a page can tell how many stored commitments the table leaves out.
// A commitment of a partner that is not the network's is not the pact's; a
// need or an entry it names that the network's maps do not hold (removed
// since, or never a need) is left out of it, the rest stays.
import type { Commitment } from './commitment.ts';
import { unknownReferences, type KnownReferences } from './check.ts';

/** The commitment as the table holds it, or null when its partner is not one of the network's. */
export function withKnownReferences(commitment: Commitment, known: KnownReferences): Commitment | null {
	const problems = unknownReferences(commitment, known);
	if (problems.some((problem) => problem.code === 'unknown_partner')) return null;
	if (problems.length === 0) return commitment;
	const unknown = (field: 'needIds' | 'entryIds') =>
		new Set(problems.filter((problem) => problem.field === field).map((problem) => problem.value));
	const [needs, entries] = [unknown('needIds'), unknown('entryIds')];
	return {
		...commitment,
		needIds: commitment.needIds.filter((id) => !needs.has(id)),
		entryIds: commitment.entryIds.filter((id) => !entries.has(id))
	};
}
