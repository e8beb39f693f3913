import { describe, expect, it } from 'vitest';
import { OSM_TILES, readMapConfig, tileOrigin } from '../../../src/lib/server/config.ts';
import { allowImagesFrom } from '../../../src/lib/server/csp.ts';

describe('readMapConfig', () => {
	it('uses OpenStreetMap’s tiles and credit when nothing is set', () => {
		expect(readMapConfig({})).toEqual({ tiles: OSM_TILES, tileOrigin: 'https://tile.openstreetmap.org' });
	});

	it('takes an operator’s tile server with its attribution', () => {
		const config = readMapConfig({
			TRAMA_MAP_TILES: 'https://tiles.example.org/osm/{z}/{x}/{y}.png',
			TRAMA_MAP_ATTRIBUTION: '© Example'
		});
		expect(config).toEqual({
			tiles: { url: 'https://tiles.example.org/osm/{z}/{x}/{y}.png', attribution: '© Example' },
			tileOrigin: 'https://tiles.example.org'
		});
	});

	it('turns tiles off with "none"', () => {
		expect(readMapConfig({ TRAMA_MAP_TILES: 'none' })).toEqual({ tiles: null, tileOrigin: null });
	});

	it('refuses a template the browser could not use, naming the setting', () => {
		expect(() => readMapConfig({ TRAMA_MAP_TILES: 'https://tiles.example.org/tile.png' })).toThrow(/TRAMA_MAP_TILES/);
		expect(() => readMapConfig({ TRAMA_MAP_TILES: 'ftp://tiles.example.org/{z}/{x}/{y}.png' })).toThrow(/TRAMA_MAP_TILES/);
		expect(() => readMapConfig({ TRAMA_MAP_TILES: '/tiles/{z}/{x}/{y}.png' })).toThrow(/TRAMA_MAP_TILES/);
	});
});

describe('tileOrigin', () => {
	it('allows every subdomain when the template picks one with {s}', () => {
		expect(tileOrigin('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBe('https://*.tile.example.org');
	});

	it('keeps a port', () => {
		expect(tileOrigin('http://localhost:8080/{z}/{x}/{y}.png')).toBe('http://localhost:8080');
	});
});

describe('allowImagesFrom', () => {
	it('adds the source to img-src and leaves the other directives as they were', () => {
		const policy = "default-src 'self'; img-src 'self' data: blob:; connect-src 'self'";
		expect(allowImagesFrom(policy, 'https://tile.openstreetmap.org')).toBe(
			"default-src 'self'; img-src 'self' data: blob: https://tile.openstreetmap.org; connect-src 'self'"
		);
	});

	it('adds nothing twice and nothing to a policy without img-src', () => {
		const policy = "img-src 'self' https://tile.openstreetmap.org";
		expect(allowImagesFrom(policy, 'https://tile.openstreetmap.org')).toBe(policy);
		expect(allowImagesFrom("default-src 'self'", 'https://a.example')).toBe("default-src 'self'");
	});
});
