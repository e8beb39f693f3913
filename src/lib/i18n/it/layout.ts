// Italian messages of the layout on small screens: the header's menu, the
// network's sections as a menu, the comments' drawer, the editor's grouped tools.
export const layout = {
	'layout.menu': 'Menu',
	'layout.sections': 'Sezioni della rete',
	'layout.sectionsCurrent': 'Sezioni della rete, ora: {section}',
	'layout.commentsClose': 'Chiudi i commenti',
	'toolbar.format': 'Formato',
	'toolbar.table': 'Tabella'
};
