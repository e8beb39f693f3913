import type { notifications as italian } from '../it/notifications.ts';

export const notifications: Record<keyof typeof italian, string> = {
};
