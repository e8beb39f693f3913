// A pact's summary as last projected into SQL, read as the person: the
// card on the pact's text page that leads to its commitments.
import type { Queryable } from '../db/types.ts';
import { listPartners } from '../networks/partners.ts';
import { gaps, knownReferences, summarise, type PactSummary } from '../../pact/summary.ts';
import { listCommitments } from './queries.ts';
import { listMapChoices } from './map-choices.ts';

export async function readPactSummary(
	tx: Queryable,
	networkId: string,
	documentId: string
): Promise<{ summary: PactSummary; gaps: number }> {
	const partners = await listPartners(tx, networkId);
	const choices = await listMapChoices(tx, networkId);
	const commitments = await listCommitments(tx, documentId);
	const known = knownReferences(
		partners.map((partner) => partner.id),
		choices
	);
	return { summary: summarise(commitments, known), gaps: gaps(commitments, choices, known).length };
}
