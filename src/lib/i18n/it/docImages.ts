// Italian messages of images in documents: the keys the English file must match.
export const docImages = {
	'docImages.exportMissing': '[Immagine non disponibile: {alt}]',
	'docImages.exportMissingNoAlt': '[Immagine non disponibile]'
} as const;
