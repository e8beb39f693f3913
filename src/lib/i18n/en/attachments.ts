import type { attachments as italian } from '../it/attachments.ts';

export const attachments: Record<keyof typeof italian, string> = {
};
