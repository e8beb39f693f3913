import type { synergies as italian } from '../it/synergies.ts';

export const synergies: Record<keyof typeof italian, string> = {
};
