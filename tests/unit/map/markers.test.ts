import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../src/lib/map/entry.ts';
import { MARKER_STYLES, PLAIN_BACKGROUND, clusterSize, markerSvg } from '../../../src/lib/map/markers.ts';

// WCAG relative luminance and contrast ratio of two #rrggbb colours.
function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => {
		const channel = parseInt(hex.slice(i, i + 2), 16) / 255;
		return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (light + 0.05) / (dark + 0.05);
};
// The land colour of OpenStreetMap's standard tiles, the lightest a marker usually sits on.
const OSM_LAND = '#f2efe9';

describe('category markers', () => {
	it('give every category its own shape, so colour is never the only difference', () => {
		const shapes = CATEGORIES.map((category) => MARKER_STYLES[category].shape);
		expect(new Set(shapes).size).toBe(CATEGORIES.length);
	});

	it('give every category its own colour', () => {
		const colours = CATEGORIES.map((category) => MARKER_STYLES[category].colour);
		expect(new Set(colours).size).toBe(CATEGORIES.length);
	});

	it('keep 3:1 contrast against the plain background and light tiles', () => {
		for (const category of CATEGORIES) {
			const { colour } = MARKER_STYLES[category];
			expect(contrast(colour, PLAIN_BACKGROUND), category).toBeGreaterThanOrEqual(3);
			expect(contrast(colour, OSM_LAND), category).toBeGreaterThanOrEqual(3);
		}
	});

	it('draw the category’s own shape and colour, outlined to stand off the tiles', () => {
		const svg = markerSvg('need');
		expect(svg).toContain(MARKER_STYLES.need.shape);
		expect(svg).toContain(`fill="${MARKER_STYLES.need.colour}"`);
		expect(svg).toContain('stroke="#fff"');
	});
});

describe('clusterSize', () => {
	it('grows with the count and stays within readable bounds', () => {
		expect(clusterSize(2)).toBeGreaterThanOrEqual(34);
		expect(clusterSize(200)).toBeGreaterThan(clusterSize(2));
		expect(clusterSize(1_000_000)).toBe(56);
	});
});
