// Italian messages of activity: the keys the English file must match.
export const activity = {
	'activity.title': 'Attività',
} as const;
