import type { RequestHandler } from './$types';
import { loadSealedDownload } from '$lib/server/pact/sealed-download';
import { registerCsv } from '$lib/pact/register-csv';
import { downloadHeaders } from '$lib/documents/download';

// A sealed version's adhesion register as a CSV file.
export const GET: RequestHandler = async (event) => {
	const { seal, register, locale, name } = await loadSealedDownload(event);
	return new Response(registerCsv(seal, register, locale), { headers: downloadHeaders(name('register'), 'csv', 'text/csv; charset=utf-8') });
};
