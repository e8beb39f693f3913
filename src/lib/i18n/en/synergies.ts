import type { synergies as italian } from '../it/synergies.ts';

export const synergies: Record<keyof typeof italian, string> = {
	'synergies.distance': 'Greatest distance',
	'synergies.km': '{km} km',
	'synergies.anyDistance': 'Any distance',
	'synergies.print': 'Print the synergies',

	'synergies.summary': '{needs}: {answered}, {gaps}.',
	'synergies.needsOne': '1 need',
	'synergies.needsMany': '{count} needs',
	'synergies.answeredOne': '1 answered',
	'synergies.answeredMany': '{count} answered',
	'synergies.gapsOne': '1 uncovered',
	'synergies.gapsMany': '{count} uncovered',
	'synergies.within': 'Answers within {km} km as the crow flies.',
	'synergies.withinAny': 'Answers at any distance.',

	'synergies.howTitle': 'How the answers are ordered',
	'synergies.how':
		'For each need, the answers are the services, resources and job or traineeship opportunities that serve at least one of its target groups within the chosen distance; meeting places do not count as answers. Those with more target groups in common come first, then the nearest, then those of the need’s own system, then those with free places; when all that is equal, alphabetically. Entries without a position cannot be measured: they are listed apart, to be checked.',
	'synergies.targetFilter': 'The target group filter applies to the answers too: only those serving «{target}» are shown.',

	'synergies.gapsTitle': 'Uncovered needs ({count})',
	'synergies.gapsIntro': 'No confirmed answer within the chosen distance: these are the gaps to bring to the table.',
	'synergies.answeredTitle': 'Answered needs ({count})',
	'synergies.gap': 'Uncovered',
	'synergies.gap.no_targets': 'No target group given: complete the entry to look for answers.',
	'synergies.gap.no_answers': 'No entry on the map serves these people.',
	'synergies.gap.need_unplaced': 'The need has no position: its distance from the answers cannot be measured.',
	'synergies.gap.none_nearby': 'No answer within {km} km.',
	'synergies.nearest': 'The nearest is {distance} away.',
	'synergies.targets': 'Target groups: {targets}',
	'synergies.noTargets': 'No target group given',

	'synergies.matchesOf': 'Answers to «{name}»',
	'synergies.showAll': 'Show all {count} answers',
	'synergies.showFewer': 'Show only the first answers',
	'synergies.unplacedTitle': 'Without a position, to be checked ({count})',
	'synergies.unplacedHint': 'They serve the same people, but without a position nobody knows how far they are.',
	'synergies.moreOne': 'and one more answer.',
	'synergies.moreMany': 'and {count} more answers.',

	'synergies.sharedOne': '1 target group in common ({targets})',
	'synergies.sharedMany': '{count} target groups in common ({targets})',
	'synergies.kmAway': '{km} km',
	'synergies.veryNear': 'under 100 m',
	'synergies.noDistance': 'distance unknown',
	'synergies.sameSystem': 'same system',
	'synergies.placesOne': '1 place',
	'synergies.placesMany': '{count} places',
	'synergies.placesNone': 'no places left',

	'synergies.noNeeds': 'The map has no needs yet: add entries of the category «Need» to see which answers exist and where they are missing.',
	'synergies.noNeedsFiltered': 'No need matches these filters.',
	'synergies.categoryFilter': 'Synergies start from needs, but the category filter shows only «{category}».',
	'synergies.showNeeds': 'Show the needs',

	'synergies.printed': 'Synergies as of {date}.',
	'synergies.printedFilters': 'Filters: {filters}.'
};
