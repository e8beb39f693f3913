// What the synergy ranking and the network view both ask of entries: which
// of them answer a need, and which target groups two of them share. Target
// groups are bits of one number, so "shares a group" is one AND per pair.
import { TARGET_GROUPS, type Category, type TargetGroup } from './entry.ts';

/** The categories that can answer a need. A meeting place is where people meet, not an answer. */
const ANSWER_CATEGORIES: readonly Category[] = ['service', 'resource', 'opportunity'];
export const isAnswer = (category: Category): boolean => ANSWER_CATEGORIES.includes(category);

const BIT = new Map<TargetGroup, number>(TARGET_GROUPS.map((group, index) => [group, 1 << index]));

/** Target groups as a bit mask. */
export const maskOf = (targets: readonly TargetGroup[]): number => targets.reduce((mask, group) => mask | (BIT.get(group) ?? 0), 0);

/** The target groups of a bit mask, in TARGET_GROUPS' order. */
export const groupsOf = (mask: number): TargetGroup[] => TARGET_GROUPS.filter((group) => mask & BIT.get(group)!);
