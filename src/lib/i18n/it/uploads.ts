// Italian messages of the file endpoints: why an upload or a download was refused.
export const uploads = {
	'uploads.errors.not_signed_in': 'Accedi per caricare o scaricare file.',
	'uploads.errors.forbidden': 'Non hai il permesso di farlo in questa rete.',
	'uploads.errors.not_found': 'Il file o la cartella non esiste, oppure non fa parte delle tue reti.',
	'uploads.errors.cross_site': 'Richiesta rifiutata: non proviene da una pagina di Trama.',
	'uploads.errors.bad_request': 'Richiesta non valida: manca il file o il suo nome.',
	'uploads.errors.form_unreadable':
		'Il modulo inviato non è leggibile: è incompleto o contiene caratteri non ammessi, per esempio nel nome di un file. Ricarica la pagina e scegli di nuovo i file.',
	'uploads.errors.file_too_large': 'Il file supera il limite di {limit} per caricamento.',
	'uploads.errors.quota_exceeded': 'Spazio della rete esaurito: usati {used} su {quota}. Svuota il cestino o elimina file non più necessari.',
	'uploads.errors.upload_incomplete': 'Caricamento interrotto prima della fine: il file non è stato salvato.',
	'uploads.errors.storage_failed': 'Non è stato possibile salvare il file. Riprova tra qualche minuto.',
	'uploads.errors.server_error': 'Qualcosa non ha funzionato da parte di Trama. Riprova tra qualche minuto.',
	'uploads.errors.network': 'Connessione interrotta: il file non è stato salvato. Riprova.',
	'uploads.errors.cancelled': 'Caricamento annullato.'
} as const;
