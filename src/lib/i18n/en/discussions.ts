import type { discussions as italian } from '../it/discussions.ts';

export const discussions: Record<keyof typeof italian, string> = {
	'discussions.title': 'Discussions',
};
