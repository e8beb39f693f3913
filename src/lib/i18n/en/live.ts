import type { live as italian } from '../it/live.ts';

export const live: Record<keyof typeof italian, string> = {
};
