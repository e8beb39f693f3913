// The canonical export of a community pact's state, and its fingerprint: what
// a sealed version is and what every export of it prints. The same content
// must give the same bytes whoever wrote it and in whatever order (Yjs keeps
// the history, not only the content), and any change a reader could see —
// a character of the text, a field of a commitment, a partner's name — must
// give others. So the text is taken as Markdown from the editor's JSON, and
// the well-formed commitments as JSON whose keys are sorted, in the kind's
// order, each naming its partner in words.
import { createHash } from 'node:crypto';
import type * as Y from 'yjs';
import { docToJson } from '../documents/content.ts';
import { toMarkdown } from '../documents/markdown.ts';
import { readItems } from '../structured/items-doc.ts';
import { COMMITMENTS } from './commitments-doc.ts';

/** What a pact's canonical export says besides its Yjs state. */
export interface PactContext {
	network: { id: string; name: string };
	documentId: string;
	title: string;
	/** The network's partners' names by id: a commitment of a partner not among them names none. */
	partnerNames: ReadonlyMap<string, string>;
}

/** The export the fingerprint is taken of: one line of JSON, keys sorted at every depth. */
export interface CanonicalPact {
	text: string;
	fingerprint: string;
}

/** JSON with every object's keys in code-point order, so equal values give equal strings. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, item]) => item !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

/** SHA-256 of the text's UTF-8 bytes, as 64 lower-case hex digits. */
export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The canonical export of the pact `ydoc` holds, and its fingerprint. */
export function canonicalPact(ydoc: Y.Doc, context: PactContext): CanonicalPact {
	const commitments = readItems(ydoc, COMMITMENTS).items.map((commitment) => ({
		...commitment,
		partnerName: context.partnerNames.get(commitment.partnerId) ?? '',
		// The links are sets: the order they were picked in says nothing.
		needIds: [...commitment.needIds].sort(),
		entryIds: [...commitment.entryIds].sort()
	}));
	const text = canonicalJson({
		format: 'trama-pact/1',
		network: context.network,
		document: { id: context.documentId, title: context.title },
		text: toMarkdown(docToJson(ydoc)),
		commitments
	});
	return { text, fingerprint: sha256Hex(text) };
}
