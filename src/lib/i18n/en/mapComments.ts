import type { mapComments as italian } from '../it/mapComments.ts';

export const mapComments: Record<keyof typeof italian, string> = {
	'mapComments.title': 'Comments on this entry',
	'mapComments.countShort': 'Comments: {total}, open: {open}',
	'mapComments.bodyLabel': 'Your comment on “{name}”',
	'mapComments.commenterNote': 'You can comment on this entry and reply to comments, but not change it.',
	'mapComments.none': 'No comments on this entry yet.',
	'mapComments.entryMissing':
		'The comment could not be linked to the entry: open it again from the map and retry. What you wrote is still here.',
	'mapComments.removedTitle': 'Comments on removed entries',
	'mapComments.removedIntro': 'These entries were taken off the map: their comments can still be read.',
	'mapComments.removedEntry': 'Removed entry: “{name}”'
};
