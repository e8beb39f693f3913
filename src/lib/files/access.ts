// Which file space controls a role is offered, wherever files appear (the
// file pages, attachments, images in documents). The database decides for
// real (may_upload() and the policies on files and file_folders); these only
// choose whether to show a control that would otherwise be refused.
import type { Role } from '../domain.ts';

/** Facilitators and editors upload, make folders, rename, move, bin and restore; commenters and viewers read and download. */
export const mayUploadFiles = (role: Role): boolean => role === 'facilitator' || role === 'editor';

/** Deleting for good before the bin's days are up is the facilitators'. */
export const mayPurgeFiles = (role: Role): boolean => role === 'facilitator';
