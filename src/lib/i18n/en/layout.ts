// English messages of the layout on small screens (see it/layout.ts).
export const layout = {
	'layout.menu': 'Menu',
	'layout.sections': 'Network sections',
	'layout.sectionsCurrent': 'Network sections, now: {section}',
	'layout.commentsClose': 'Close comments',
	'toolbar.format': 'Format',
	'toolbar.table': 'Table'
};
