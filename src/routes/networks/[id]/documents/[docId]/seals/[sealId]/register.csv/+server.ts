import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { networkAccess, requireUser } from '$lib/server/guards';
import { isUuid } from '$lib/uuid';
import { loadSeal } from '$lib/server/pact/seals';
import { loadRegister } from '$lib/server/pact/adhesions';
import { registerToCsv } from '$lib/server/pact/register-csv';
import { downloadHeaders } from '$lib/documents/download';
import { translate } from '$lib/i18n/translate';

// A sealed version's adhesion register as a CSV file, read as the person (RLS decides).
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const { id, docId, sealId } = event.params;
	if (!isUuid(id)) error(404, 'errors.network_not_found');
	if (!isUuid(docId) || !isUuid(sealId)) error(404, 'pactSeals.notFound');
	const access = await networkAccess(event, id, user.id);
	if (access.status === 'missing') error(404, 'errors.network_not_found');
	if (access.status === 'forbidden') error(403, 'errors.network_forbidden');
	const found = await event.locals.db(async (tx) => {
		const seal = await loadSeal(tx, id, docId, sealId);
		return seal && { seal, register: await loadRegister(tx, seal.id) };
	});
	if (!found) error(404, 'pactSeals.notFound');
	const { locale } = event.locals;
	const name = `${found.seal.title} – ${translate(locale, 'pactSeals.register')} ${found.seal.number}`;
	return new Response(registerToCsv(locale, found.register), {
		headers: downloadHeaders(name, 'csv', 'text/csv; charset=utf-8')
	});
};
