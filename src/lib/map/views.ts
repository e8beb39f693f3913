/** The ways a map's entries can be seen; the first is the default. */
export const MAP_VIEWS = ['map', 'table', 'network', 'synergies'] as const;
export type MapViewName = (typeof MAP_VIEWS)[number];

export function viewFromParams(params: URLSearchParams): MapViewName {
	const view = params.get('view');
	return MAP_VIEWS.includes(view as MapViewName) ? (view as MapViewName) : 'map';
}
