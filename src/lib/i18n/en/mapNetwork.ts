import type { mapNetwork as italian } from '../it/mapNetwork.ts';

export const mapNetwork: Record<keyof typeof italian, string> = {
	'mapNetwork.heading': 'The partners in the four systems',
	'mapNetwork.intro':
		'Two partners are linked when their entries serve the same target groups; the link is stronger when a need of one meets a service, resource or opportunity of the other. Only the entries that pass the filters count.',
	'mapNetwork.drawing': 'Drawing of the network: {partners} partners and {links} links, listed in words below.',
	'mapNetwork.legendShared': 'Dashed line: target groups in common.',
	'mapNetwork.legendAnswers': 'Solid line: also needs the other partner can answer.',
	'mapNetwork.legendWeight': 'The thicker the line, the stronger the link.',
	'mapNetwork.links': 'Links between partners',
	'mapNetwork.noLinks': 'With these filters no two partners share a target group.',
	'mapNetwork.sharedOne': '1 target group in common ({targets})',
	'mapNetwork.sharedMany': '{count} target groups in common ({targets})',
	'mapNetwork.answersOne': '1 need of {partner} meets an answer from {other}',
	'mapNetwork.answersMany': '{count} matches between needs of {partner} and answers from {other}',
	'mapNetwork.entriesOne': '1 entry',
	'mapNetwork.entriesMany': '{count} entries',
	'mapNetwork.noEntries': 'No entries among those shown.',
	'mapNetwork.entriesOf': 'Entries of {name}',
	'mapNetwork.showAll': 'Show all {count} entries',
	'mapNetwork.showFewer': 'Show fewer entries',
	'mapNetwork.apart': 'Entries that link no partner',
	'mapNetwork.withoutPartner': 'Without a partner',
	'mapNetwork.formerPartner': 'Of partners no longer in the network'
};
