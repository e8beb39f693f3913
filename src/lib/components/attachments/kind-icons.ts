// Pictures of the kinds of file: 24×24, drawn with currentColor so they
// follow the text colour (and Windows high-contrast mode). Always beside the
// kind's name in words, so they are aria-hidden and never the only clue.
import type { FileKind } from '$lib/files/kinds';

const page = 'M6 2.5h8l4.5 4.5v14a.5.5 0 0 1-.5.5H6a.5.5 0 0 1-.5-.5V3a.5.5 0 0 1 .5-.5z M14 2.5V7h4.5';
const svg = (body: string) =>
	`<svg viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><path d="${page}"/>${body}</svg>`;

export const KIND_ICONS: Record<FileKind, string> = {
	image: svg('<circle cx="9.5" cy="11" r="1.5"/><path d="M7.5 18.5l3.5-3.5 2 2 2.5-3 1.5 2"/>'),
	pdf: svg('<path d="M8.5 17.5v-4h1.2a1.2 1.2 0 0 1 0 2.4H8.5M12.5 13.5v4h.8a2 2 0 0 0 0-4zM16.5 17.5v-4h1.5M16.5 15.5h1.2"/>'),
	document: svg('<path d="M8.5 11h7M8.5 14h7M8.5 17h4.5"/>'),
	spreadsheet: svg('<path d="M8 10.5h8v8H8zM8 14.5h8M12 10.5v8"/>'),
	presentation: svg('<path d="M8 10.5h8v5.5H8zM12 16v2.5M10 18.5h4"/>'),
	archive: svg('<path d="M11 3v2M12 5v2M11 7v2M12 9v2"/><path d="M10.5 13h2v3h-2z"/>'),
	text: svg('<path d="M8.5 11h7M8.5 14h7M8.5 17h7"/>'),
	audio: svg('<path d="M11 17.5V11l4.5-1v6"/><circle cx="9.8" cy="17.5" r="1.3"/><circle cx="14.3" cy="16" r="1.3"/>'),
	video: svg('<path d="M10 11v6.5l5-3.25z"/>'),
	other: svg('')
};
