// Toolbar pictures: 24×24, drawn with currentColor so they follow the
// button's text colour (and Windows high-contrast mode). Always aria-hidden:
// each button's accessible name says what it does.
const svg = (body: string) =>
	`<svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;

export const ICONS = {
	bulletList: svg(
		'<circle cx="4.5" cy="6.5" r="1.2" fill="currentColor"/><circle cx="4.5" cy="12" r="1.2" fill="currentColor"/><circle cx="4.5" cy="17.5" r="1.2" fill="currentColor"/><path d="M9 6.5h11M9 12h11M9 17.5h11"/>'
	),
	orderedList: svg(
		'<path d="M10 6.5h10M10 12h10M10 17.5h10"/><path d="M3.5 5l1.5-1v5" stroke-width="1.6"/><path d="M3.3 13.2c.4-.8 2.6-.9 2.4.5-.1.8-2.4 1.8-2.4 2.8h2.6" stroke-width="1.6"/>'
	),
	quote: svg(
		'<path d="M9.5 7H6a2 2 0 0 0-2 2v3h5.5V7zM9.5 12c0 2.5-1.5 4-4 5M20 7h-3.5a2 2 0 0 0-2 2v3H20V7zM20 12c0 2.5-1.5 4-4 5"/>'
	),
	link: svg(
		'<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1"/><path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"/>'
	),
	image: svg('<rect x="3" y="4" width="18" height="16" rx="1.5"/><circle cx="8.5" cy="9.5" r="1.8"/><path d="M21 16l-5.5-5.5L6 20"/>'),
	table: svg('<rect x="3" y="4" width="18" height="16" rx="1.5"/><path d="M3 9.5h18M3 15h18M9 4v16M15 4v16"/>'),
	addRow: svg('<rect x="3" y="3" width="18" height="10" rx="1.5"/><path d="M3 8h18M12 15.5v6M9 18.5h6"/>'),
	addColumn: svg('<rect x="3" y="3" width="10" height="18" rx="1.5"/><path d="M8 3v18M15.5 12h6M18.5 9v6"/>'),
	deleteTable: svg('<rect x="3" y="4" width="13" height="12" rx="1.5"/><path d="M3 10h13M9.5 4v12M16 15l5 5M21 15l-5 5"/>'),
	comment: svg('<path d="M4 5.5A1.5 1.5 0 0 1 5.5 4h13A1.5 1.5 0 0 1 20 5.5v9a1.5 1.5 0 0 1-1.5 1.5H10l-5 4v-4.5A1.5 1.5 0 0 1 4 14.5z"/><path d="M8 9h8M8 12h5"/>'),
	textFormat: svg('<path d="M4 7V5h11v2M9.5 5v14M7 19h5M14 12h6M17 12v7M15.5 19h3"/>'),
	menuOpen: svg('<path d="M7 10l5 5 5-5"/>'),
	undo: svg('<path d="M9 14L4 9l5-5"/><path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11"/>'),
	redo: svg('<path d="M15 14l5-5-5-5"/><path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13"/>')
} as const;
