// Italian messages of pactSignature: what Trama read from a digitally signed adhesion document
// (src/lib/pact/signature.ts). The English file must match these keys.
export const pactSignature = {
	'pactSignature.offlineNote':
		'Il firmatario è letto dal certificato contenuto nel file. Trama verifica che la firma corrisponda al contenuto, ma non può controllare offline che il certificato sia qualificato e presente negli elenchi di fiducia europei: per questo controllo usa un servizio di verifica ufficiale.',
	'pactSignature.signedBy': 'Firmato da {name}',
	'pactSignature.signedAt': 'Firmato il {date}',
	'pactSignature.format.p7m': 'File firmato CAdES (.p7m)',
	'pactSignature.format.pdf': 'PDF firmato (PAdES)',
	'pactSignature.format.unsigned': 'Documento senza firma digitale',
	'pactSignature.intact': 'La firma è integra: il contenuto non è cambiato dopo la firma.',
	'pactSignature.notIntact': 'La firma non è verificata.',
	'pactSignature.matches': 'Il documento firmato è questa versione sigillata del patto (impronta corrispondente).',
	'pactSignature.notMatches': 'Il documento firmato non risulta essere questa versione sigillata del patto.',
	'pactSignature.problem.empty': 'Il file è vuoto.',
	'pactSignature.problem.too_large': 'Il file è troppo grande per essere verificato.',
	'pactSignature.problem.not_signed': 'Il file non contiene una firma digitale.',
	'pactSignature.problem.malformed': 'Il file firmato è danneggiato o incompleto e non si può leggere.',
	'pactSignature.problem.no_content': 'Il file contiene solo la firma, senza il documento firmato (firma “staccata”): carica il file .p7m completo.',
	'pactSignature.problem.no_certificate': 'Il file non contiene il certificato di chi ha firmato, quindi non si può sapere chi sia.',
	'pactSignature.problem.certificate_mismatch': 'Il certificato contenuto nel file non è quello indicato dalla firma: il nome del firmatario potrebbe essere stato alterato.',
	'pactSignature.problem.unsupported_algorithm': 'La firma usa un algoritmo che Trama non verifica (ad esempio SHA-1, ormai non più sicuro).',
	'pactSignature.problem.digest_mismatch': 'Il contenuto è stato modificato dopo la firma: non corrisponde più a ciò che è stato firmato.',
	'pactSignature.problem.bad_signature': 'La firma non è valida per questo contenuto e questo certificato.',
	'pactSignature.problem.updated_after_signing':
		'La parte firmata è integra, ma al PDF è stato aggiunto qualcosa dopo la firma: possono essere marche temporali o dati di verifica, ma anche modifiche, per cui ciò che si vede aprendolo può essere diverso da ciò che è stato firmato.'
} as const;
