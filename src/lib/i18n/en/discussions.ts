import type { discussions as italian } from '../it/discussions.ts';

export const discussions: Record<keyof typeof italian, string> = {
	'discussions.title': 'Discussions',

	'discussions.markdownHint': 'You can use **bold**, *italics*, lists with “- ” and links [text](https://…). Type @ to mention someone.',
	'discussions.count': '{count} of {max} characters',
	'discussions.countNear': '{left} characters left.',
	'discussions.countOver': '{over} characters over the limit of {max}: please shorten the text.',
	'discussions.mentionList': 'People to mention',
	'discussions.mentionOne': '1 person found: press Enter to mention them.',
	'discussions.mentionMany': '{count} people found: choose with the up and down arrows, then press Enter.',
};
