import type { RequestHandler } from './$types';
import { loadSealedDownload } from '$lib/server/pact/sealed-download';
import { sealedPactPdf } from '$lib/pact/export-pdf';
import { downloadHeaders } from '$lib/documents/download';

// A sealed version as the PDF its partners sign: text, commitments, signature page, register, fingerprint on every page.
export const GET: RequestHandler = async (event) => {
	const { seal, register, locale, name } = await loadSealedDownload(event);
	const file = await sealedPactPdf(seal, register, locale);
	return new Response(file as Uint8Array<ArrayBuffer>, { headers: downloadHeaders(name('version'), 'pdf', 'application/pdf') });
};
