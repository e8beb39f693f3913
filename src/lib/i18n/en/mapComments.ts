import type { mapComments as italian } from '../it/mapComments.ts';

export const mapComments: Record<keyof typeof italian, string> = {
};
