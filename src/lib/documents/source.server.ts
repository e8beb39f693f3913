/**
 * What the exports and the print view need for one request: the network, the
 * document, its partners and the text of the current document or of one
 * saved version (`?version=<id>`), all read as the person, so RLS decides.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import type { Partner } from '$lib/domain';
import type { Locale } from '$lib/i18n/translate';
import { networkAccess, requireUser } from '$lib/server/guards';
import type { Network } from '$lib/server/networks/networks';
import { listPartners } from '$lib/server/networks/partners';
import { openDocument, readVersion, type DocumentDetail, type Version } from '$lib/server/documents/queries';
import { isUuid } from '$lib/uuid';
import { runtime } from '$lib/server/runtime';
import { versionLabel } from './labels.ts';
import type { DocNode } from './json.ts';
import { exportJson, readExportParts } from './export-content.ts';
import { entryNames } from '$lib/server/map/queries';

export interface ExportSource {
	network: Network;
	document: DocumentDetail;
	partners: Partner[];
	/** The saved version exported, or null for the live document. */
	version: Version | null;
	/** Says which text this is, in the person's language: a version's name, or "current version" and the time. */
	versionLabel: string;
	exportedAt: Date;
	locale: Locale;
	json: DocNode;
}

type Event = Pick<RequestEvent<{ id: string; docId: string }>, 'locals' | 'params' | 'url'>;

export async function loadExportSource(event: Event): Promise<ExportSource> {
	const user = requireUser(event);
	const { id, docId } = event.params;
	const versionId = event.url.searchParams.get('version');
	if (!isUuid(id)) error(404, 'errors.network_not_found');
	if (!isUuid(docId)) error(404, 'documents.notFound');
	if (versionId !== null && !isUuid(versionId)) error(404, 'versions.notFound');

	const access = await networkAccess(event, id, user.id);
	if (access.status === 'missing') error(404, 'errors.network_not_found');
	if (access.status === 'forbidden') error(403, 'errors.network_forbidden');
	const found = await event.locals.db(async (tx) => {
		const document = await openDocument(tx, id, docId);
		if (!document) return null;
		const version = versionId ? await readVersion(tx, docId, versionId) : null;
		return { document, version, partners: await listPartners(tx, id) };
	});
	if (!found) error(404, 'documents.notFound');
	if (versionId && !found.version) error(404, 'versions.notFound');

	// The live text comes from the collab server, outside the transaction
	// above: it reads with its own connection (PGlite has only one), and the
	// person's right to see the document has just been established by RLS.
	const state = found.version?.state ?? (await (await runtime()).collab.encodeState(docId));
	const exportedAt = new Date();
	const locale = event.locals.locale;
	const parts = readExportParts(state, found.document.kind);
	// The maps' entries a pact's commitments answer or bring are named as the person may see them.
	const names = parts.entryIds.length ? await event.locals.db((tx) => entryNames(tx, id, parts.entryIds)) : new Map<string, string>();
	const json = exportJson(parts, found.partners, names, locale);
	return {
		network: access.network,
		document: found.document,
		partners: found.partners,
		version: found.version,
		versionLabel: versionLabel(locale, found.version, exportedAt),
		exportedAt,
		locale,
		json
	};
}
