import type { comments as italian } from '../it/comments.ts';

export const comments: Record<keyof typeof italian, string> = {
};
