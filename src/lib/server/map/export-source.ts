/**
 * What a map export needs for one request: the document and the entries that
 * pass the filter in the query string, from the SQL projection, read as the
 * person so that RLS decides; refused as the document's other exports are.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { networkAccess, requireUser } from '$lib/server/guards';
import { listPartners } from '$lib/server/networks/partners';
import { openDocument } from '$lib/server/documents/queries';
import { listEntries } from '$lib/server/map/queries';
import { filterFromParams } from '$lib/map/filter';
import type { MapEntry } from '$lib/map/entry';
import type { PartnerNames } from '$lib/map/export';
import { isUuid } from '$lib/uuid';
import { runtime } from '$lib/server/runtime';

export interface MapExportSource {
	title: string;
	entries: MapEntry[];
	partners: PartnerNames;
}

type Event = Pick<RequestEvent<{ id: string; docId: string }>, 'locals' | 'params' | 'url'>;

export async function loadMapExport(event: Event): Promise<MapExportSource> {
	const user = requireUser(event);
	const { id, docId } = event.params;
	if (!isUuid(id)) error(404, 'errors.network_not_found');
	if (!isUuid(docId)) error(404, 'documents.notFound');
	const filter = filterFromParams(event.url.searchParams);
	// An entry added a moment ago is in the file too: the table is otherwise a few seconds behind while people edit.
	// Only a document already open is touched, so asking costs a stranger's request nothing.
	await (await runtime()).collab.project(docId);

	const access = await networkAccess(event, id, user.id);
	if (access.status === 'missing') error(404, 'errors.network_not_found');
	if (access.status === 'forbidden') error(403, 'errors.network_forbidden');
	const found = await event.locals.db(async (tx) => {
		const document = await openDocument(tx, id, docId);
		if (!document || document.kind !== 'territorial_map') return null;
		const entries = await listEntries(tx, id, docId, filter);
		return { title: document.title, entries, partners: await listPartners(tx, id) };
	});
	if (!found) error(404, 'documents.notFound');
	return { title: found.title, entries: found.entries, partners: new Map(found.partners.map((p) => [p.id, p.name])) };
}
