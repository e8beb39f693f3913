import type { RequestHandler } from './$types';
import { loadSealedDownload } from '$lib/server/pact/sealed-download';
import { sealedPactDocx } from '$lib/pact/export-docx';
import { downloadHeaders } from '$lib/documents/download';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// A sealed version as a Word file: the same contents as its PDF.
export const GET: RequestHandler = async (event) => {
	const { seal, register, locale, name } = await loadSealedDownload(event);
	const file = await sealedPactDocx(seal, register, locale);
	return new Response(file as Uint8Array<ArrayBuffer>, { headers: downloadHeaders(name('version'), 'docx', DOCX) });
};
