// What the map is drawn on. The server chooses the tile source (the
// operator's setting, TRAMA_MAP_TILES); the browser only draws what it is
// given, and draws the entries on a plain background when tiles are off or
// cannot be reached.
import type { Position } from './entry.ts';

/** A raster tile source: a URL template in Leaflet's form and the credit its terms require. */
export interface TileSource {
	/** e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png; {s} picks a subdomain. */
	url: string;
	/** HTML set by the operator, shown in the map's corner. */
	attribution: string;
}

/** Where a map with no placed entries opens: the Ambito di Frosinone. */
export const HOME: { center: Position; zoom: number } = { center: { lat: 41.64, lng: 13.34 }, zoom: 10 };

/** The closest zoom that fitting the view to the entries may reach, so one entry does not fill the screen. */
export const FIT_MAX_ZOOM = 15;
