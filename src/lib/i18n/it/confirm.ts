// Italian messages of the confirmations asked before a destructive change (lib/confirmation.ts): the keys the English file must match.
export const confirm = {
	'confirm.cancel': 'Annulla',

	'confirm.partner.title': 'Rimuovere il partner «{name}» dalla rete?',
	'confirm.partner.membersOne':
		'Una persona della rete parla a nome di questo partner: resta nella rete con il suo ruolo, ma senza partner.',
	'confirm.partner.membersMany':
		'{count} persone della rete parlano a nome di questo partner: restano nella rete con il loro ruolo, ma senza partner.',
	'confirm.partner.invitationsOne': 'Un invito in attesa è a nome di questo partner: resta valido, senza partner.',
	'confirm.partner.invitationsMany': '{count} inviti in attesa sono a nome di questo partner: restano validi, senza partner.',
	'confirm.partner.entriesOne':
		'Una voce della mappatura del territorio indica questo partner come ente di riferimento: la voce resta, senza ente.',
	'confirm.partner.entriesMany':
		'{count} voci della mappatura del territorio indicano questo partner come ente di riferimento: le voci restano, senza ente.',
	'confirm.partner.final': 'Non si può annullare: per riaverlo bisognerà aggiungerlo di nuovo e ricollegare persone e voci.',
	'confirm.partner.confirm': 'Sì, rimuovi il partner',

	'confirm.member.title': 'Rimuovere {name} dalla rete?',
	'confirm.member.access':
		'{name} perde subito l’accesso alla rete: documenti, discussioni, mappa e file. Se ha un documento aperto, si chiude.',
	'confirm.member.kept': 'I suoi commenti, i suoi messaggi e ciò che ha scritto restano, firmati con il suo nome.',
	'confirm.member.return': 'Per farla tornare servirà un nuovo invito.',
	'confirm.member.confirm': 'Sì, rimuovi',

	'confirm.leave.title': 'Lasciare la rete «{network}»?',
	'confirm.leave.access': 'Non potrai più aprire i documenti, le discussioni, la mappa e i file di questa rete.',
	'confirm.leave.kept': 'I tuoi commenti, i tuoi messaggi e ciò che hai scritto restano, firmati con il tuo nome.',
	'confirm.leave.return': 'Per tornare ti servirà un nuovo invito da chi facilita la rete.',
	'confirm.leave.lastFacilitator':
		'Sei l’unica persona che facilita questa rete, e una rete ne ha sempre bisogno: prima di lasciarla, nomina facilitatore un altro membro qui sotto.',
	'confirm.leave.confirm': 'Sì, lascia la rete',

	'confirm.restore.title': 'Ripristinare «{name}»?',
	'confirm.restore.text': 'Il documento torna com’era in questa versione, subito e per tutti quelli che lo stanno scrivendo.',
	'confirm.restore.kept':
		'Il testo di adesso viene prima salvato come versione «Prima del ripristino»: potrai ripristinarlo a sua volta.',
	'confirm.restore.commentsNone': 'Nessun commento aperto perde il testo a cui è legato.',
	'confirm.restore.commentsOne':
		'Un commento aperto perde il testo a cui è legato: resta, con le parole citate, ma non più evidenziato nel documento.',
	'confirm.restore.commentsMany':
		'{count} commenti aperti perdono il testo a cui sono legati: restano, con le parole citate, ma non più evidenziati nel documento.',
	'confirm.restore.commentsTitle': 'Commenti che perdono il loro testo',
	'confirm.restore.savedName': 'Prima del ripristino',
	'confirm.restore.confirm': 'Sì, ripristina',

	'confirm.binnedStays': 'Ci resta {days} giorni, poi sarà eliminato definitivamente; fino ad allora si può ripristinare.',
	'confirm.undo': 'Annulla',
	'confirm.undoBin': 'Annulla: riporta «{name}» fuori dal cestino',

	'confirm.purge.title': 'Eliminare per sempre «{name}»?',
	'confirm.purge.version': 'Il file viene eliminato e non si potrà più recuperare, né dal cestino né altrove.',
	'confirm.purge.versionsMany': 'Il file viene eliminato con tutte le sue {count} versioni e non si potrà più recuperare, né dal cestino né altrove.',
	'confirm.purge.attachmentsOne': 'È allegato a un messaggio o a un commento: il messaggio resta, senza l’allegato.',
	'confirm.purge.attachmentsMany': 'È allegato a {count} messaggi o commenti: restano, senza l’allegato.',
	'confirm.purge.confirm': 'Sì, elimina per sempre',

	'confirm.thread.title': 'Eliminare la discussione «{title}»?',
	'confirm.thread.repliesOne': 'La sua risposta viene eliminata con lei.',
	'confirm.thread.repliesMany': 'Le sue {count} risposte vengono eliminate con lei.',
	'confirm.thread.attachmentsOne': 'Un file allegato non sarà più legato alla discussione: resta nello spazio file.',
	'confirm.thread.attachmentsMany': '{count} file allegati non saranno più legati alla discussione: restano nello spazio file.',
	'confirm.thread.final': 'Sparisce per tutte le persone della rete e non si può annullare.',
	'confirm.thread.confirm': 'Sì, elimina la discussione',

	'confirm.document.title': 'Eliminare il documento «{title}»?',
	'confirm.document.text': 'Il suo testo viene eliminato, con la cronologia delle modifiche.',
	'confirm.document.versionsOne': 'La sua versione salvata viene eliminata con lui.',
	'confirm.document.versionsMany': 'Le sue {count} versioni salvate vengono eliminate con lui.',
	'confirm.document.commentsOne': 'Il suo commento viene eliminato.',
	'confirm.document.commentsMany': 'I suoi {count} commenti vengono eliminati.',
	'confirm.document.entriesOne': 'La sua voce della mappa viene eliminata.',
	'confirm.document.entriesMany': 'Le sue {count} voci della mappa vengono eliminate.',
	'confirm.document.threadsOne': 'Una discussione che lo riguarda resta, senza più il legame al documento.',
	'confirm.document.threadsMany': '{count} discussioni che lo riguardano restano, senza più il legame al documento.',
	'confirm.document.archiveInstead': 'Se vuoi solo chiuderlo, archivialo invece: resta leggibile da tutti e nessuno può più modificarlo.',
	'confirm.document.final': 'Sparisce per tutte le persone della rete, anche per chi lo ha aperto ora, e non si può annullare.',
	'confirm.document.confirm': 'Sì, elimina il documento',
	'confirm.document.blocked': 'Solo i facilitatori della rete possono eliminare un documento.'
} as const;
