// Who may add to a network's file space, as the pages show it. The database
// decides for real (may_upload() and the files policies); this only chooses
// whether to offer an upload button that would otherwise be refused.
import type { Role } from '$lib/domain';

/** Facilitators and editors upload; commenters and viewers read and download. */
export const mayUploadFiles = (role: Role): boolean => role === 'facilitator' || role === 'editor';
