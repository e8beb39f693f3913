import type { mapTable as italian } from '../it/mapTable.ts';

export const mapTable: Record<keyof typeof italian, string> = {
};
