// The side panel's words (OpenItem.svelte) for the plan's two kinds of item.
import type { ItemWords } from '../structured/open-item';

const shared = {
	close: 'plan.close',
	unsaved: 'plan.unsaved',
	discard: 'plan.discard',
	keepEditing: 'plan.keepEditing',
	addAgain: 'plan.addAgain',
	save: 'plan.save',
	edit: 'plan.edit',
	removeConfirm: 'plan.removeConfirm'
} as const;

const ofKind = <K extends 'objective' | 'action'>(kind: K) =>
	({
		...shared,
		new: `plan.${kind}.new`,
		notFound: `plan.${kind}.notFound`,
		notFoundHint: `plan.${kind}.notFoundHint`,
		removedWhileEditing: `plan.${kind}.removedWhileEditing`,
		removedByOthers: `plan.${kind}.removedByOthers`,
		addSubmit: `plan.${kind}.addSubmit`,
		added: `plan.${kind}.added`,
		addedAgain: `plan.${kind}.addedAgain`,
		saved: `plan.${kind}.saved`,
		remove: `plan.${kind}.remove`,
		removeWarning: `plan.${kind}.removeWarning`
	}) as const satisfies ItemWords;

export const OBJECTIVE_WORDS: ItemWords = ofKind('objective');
export const ACTION_WORDS: ItemWords = ofKind('action');
