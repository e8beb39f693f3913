// What a sealed version's downloads (register CSV, PDF, DOCX) need for one
// request: the sealed version and its register, read as the person (RLS
// decides), and the name the file is saved under.
import { error, type RequestEvent } from '@sveltejs/kit';
import { networkAccess, requireUser } from '../guards.ts';
import { isUuid } from '../../uuid.ts';
import { loadSeal } from './seals.ts';
import { loadRegister } from './adhesions.ts';
import { translate } from '../../i18n/translate.ts';

type Event = RequestEvent<{ id: string; docId: string; sealId: string }>;

export async function loadSealedDownload(event: Event) {
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
	return { ...found, locale, name: (what: 'register' | 'version') => `${found.seal.title} – ${translate(locale, `pactSeals.${what}Name`, { number: String(found.seal.number) })}` };
}
