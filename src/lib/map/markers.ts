// How an entry looks on the map. Each category has a colour and a shape of
// its own, so markers can be told apart without seeing colour (WCAG 1.4.1);
// the legend draws the same shapes. Every colour keeps 3:1 against the plain
// background and against light map tiles (WCAG 1.4.11). The SVG is built
// from these constants only, never from what people type.
import type { Category } from './entry.ts';

export interface MarkerStyle {
	colour: string;
	/** SVG elements drawing the shape in a 28 × 28 box centred on the place. */
	shape: string;
}

export const MARKER_STYLES: Record<Category, MarkerStyle> = {
	service: { colour: '#1d5fa8', shape: '<circle cx="14" cy="14" r="10.5"/>' },
	need: { colour: '#b3261e', shape: '<path d="M14 2.5 26 24H2Z"/>' },
	resource: { colour: '#2e6b30', shape: '<rect x="3.5" y="3.5" width="21" height="21" rx="2.5"/>' },
	opportunity: { colour: '#a35200', shape: '<path d="M14 1.5 26.5 14 14 26.5 1.5 14Z"/>' },
	meeting_place: {
		colour: '#6a3fa0',
		shape: '<path d="M14 1.5l3.7 7.6 8.3 1.2-6 5.9 1.4 8.3L14 20.6l-7.4 3.9 1.4-8.3-6-5.9 8.3-1.2z"/>'
	}
};

/** The map's own background, drawn where no tile is: light and neutral. */
export const PLAIN_BACKGROUND = '#eef0ea';
/** Ink for the position being chosen (and, in the map's CSS, the outline of the open entry). */
const MARKER_INK = '#1c2326';

/**
 * A category's marker as SVG, outlined in white to stand off the tiles. The
 * open entry's marker is the same SVG, which the map's CSS enlarges and
 * outlines in ink: changing a class keeps the element, and with it the
 * keyboard focus, where replacing the icon would lose it.
 */
export function markerSvg(category: Category): string {
	const { colour, shape } = MARKER_STYLES[category];
	return `<svg viewBox="-1 -1 30 30" width="100%" height="100%" aria-hidden="true" focusable="false"><g fill="${colour}" stroke="#fff" stroke-width="2" stroke-linejoin="round">${shape}</g></svg>`;
}

/** The mark of the position being chosen in the form: a ring with a dot, unlike any category. */
export const PREVIEW_SVG = `<svg viewBox="0 0 28 28" width="100%" height="100%" aria-hidden="true" focusable="false"><circle cx="14" cy="14" r="11" fill="none" stroke="#fff" stroke-width="5"/><circle cx="14" cy="14" r="11" fill="none" stroke="${MARKER_INK}" stroke-width="2.5" stroke-dasharray="4 3"/><circle cx="14" cy="14" r="3" fill="${MARKER_INK}"/></svg>`;

/** Icon sizes in CSS pixels. */
export const MARKER_SIZE = { entry: 28, preview: 34 } as const;

/** A cluster's diameter: grows with the number of entries it holds, within readable bounds. */
export const clusterSize = (count: number): number => Math.min(56, 34 + Math.round(Math.log10(Math.max(1, count)) * 10));
