// Real demo values for the route parameters, so that each swept route
// reaches its code with everything valid but the one hostile value. A route
// whose parameter is not here fails the sweep's coverage test, which names
// the parameter: that is how a new route gets swept.
import { DEMO, type Fixtures } from './database.ts';
import { segments } from './discovery.ts';

/** The routes under a document's `/plan`, each taking the co-design document, which holds the demo plan. */
const PLAN_ROUTES = ['', '/monitoring', '/import', '/actions/[actionId]', '/export.csv', '/export.xlsx', '/report.pdf', '/report.docx'];

export interface ParamValues {
	/** By parameter name: `[docId]` anywhere is the map document. */
	byName: Record<string, string>;
	/** For a route where a name means something else than everywhere else, keyed by route id. */
	byRoute: Record<string, Record<string, string>>;
}

export function paramValues(fixtures: Fixtures): ParamValues {
	return {
		byName: {
			id: DEMO.network,
			docId: DEMO.mapDocument,
			threadId: DEMO.thread,
			partnerId: DEMO.partner,
			fileId: fixtures.file,
			versionId: fixtures.documentVersion,
			token: fixtures.invitationToken,
			sealId: fixtures.seal,
			// Demo action 4 of the co-design plan: it has progress, a verification and a revised action.
			actionId: 'ea000000-0000-4000-8000-000000000004'
		},
		byRoute: {
			'/notifications/[id]': { id: fixtures.viewerNotification },
			// A plan's pages are the co-design document's.
			...Object.fromEntries(PLAN_ROUTES.map((tail) => [`/networks/[id]/documents/[docId]/plan${tail}`, { docId: DEMO.coDesignDocument }])),
			// A sealed version is the pact's.
			...Object.fromEntries(
				['', '/register.csv', '/export.pdf', '/export.docx'].map((tail) => [
					`/networks/[id]/documents/[docId]/seals/[sealId]${tail}`,
					{ docId: DEMO.pactDocument }
				])
			)
		}
	};
}

export type Filled = { path: string; params: string[] } | { missing: string[] };

/**
 * The route's path with its parameters filled, each encoded; `override`
 * puts other (hostile, already encoded) text in one of them.
 */
export function fillRoute(routeId: string, values: ParamValues, override?: { name: string; encoded: string }): Filled {
	const own = values.byRoute[routeId] ?? {};
	const parts: string[] = [];
	const params: string[] = [];
	const missing: string[] = [];
	for (const segment of segments(routeId)) {
		if (segment.kind === 'static') {
			parts.push(segment.text);
			continue;
		}
		params.push(segment.name);
		const value = own[segment.name] ?? values.byName[segment.name];
		if (override?.name === segment.name) parts.push(override.encoded);
		else if (value !== undefined) parts.push(value.split('/').map(encodeURIComponent).join('/'));
		else if (!segment.optional) missing.push(segment.name);
	}
	return missing.length > 0 ? { missing } : { path: '/' + parts.join('/'), params };
}

/**
 * The pages to read forms from: every page route, and again with other demo
 * rows where those show forms the sweep's own do not (a thread that is not
 * pinned shows "pin", a closed one "reopen"; the pact has comments to reply
 * to; the map shows an entry's comment form once the entry is open).
 */
export function pagesForForms(routeIds: string[], values: ParamValues, fixtures: Fixtures): string[] {
	const otherRows: Record<string, string[]> = {
		threadId: ['de000000-0000-4000-8000-000000000202', 'de000000-0000-4000-8000-000000000203'],
		docId: ['dd000000-0000-4000-8000-000000000001']
	};
	const queries: Record<string, string[]> = {
		'/networks/[id]/documents/[docId]/entries': [`?entry=${fixtures.entry}`]
	};
	const pages = new Set<string>();
	for (const routeId of routeIds) {
		const filled = fillRoute(routeId, values);
		if ('missing' in filled) continue;
		pages.add(filled.path);
		for (const query of queries[routeId] ?? []) pages.add(filled.path + query);
		for (const name of filled.params) {
			for (const row of otherRows[name] ?? []) {
				const other = fillRoute(routeId, values, { name, encoded: row });
				if ('path' in other) pages.add(other.path);
			}
		}
	}
	return [...pages];
}
