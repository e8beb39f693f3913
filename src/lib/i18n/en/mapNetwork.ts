import type { mapNetwork as italian } from '../it/mapNetwork.ts';

export const mapNetwork: Record<keyof typeof italian, string> = {
};
