import type { mapImport as italian } from '../it/mapImport.ts';

export const mapImport: Record<keyof typeof italian, string> = {
};
