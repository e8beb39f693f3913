// The fields of each form action and a valid value for each, so that a
// request with one hostile field and the rest valid gets as far as the
// code goes when nothing else is wrong. Zod's object schemas ignore fields
// they do not know, so sending one too many is harmless.
import * as Y from 'yjs';
import { DEMO, type Fixtures } from './database.ts';
import { mergeFields, type FormField, type RenderedForm } from './forms.ts';

/** A valid value, given the request's marker (typed text carries it). */
export type Base = (marker: string) => string;

export interface ActionField extends FormField {
	base: Base;
}

// Forms that only scripts build (a comment on words selected in the
// editor, on an entry picked on the map): no page renders them, so their
// fields are named here.
const SCRIPTED_FORMS: Record<string, string[]> = {
	'/networks/[id]/documents/[docId] comment': ['intent', 'anchorFrom', 'anchorTo', 'quote', 'body', 'attachment'],
	'/networks/[id]/documents/[docId]/entries comment': ['entryId', 'entryName', 'body', 'attachment'],
	'/networks/[id]/documents/[docId]/entries reply': ['commentId', 'body', 'attachment'],
	'/networks/[id]/documents/[docId]/entries resolve': ['commentId', 'resolved']
};

// Kept over what a page renders: the members page lists the facilitator
// first, and the viewer must not remove anyone the sweep still needs.
const PINNED = new Set(['userId']);

// A Yjs relative position, as the editor anchors a comment.
const ANCHOR = Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(new Y.Doc().getXmlFragment('sweep'), 0))).toString(
	'base64'
);

/** Valid values for fields a page does not render, and for typed ones. */
export function baseValues(fixtures: Fixtures): Record<string, Base> {
	const fixed = (value: string) => () => value;
	return {
		email: (m) => `sweep.${m}@example.test`,
		password: (m) => `Sweep-${m}-passphrase`,
		displayName: (m) => `Sweep ${m}`,
		organisation: (m) => `Ente ${m}`,
		name: (m) => `Sweep ${m}`,
		territory: (m) => `Territorio ${m}`,
		description: (m) => `Descrizione ${m}`,
		title: (m) => `Sweep ${m}`,
		body: (m) => `Testo ${m}`,
		quote: (m) => `Citazione ${m}`,
		entryName: (m) => `Voce ${m}`,
		documentTitle: fixed(''),
		locale: fixed('it'),
		role: fixed('viewer'),
		phase: fixed('launch'),
		system: fixed('social'),
		kind: fixed('community_pact'),
		status: fixed('draft'),
		userId: fixed(DEMO.editor.id),
		partnerId: fixed(''),
		id: fixed(fixtures.file),
		commentId: fixed(DEMO.comment),
		resolved: fixed('true'),
		anchorFrom: fixed(ANCHOR),
		anchorTo: fixed(ANCHOR),
		entryId: fixed(fixtures.entry),
		version: fixed(fixtures.fileVersion),
		folder: fixed(''),
		parent: fixed(''),
		document: fixed(''),
		documentChoice: fixed(''),
		attachment: fixed(fixtures.file),
		redirectTo: fixed('/'),
		intent: fixed('comment')
	};
}

/**
 * Each field with its valid value: what the page chose for it (a real id,
 * an option), else the sweep's own; typed text always the sweep's, which
 * carries the marker.
 */
export function withBase(fields: FormField[], bases: Record<string, Base>): ActionField[] {
	return fields
		.filter((field) => field.kind !== 'file')
		.map((field) => {
			const own = bases[field.name];
			const chosen = field.kind === 'chosen' && !(PINNED.has(field.name) && own);
			return { ...field, base: chosen ? () => field.value : (own ?? ((m) => `Sweep ${m}`)) };
		});
}

const typed = (name: string): FormField => ({ name, kind: 'typed', value: '' });

/**
 * The fields of the action `key` (`<route id> <action>`): those of the
 * rendered forms that post to it, else those SCRIPTED_FORMS names, else
 * every field the sweep knows (`guessed`).
 */
export function actionFields(key: string, posting: RenderedForm[], bases: Record<string, Base>): { fields: ActionField[]; guessed: boolean } {
	if (posting.length > 0) return { fields: withBase(mergeFields(posting), bases), guessed: false };
	const scripted = SCRIPTED_FORMS[key];
	return { fields: withBase((scripted ?? Object.keys(bases)).map(typed), bases), guessed: !scripted };
}

/** For an endpoint that takes a body: whatever it reads, so every field the sweep knows. */
export const everyField = (bases: Record<string, Base>) => withBase(Object.keys(bases).map(typed), bases);
