import type { PageServerLoad } from './$types';
import { loadExportSource } from '$lib/documents/source.server';
import { toHtml } from '$lib/documents/html';
import { groupBySystem } from '$lib/partner-systems';

// The HTML is built here, on the server, so the browser never loads the exporters.
export const load = (async (event) => {
	const source = await loadExportSource(event);
	return {
		cover: {
			id: source.document.id,
			title: source.document.title,
			kind: source.document.kind,
			status: source.document.status,
			networkName: source.network.name,
			territory: source.network.territory,
			systems: groupBySystem(source.partners).filter((group) => group.partners.length > 0),
			versionLabel: source.versionLabel
		},
		html: toHtml(source.json)
	};
}) satisfies PageServerLoad;
