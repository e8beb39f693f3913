// The views of a pact's commitments, chosen by ?view= (by partner unless said).
export const COMMITMENT_VIEWS = ['partner', 'system', 'table', 'gaps'] as const;
export type CommitmentView = (typeof COMMITMENT_VIEWS)[number];

export function commitmentViewOf(params: URLSearchParams): CommitmentView {
	const view = params.get('view');
	return COMMITMENT_VIEWS.includes(view as CommitmentView) ? (view as CommitmentView) : 'partner';
}
