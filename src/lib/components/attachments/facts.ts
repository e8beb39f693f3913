import { page } from '$app/state';
import { t } from '$lib/i18n';
import { fileKind } from '$lib/files/kinds';
import { formatSize } from '$lib/files/size';
import type { UploadRefused } from '$lib/files/upload-client';
import { KIND_ICONS } from './kind-icons.ts';

/** "PDF · 1,2 MB": the kind of a file in words and its size, in the page's language. */
export const fileFacts = (file: { contentType: string; size: number }): string =>
	`${t(`files.kind.${fileKind(file.contentType)}`)} · ${formatSize(file.size, page.data.locale)}`;

/** The picture of a file's kind, as SVG markup (aria-hidden). */
export const kindIcon = (contentType: string): string => KIND_ICONS[fileKind(contentType)];

/** Why an upload stopped: the server's own words, or ours when it never answered. */
export const refusalText = (refused: UploadRefused | null): string =>
	refused ? refused.message || t(`uploads.errors.${refused.code}`) : '';
