import type { RequestHandler } from './$types';
import { loadExportSource } from '$lib/documents/source.server';
import { toDocx } from '$lib/documents/docx';
import { downloadHeaders } from '$lib/documents/download';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// The document (or ?version=<id>) as a Word file with a cover page.
export const GET: RequestHandler = async (event) => {
	const source = await loadExportSource(event);
	const file = await toDocx(source.json, {
		title: source.document.title,
		networkName: source.network.name,
		partners: source.partners.map((partner) => partner.name),
		versionLabel: source.versionLabel,
		exportedAt: source.exportedAt,
		locale: source.locale
	});
	return new Response(file, { headers: downloadHeaders(source.document.title, 'docx', DOCX) });
};
