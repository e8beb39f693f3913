// Italian messages of asking for more access: the request page, the links
// to it where something is refused, the facilitators' decision, its
// notifications and its entries in the activity record.
export const access = {
	'access.pageTitle': 'Chiedi un altro ruolo',
	'access.intro':
		'I ruoli li decide chi facilita la rete. Scegli il ruolo che ti serve e, se vuoi, spiega perché: chi facilita la rete riceve una notifica, e la sua risposta arriva tra le tue notifiche.',
	'access.current': 'Il tuo ruolo in questa rete: {role}.',
	'access.role': 'Ruolo che chiedi',
	'access.message': 'Messaggio a chi facilita la rete',
	'access.messageHint': 'Ad esempio: «Vorrei commentare il patto per conto del Dipartimento di Salute Mentale». Al massimo {max} caratteri.',
	'access.submit': 'Invia la richiesta',
	'access.sent': 'Richiesta inviata: chi facilita la rete ha ricevuto una notifica.',
	'access.pending': 'Hai chiesto il ruolo di {role} il {date}: la richiesta aspetta una risposta da chi facilita la rete.',
	'access.yourMessage': 'Il tuo messaggio: «{message}»',
	'access.granted': '{name} ha accolto la tua richiesta il {date}: ora il tuo ruolo è {role}.',
	'access.declined': '{name} non ha accolto la tua richiesta del ruolo di {role} ({date}). Puoi chiedere di nuovo, magari spiegando meglio perché ti serve.',
	'access.topRole': 'Sei facilitatore di questa rete: puoi già fare tutto.',
	'access.back': 'Torna alla rete',
	'access.askFor': 'Chiedi il ruolo di {role}',
	'access.askAny': 'Chiedi a chi facilita la rete un altro ruolo',
	'access.roleInvalid': 'Scegli uno dei ruoli superiori al tuo.',
	'access.messageLength': 'Il messaggio può avere al massimo 500 caratteri.',
	'access.decisionInvalid': 'Scegli se accogliere o rifiutare la richiesta.',

	'access.requestsTitle': 'Richieste di un altro ruolo',
	'access.requestsIntro': 'Persone della rete che chiedono di poter fare di più. Accogliendo una richiesta il ruolo cambia subito, come con «Aggiorna».',
	'access.wants': '{name} chiede il ruolo di {role}; ora è {held}.',
	'access.wantsShort': 'Chiede il ruolo di {role}',
	'access.grant': 'Accogli',
	'access.decline': 'Rifiuta',
	'access.decisionFor': 'Richiesta di {name}',
	'access.decided.granted': 'Accolta da {name} il {date}.',
	'access.decided.declined': 'Rifiutata da {name} il {date}.',
	'access.grantedNow': 'Richiesta accolta: {name} ora ha il ruolo di {role}.',
	'access.declinedNow': 'Richiesta di {name} rifiutata; riceverà una notifica.',

	'errors.access_role_held': 'Hai già questo ruolo, o uno che permette di più: scegline uno superiore al tuo.',
	'errors.access_request_pending': 'Hai già una richiesta in attesa in questa rete: aspetta la risposta di chi la facilita.',
	'errors.access_request_decided': 'Questa richiesta ha già avuto una risposta da un altro facilitatore.',
	'errors.access_message_length': 'Il messaggio può avere al massimo 500 caratteri.',

	'notifications.kind.access_requested': 'Richiesta di ruolo',
	'notifications.kind.access_decided': 'Risposta alla tua richiesta',
	'notifications.summary.access_requested.network': '{actor} chiede il ruolo di {role}',
	'notifications.summary.access_decided.granted': '{actor} ha accolto la tua richiesta: ora sei {role}',
	'notifications.summary.access_decided.declined': '{actor} non ha accolto la tua richiesta del ruolo di {role}',
	'notifications.summary.access_decided.network': '{actor} ha risposto alla tua richiesta di un altro ruolo',
	'notifications.setting.access_requested': 'Richieste di un altro ruolo',
	'notifications.setting.access_requested.help': 'Quando una persona di una rete che facilita chiede un ruolo diverso.',
	'notifications.setting.access_decided': 'Esito delle tue richieste di ruolo',
	'notifications.setting.access_decided.help': 'Quando chi facilita una rete accoglie o rifiuta la tua richiesta di un altro ruolo.',

	'activity.sentence.access_granted': '{actor} ha accolto la richiesta di {subject} del ruolo di {role}',
	'activity.sentence.access_declined': '{actor} non ha accolto la richiesta di {subject} del ruolo di {role}',
	'activity.action.access_granted': 'Richiesta di ruolo accolta',
	'activity.action.access_declined': 'Richiesta di ruolo rifiutata'
} as const;
