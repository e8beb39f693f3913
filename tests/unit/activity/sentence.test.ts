import { describe, expect, it } from 'vitest';
import { ACTIVITY_ACTIONS } from '../../../src/lib/activity/actions.ts';
import {
	activityDetails,
	activityLabel,
	activitySentence,
	activityText,
	quoteOf
} from '../../../src/lib/activity/sentence.ts';
import { LOCALES } from '../../../src/lib/i18n/translate.ts';
import { entryFor } from './factories.ts';

// Actions whose sentence names only the person they are about, not who did it.
const ABOUT_SUBJECT_ONLY = new Set(['member_joined', 'member_left']);

describe('activity sentences', () => {
	for (const locale of LOCALES) {
		for (const action of ACTIVITY_ACTIONS) {
			it(`says in ${locale} who did ${action} to what, with every placeholder filled`, () => {
				const entry = entryFor(action);
				const text = activityText(locale, entry);
				expect(text).not.toMatch(/[{}]/);
				expect(text).toContain(entry.subjectTitle);
				if (!ABOUT_SUBJECT_ONLY.has(action)) expect(text).toContain('Marco Ferri');
				expect(activityLabel(locale, action)).not.toMatch(/^activity\.|[{}]/);
			});
		}
	}

	it('reads like Italian, with roles, statuses and kinds in words', () => {
		expect(activityText('it', entryFor('document_edited'))).toBe('Marco Ferri ha modificato «Mappatura dei servizi»');
		expect(activityText('it', entryFor('comment_added', { actorName: 'Anna Colombo' }))).toBe(
			'Anna Colombo ha commentato «Mappatura dei servizi»'
		);
		expect(activityText('it', entryFor('member_role_changed'))).toBe(
			'Marco Ferri ha cambiato il ruolo di Anna Colombo da redattore a commentatore'
		);
		expect(activityText('it', entryFor('member_joined'))).toBe('Anna Colombo fa ora parte della rete come commentatore');
		expect(activityText('it', entryFor('document_status_changed'))).toBe(
			'Marco Ferri ha cambiato lo stato di «Mappatura dei servizi» da bozza a in revisione'
		);
		expect(
			activityText('it', entryFor('document_status_changed', { details: { from: 'approved', to: 'draft', reason: 'Manca la ASL' } }))
		).toBe('Marco Ferri ha riaperto «Mappatura dei servizi» (da approvato a bozza) perché: Manca la ASL');
		expect(activityText('it', entryFor('document_created'))).toBe(
			'Marco Ferri ha creato «Mappatura dei servizi» (Mappatura del territorio)'
		);
		expect(activityText('it', entryFor('document_renamed', { subjectTitle: 'Mappatura dei servizi' }))).toBe(
			'Marco Ferri ha rinominato «Bozza di mappatura» in «Mappatura dei servizi»'
		);
	});

	it('says who answered whose request for which role', () => {
		expect(activityText('it', entryFor('access_granted'))).toBe('Marco Ferri ha accolto la richiesta di Anna Colombo del ruolo di redattore');
		expect(activityText('en', entryFor('access_declined'))).toBe('Marco Ferri declined Anna Colombo’s request for the facilitator role');
		expect(activityDetails('it', entryFor('access_granted'))).toBe('ruolo: redattore');
	});

	it('reads like English', () => {
		expect(activityText('en', entryFor('document_edited'))).toBe('Marco Ferri edited “Mappatura dei servizi”');
		expect(activityText('en', entryFor('member_role_changed'))).toBe(
			'Marco Ferri changed the role of Anna Colombo from editor to commenter'
		);
		expect(activityText('en', entryFor('document_version_saved'))).toBe(
			'Marco Ferri saved the version “Bozza per il Comune” of “Mappatura dei servizi”'
		);
	});

	it('tells what happened to a file and a folder, with versions and folders in words', () => {
		expect(activityText('it', entryFor('file_uploaded'))).toBe('Marco Ferri ha caricato il file «Avviso pubblico.pdf»');
		expect(activityText('it', entryFor('file_version_uploaded'))).toBe(
			'Marco Ferri ha caricato la versione 2 di «Avviso pubblico.pdf»'
		);
		expect(activityText('it', entryFor('file_version_restored'))).toBe(
			'Marco Ferri ha ripristinato la versione 1 di «Avviso pubblico.pdf»'
		);
		expect(activityText('it', entryFor('file_renamed'))).toBe(
			'Marco Ferri ha rinominato il file «Avviso bozza.pdf» in «Avviso pubblico.pdf»'
		);
		expect(activityText('it', entryFor('file_moved'))).toBe(
			'Marco Ferri ha spostato il file «Avviso pubblico.pdf» dalla cartella principale nella cartella «Avvisi»'
		);
		expect(activityText('en', entryFor('file_moved', { details: { from: 'Avvisi', to: null } }))).toBe(
			'Marco Ferri moved the file “Avviso pubblico.pdf” from the folder “Avvisi” to the top folder'
		);
		expect(activityText('it', entryFor('file_deleted'))).toBe('Marco Ferri ha spostato nel cestino il file «Avviso pubblico.pdf»');
		expect(activityText('en', entryFor('file_restored'))).toBe('Marco Ferri restored the file “Avviso pubblico.pdf” from the bin');
		expect(activityText('it', entryFor('folder_renamed'))).toBe('Marco Ferri ha rinominato la cartella «Bandi» in «Avvisi»');
	});

	it('says a file the server took out of the bin went after its 30 days, where a person deleting it for good is named', () => {
		expect(activityText('it', entryFor('file_purged'))).toBe('Marco Ferri ha eliminato definitivamente il file «Avviso pubblico.pdf»');
		expect(activityText('it', entryFor('file_purged', { actorId: null, actorName: '' }))).toBe(
			'Il file «Avviso pubblico.pdf» è stato eliminato definitivamente dopo 30 giorni nel cestino'
		);
		expect(activityText('en', entryFor('file_purged', { actorId: null, actorName: '' }))).toBe(
			'The file “Avviso pubblico.pdf” was deleted for good after 30 days in the bin'
		);
	});

	it('says what a partner’s edit changed, in the form’s order, with the former name and systems', () => {
		const edited = entryFor('partner_edited');
		expect(activityText('it', edited)).toBe(
			'Marco Ferri ha modificato il partner «Cooperativa sociale Il Ponte»: nome (prima «Il Ponte»), sistemi (prima: lavoro), indirizzo, codice fiscale o partita IVA'
		);
		expect(activityText('en', edited)).toBe(
			'Marco Ferri edited the partner “Cooperativa sociale Il Ponte”: name (formerly “Il Ponte”), systems (formerly: employment), address, tax code or VAT number'
		);
		expect(activityDetails('it', edited)).toBe('nome (prima «Il Ponte»), sistemi (prima: lavoro), indirizzo, codice fiscale o partita IVA');
	});

	it('says to which address an invitation went, with which role and for which partner', () => {
		expect(activityText('it', entryFor('invitation_sent'))).toBe('Marco Ferri ha invitato sara.neri@example.org come redattore');
		expect(activityDetails('it', entryFor('invitation_sent'))).toBe('ruolo: redattore, per Cooperativa sociale Il Ponte');
		expect(activityDetails('en', entryFor('invitation_revoked'))).toBe('role: viewer');
	});

	it('marks the actor and the subject, so a page can set them apart and link the subject', () => {
		const parts = activitySentence('it', entryFor('thread_started', { subjectTitle: 'Orari del tavolo' }));
		expect(parts.filter((part) => part.role)).toEqual([
			{ text: 'Marco Ferri', role: 'actor' },
			{ text: 'Orari del tavolo', role: 'subject' }
		]);
	});

	it('names an actor the record did not keep as "someone"', () => {
		expect(activityText('it', entryFor('member_role_changed', { actorName: '' }))).toMatch(/^Qualcuno ha cambiato/);
		expect(activityText('en', entryFor('document_edited', { actorName: '' }))).toMatch(/^Someone edited/);
	});

	it('shows a value it does not know as stored, rather than failing', () => {
		const entry = entryFor('member_role_changed', { details: { from: 'editor', to: 'auditor' } });
		expect(activityText('it', entry)).toContain('da redattore a auditor');
	});

	it('puts the details of an action in words for the export, and nothing for actions without any', () => {
		expect(activityDetails('it', entryFor('member_role_changed'))).toBe('da redattore a commentatore');
		expect(activityDetails('it', entryFor('member_joined'))).toBe('ruolo: commentatore');
		expect(activityDetails('en', entryFor('document_created'))).toBe('kind: Territorial map');
		expect(activityDetails('it', entryFor('document_renamed'))).toBe('titolo precedente: «Bozza di mappatura»');
		expect(activityDetails('it', entryFor('comment_resolved'))).toBe('testo commentato: «tirocini inclusivi»');
		expect(activityDetails('it', entryFor('file_version_uploaded'))).toBe('versione 2');
		expect(activityDetails('en', entryFor('file_version_restored'))).toBe('version 3, the same as version 1');
		expect(activityDetails('it', entryFor('file_renamed'))).toBe('nome precedente: «Avviso bozza.pdf»');
		expect(activityDetails('en', entryFor('folder_renamed'))).toBe('previous name: “Bandi”');
		expect(activityDetails('it', entryFor('file_moved'))).toBe('dalla cartella principale nella cartella «Avvisi»');
		expect(activityDetails('it', entryFor('file_uploaded'))).toBe('');
		expect(activityDetails('it', entryFor('document_edited'))).toBe('');
		expect(activityDetails('it', entryFor('comment_added', { details: {} }))).toBe('');
	});

	it('keeps the commented text of comment entries only', () => {
		expect(quoteOf(entryFor('comment_added'))).toBe('tirocini inclusivi');
		expect(quoteOf(entryFor('document_edited', { details: { quote: 'x' } }))).toBe('');
	});
});
