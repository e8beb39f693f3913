import type { activity as italian } from '../it/activity.ts';

export const activity: Record<keyof typeof italian, string> = {
	'activity.title': 'Activity',
};
