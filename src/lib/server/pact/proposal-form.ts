// The form that proposes a commitment, read into a commitment and checked by
// the one check every commitment passes (../../pact/check.ts). Numbers are
// read as Italian and English people type them (1.500, 2.500,50), a text that
// is no number is kept as typed so the check can quote it back, and every
// problem lands beside its field with the values kept.
import { readNumber } from '../../map/numbers.ts';
import { checkCommitment, unknownReferences, type CommitmentProblem, type KnownReferences } from '../../pact/check.ts';
import { COMMITMENT_LIMITS, type Commitment } from '../../pact/commitment.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import type { FieldProblem, ProposalProblems, ProposalValues } from '../../pact/proposal.ts';

const TEXTS = ['id', 'title', 'description', 'system', 'people', 'hours', 'spaces', 'euros', 'equipment', 'from', 'to', 'contact'] as const;

/**
 * The form's values, whatever was sent (posted, or in the address when a search sent it back):
 * a missing field is empty, a repeated text field keeps its first value.
 */
export function proposalValues(form: FormData | URLSearchParams): ProposalValues {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '';
	};
	const list = (name: string) => form.getAll(name).filter((value): value is string => typeof value === 'string');
	const values = Object.fromEntries(TEXTS.map((name) => [name, text(name)])) as Omit<ProposalValues, 'needIds' | 'entryIds'>;
	return { ...values, needIds: list('needIds'), entryIds: list('entryIds') };
}

/** The commitment the values stand for, for `partnerId`, checked; or each field's first problem. */
export function readProposal(
	values: ProposalValues,
	partnerId: string,
	known: KnownReferences
): { commitment: Commitment; problems: null } | { commitment: null; problems: ProposalProblems } {
	const checked = checkCommitment({
		...values,
		partnerId,
		system: values.system || null,
		people: readNumber(values.people, 'integer'),
		hours: readNumber(values.hours, 'integer'),
		// Read as a count: a lone separator before three digits groups thousands (1.000 € is a thousand), any other is decimal (12,5).
		euros: readNumber(values.euros, 'integer')
	});
	const problems = checked.commitment ? unknownReferences(checked.commitment, known) : checked.problems;
	if (checked.commitment && problems.length === 0) return { commitment: checked.commitment, problems: null };
	const byField: ProposalProblems = {};
	for (const problem of problems) byField[problem.field] ??= fieldProblem(problem);
	return { commitment: null, problems: byField };
}

function fieldProblem({ field, code, value }: CommitmentProblem): FieldProblem {
	const max = field in COMMITMENT_LIMITS ? COMMITMENT_LIMITS[field as keyof typeof COMMITMENT_LIMITS] : COMMITMENT_LIMITS.links;
	return {
		key: `pactProposals.problem.${code}` as MessageKey,
		params: { value: value ?? '', max: max.toLocaleString('it-IT') }
	};
}
