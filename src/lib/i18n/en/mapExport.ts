import type { mapExport as italian } from '../it/mapExport.ts';

export const mapExport: Record<keyof typeof italian, string> = {
};
