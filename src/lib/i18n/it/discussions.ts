// Italian messages of discussions: the keys the English file must match.
export const discussions = {
	'discussions.title': 'Discussioni',
} as const;
