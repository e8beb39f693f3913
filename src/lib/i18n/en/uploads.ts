import type { uploads as italian } from '../it/uploads.ts';

export const uploads: Record<keyof typeof italian, string> = {
	'uploads.errors.not_signed_in': 'Sign in to upload or download files.',
	'uploads.errors.forbidden': 'You are not allowed to do this in this network.',
	'uploads.errors.not_found': 'The file or folder does not exist, or is not part of your networks.',
	'uploads.errors.cross_site': 'Request refused: it does not come from a Trama page.',
	'uploads.errors.bad_request': 'Invalid request: the file or its name is missing.',
	'uploads.errors.form_unreadable':
		'The form sent cannot be read: it is incomplete or holds characters that are not allowed, for instance in a file name. Reload the page and choose the files again.',
	'uploads.errors.file_too_large': 'The file is over the limit of {limit} per upload.',
	'uploads.errors.quota_exceeded': "The network's space is full: {used} of {quota} used. Empty the bin or delete files no longer needed.",
	'uploads.errors.upload_incomplete': 'The upload stopped before the end: the file was not saved.',
	'uploads.errors.storage_failed': 'The file could not be saved. Try again in a few minutes.',
	'uploads.errors.server_error': "Something went wrong on Trama's side. Try again in a few minutes.",
	'uploads.errors.network': 'Connection lost: the file was not saved. Try again.',
	'uploads.errors.cancelled': 'Upload cancelled.'
};
