// A co-design document's plan as two structured parts of the document (its
// objectives, its actions): the shared machinery (../structured) with each
// one's fields and check.
import type { StructuredKind } from '../structured/kind.ts';
import { ACTION_FIELDS, OBJECTIVE_FIELDS, type Action, type Objective } from './plan.ts';
import { checkAction, checkObjective } from './check.ts';

const byTitle = (a: { title: string; id: string }, b: { title: string; id: string }) => a.title.localeCompare(b.title, 'it') || a.id.localeCompare(b.id);

export const PLAN_OBJECTIVES: StructuredKind<Objective> = {
	key: 'planObjectives',
	fields: OBJECTIVE_FIELDS,
	check: (raw) => checkObjective(raw).item,
	// General objectives first, then by title: each view nests the specific ones under theirs.
	compare: (a, b) => Number(a.level === 'specific') - Number(b.level === 'specific') || byTitle(a, b)
};

export const PLAN_ACTIONS: StructuredKind<Action> = {
	key: 'planActions',
	fields: ACTION_FIELDS,
	check: (raw) => checkAction(raw).item,
	// By when they start (open starts last), then by title: the order of the matrix and the timeline.
	compare: (a, b) => (a.from ?? '9999').localeCompare(b.from ?? '9999') || byTitle(a, b)
};
