import type { RequestHandler } from './$types';
import { loadExportSource } from '$lib/documents/source.server';
import { toDocx } from '$lib/documents/docx';
import { imageFileIds } from '$lib/documents/images';
import { downloadHeaders } from '$lib/documents/download';
import { docxImages } from '$lib/server/documents/images';
import { runtime } from '$lib/server/runtime';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// The document (or ?version=<id>) as a Word file with a cover page. Its
// images are embedded as the person may see them: asked of the database
// as them, read from the store only when it agrees.
export const GET: RequestHandler = async (event) => {
	const source = await loadExportSource(event);
	const images = await docxImages(event.locals.db, (await runtime()).fileStore, imageFileIds(source.json));
	const file = await toDocx(source.json, {
		title: source.document.title,
		networkName: source.network.name,
		partners: source.partners.map((partner) => partner.name),
		versionLabel: source.versionLabel,
		exportedAt: source.exportedAt,
		locale: source.locale,
		images
	});
	return new Response(file, { headers: downloadHeaders(source.document.title, 'docx', DOCX) });
};
