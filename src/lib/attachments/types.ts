// Files of the network's file space attached to a post (a thread's opening
// message, a reply, a comment or a comment's reply), as the pages show them
// and as the forms send them.
import type { FileOption } from '../files/picker.ts';

/** The most files a post carries; the database holds it too (attachments_at_most_ten). */
export const ATTACHMENTS_MAX = 10;

/** The form field that carries each chosen file's id, once per file. */
export const ATTACHMENT_FIELD = 'attachment';

/** Where a picker finds and uploads files, and whether this person may upload there. */
export interface FileSpace {
	networkId: string;
	mayUpload: boolean;
}

/** A file chosen for a post that is being written: what its chip shows. */
export type ChosenFile = Pick<FileOption, 'id' | 'name' | 'size' | 'contentType'>;

/** A file attached to a post that has been sent. */
export interface AttachedFile {
	fileId: string;
	name: string;
	size: number;
	contentType: string;
	/** Binned since it was attached: still listed, and marked. */
	inBin: boolean;
}

/**
 * The key of a refusal's errors that concerns one chosen file (one that was
 * deleted or binned while the post was being written), so its chip says so.
 */
export const chosenFileError = (fileId: string): string => `${ATTACHMENT_FIELD}:${fileId}`;
