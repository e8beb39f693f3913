// What a document's exports write, read from its stored Yjs state in one
// decoding: the text and, for a map, a pact or a co-design plan, its structured
// part, which follows the text as tables (entries-table.ts, commitments-table.ts,
// plan-table.ts).
// Pure, so that source.server.ts only has to fetch what it names.
import type { Partner } from '../domain.ts';
import type { Locale } from '../i18n/translate.ts';
import type { MapEntry } from '../map/entry.ts';
import { readEntries } from '../map/entries-doc.ts';
import type { Commitment } from '../pact/commitment.ts';
import { COMMITMENTS } from '../pact/commitments-doc.ts';
import { readItems } from '../structured/items-doc.ts';
import { docToJson, readState } from './content.ts';
import type { DocumentKind } from './kinds.ts';
import type { DocNode } from './json.ts';
import { withEntries } from './entries-table.ts';
import { referencedEntries, withCommitments } from './commitments-table.ts';
import type { Action, Objective } from '../plan/plan.ts';
import { PLAN_ACTIONS, PLAN_OBJECTIVES } from '../plan/plan-doc.ts';
import { withPlan } from './plan-table.ts';

export interface ExportParts {
	json: DocNode;
	entries: MapEntry[];
	commitments: Commitment[];
	/** A co-design document's plan, in the plan's order. */
	objectives: Objective[];
	actions: Action[];
	/** The map entries the commitments name, whose names the caller looks up as the person may see them. */
	entryIds: string[];
}

export function readExportParts(state: Uint8Array, kind: DocumentKind): ExportParts {
	return readState(state, (ydoc) => {
		const commitments = kind === 'community_pact' ? readItems(ydoc, COMMITMENTS).items : [];
		const plan = kind === 'co_design';
		return {
			json: docToJson(ydoc),
			entries: kind === 'territorial_map' ? readEntries(ydoc).entries : [],
			commitments,
			objectives: plan ? readItems(ydoc, PLAN_OBJECTIVES).items : [],
			actions: plan ? readItems(ydoc, PLAN_ACTIONS).items : [],
			entryIds: referencedEntries(commitments)
		};
	});
}

/** The text followed by the structured part's table, in the reader's language. */
export function exportJson(parts: ExportParts, partners: Partner[], entryNames: ReadonlyMap<string, string>, locale: Locale): DocNode {
	const withTables = withCommitments(withEntries(parts.json, parts.entries, partners, locale), parts.commitments, partners, entryNames, locale);
	return withPlan(withTables, parts.objectives, parts.actions, new Map(partners.map((partner) => [partner.id, partner.name])), locale);
}
