import type { mapComments as italian } from '../it/mapComments.ts';

export const mapComments: Record<keyof typeof italian, string> = {
	'mapComments.title': 'Comments on this entry',
	'mapComments.badgeLabel': 'Comments:',
	'mapComments.badgeOpen': '{open} open',
	'mapComments.bodyLabel': 'Your comment on “{name}”',
	'mapComments.none': 'No comments on this entry yet.',
	'mapComments.entryMissing':
		'The comment could not be linked to the entry: open it again from the map and retry. What you wrote is still here.',
	'mapComments.removedTitle': 'Comments on removed entries',
	'mapComments.removedIntro': 'These entries were taken off the map: their comments can still be read.',
	'mapComments.removedEntry': 'Removed entry: “{name}”'
};
