import type { files as italian } from '../it/files.ts';

export const files: Record<keyof typeof italian, string> = {
};
