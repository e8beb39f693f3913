import type { docImages as italian } from '../it/docImages.ts';

export const docImages: Record<keyof typeof italian, string> = {
	'docImages.exportMissing': '[Image not available: {alt}]',
	'docImages.exportMissingNoAlt': '[Image not available]'
};
