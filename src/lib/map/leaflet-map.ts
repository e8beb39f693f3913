// The entries drawn with Leaflet: one map per view, kept for the view's life
// and changed in place as entries come and go, so a remote edit moves one
// marker and never rebuilds the map nor moves the view under someone's eyes.
// Loaded by MapView with a dynamic import: Leaflet needs a browser, and the
// page must work while it loads or if it fails.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import type { TileSource } from './basemap.ts';
import { FIT_MAX_ZOOM, HOME } from './basemap.ts';
import type { MapEntry, Position } from './entry.ts';
import { MARKER_SIZE, PREVIEW_SVG, clusterSize, markerSvg } from './markers.ts';

export interface EntryMapOptions {
	container: HTMLElement;
	tiles: TileSource | null;
	text: {
		zoomIn: string;
		zoomOut: string;
		/** A marker's accessible name. */
		entry: (entry: MapEntry) => string;
		/** A cluster's accessible name. */
		cluster: (count: number) => string;
	};
	onselect: (id: string) => void;
	onplace: (position: Position) => void;
}

/** Starts a map in `options.container`. */
export async function createEntryMap(options: EntryMapOptions): Promise<EntryMap> {
	// The cluster plugin is a script that extends the global `L`; it must run after Leaflet is that global.
	Object.assign(globalThis, { L });
	await import('leaflet.markercluster');
	return new EntryMap(options);
}

/** Text made safe to put in an icon's HTML, hidden from sight and read by screen readers. */
function hiddenLabel(text: string): string {
	const label = document.createElement('span');
	label.className = 'visually-hidden';
	label.textContent = text;
	return label.outerHTML;
}

const roundPosition = ({ lat, lng }: L.LatLng): Position => ({
	lat: Math.round(lat * 1e6) / 1e6,
	lng: Math.round(lng * 1e6) / 1e6
});

/** How many moves (into a cluster, or over to the marker) a reveal makes at most: it never chases a marker for ever. */
const REVEAL_STEPS = 6;

interface Shown {
	marker: L.Marker;
	entry: MapEntry;
}

export class EntryMap {
	readonly #map: L.Map;
	readonly #clusters: L.MarkerClusterGroup;
	readonly #shown = new Map<string, Shown>();
	readonly #options: EntryMapOptions;
	readonly #resizing: ResizeObserver;
	#selected: string | null = null;
	#placing = false;
	#preview: L.Marker | null = null;
	/** The open entry's marker being brought out of its cluster, until the map has moved there. */
	#revealing: { id: string; stop: () => void } | null = null;

	constructor(options: EntryMapOptions) {
		this.#options = options;
		const { container, tiles, text } = options;
		this.#map = L.map(container, { zoomControl: false, center: HOME.center, zoom: HOME.zoom, minZoom: 3, maxZoom: 19 });
		L.control.zoom({ zoomInTitle: text.zoomIn, zoomOutTitle: text.zoomOut }).addTo(this.#map);
		// A faint grid under the tiles: without them (turned off, or no network)
		// the map is a plain background on which moving and zooming still show.
		const PlainGrid = L.GridLayer.extend({
			createTile: () => Object.assign(document.createElement('div'), { className: 'plain-tile' })
		}) as typeof L.GridLayer;
		new PlainGrid({ zIndex: 0 }).addTo(this.#map);
		if (tiles) L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 19, zIndex: 1 }).addTo(this.#map);

		this.#clusters = L.markerClusterGroup({
			showCoverageOnHover: false,
			maxClusterRadius: 48,
			chunkedLoading: true,
			iconCreateFunction: (cluster) => {
				const count = cluster.getChildCount();
				const size = clusterSize(count);
				return L.divIcon({
					html: `<span aria-hidden="true">${count}</span>${hiddenLabel(text.cluster(count))}`,
					className: 'entry-cluster',
					iconSize: [size, size]
				});
			}
		});
		this.#clusters.addTo(this.#map);
		this.#map.on('click', (event) => {
			if (this.#placing) this.#options.onplace(roundPosition(event.latlng.wrap()));
		});
		// The map's box changes when the entry panel opens beside it; the open entry stays in sight.
		this.#resizing = new ResizeObserver(() => {
			this.#map.invalidateSize();
			if (this.#selected) this.show(this.#selected);
		});
		this.#resizing.observe(container);
	}

	/** Shows exactly `entries` (those with a position): adds, moves, redraws and removes markers, nothing else. */
	setEntries(entries: MapEntry[]) {
		const placed = new Map(entries.filter((entry) => entry.position).map((entry) => [entry.id, entry]));
		const gone: L.Marker[] = [];
		for (const [id, { marker }] of this.#shown) {
			if (!placed.has(id)) {
				gone.push(marker);
				this.#shown.delete(id);
				if (this.#revealing?.id === id) this.#stopRevealing();
			}
		}
		this.#clusters.removeLayers(gone);

		const added: L.Marker[] = [];
		for (const entry of placed.values()) {
			const shown = this.#shown.get(entry.id);
			if (!shown) {
				const marker = this.#marker(entry);
				this.#shown.set(entry.id, { marker, entry });
				added.push(marker);
				continue;
			}
			const before = shown.entry;
			shown.entry = entry;
			if (before.name !== entry.name || before.category !== entry.category) {
				shown.marker.options.title = entry.name;
				shown.marker.setIcon(this.#icon(entry));
				this.#mark(entry.id);
			}
			const { lat, lng } = entry.position!;
			if (before.position!.lat !== lat || before.position!.lng !== lng) {
				// A clustered marker moves by leaving its cluster and joining the right one.
				this.#clusters.removeLayer(shown.marker);
				shown.marker.setLatLng([lat, lng]);
				this.#clusters.addLayer(shown.marker);
			}
		}
		this.#clusters.addLayers(added);
	}

	#icon(entry: MapEntry): L.DivIcon {
		const size = MARKER_SIZE.entry;
		return L.divIcon({
			html: `${hiddenLabel(this.#options.text.entry(entry))}${markerSvg(entry.category)}`,
			className: 'entry-marker',
			iconSize: [size, size]
		});
	}

	#marker(entry: MapEntry): L.Marker {
		const marker = L.marker([entry.position!.lat, entry.position!.lng], {
			icon: this.#icon(entry),
			keyboard: true,
			title: entry.name,
			riseOnHover: true
		});
		const id = entry.id;
		const open = () => {
			if (this.#placing) this.#options.onplace(roundPosition(marker.getLatLng()));
			else this.#options.onselect(id);
		};
		marker.on('click', open);
		marker.on('keydown', (event) => {
			const key = (event as L.LeafletKeyboardEvent).originalEvent.key;
			if (key !== 'Enter' && key !== ' ') return;
			(event as L.LeafletKeyboardEvent).originalEvent.preventDefault();
			open();
		});
		// Clusters create a marker's element anew each time it comes out of one.
		marker.on('add', () => this.#mark(id));
		return marker;
	}

	/** Draws the open entry's marker larger and outlined, over the others. */
	#mark(id: string) {
		const shown = this.#shown.get(id);
		if (!shown) return;
		const selected = this.#selected === id;
		shown.marker.getElement()?.classList.toggle('selected', selected);
		shown.marker.getElement()?.setAttribute('aria-pressed', String(selected));
		shown.marker.setZIndexOffset(selected ? 1000 : 0);
	}

	select(id: string | null) {
		const before = this.#selected;
		this.#selected = id;
		if (this.#revealing && this.#revealing.id !== id) this.#stopRevealing();
		if (before) this.#mark(before);
		if (id) this.#mark(id);
	}

	/**
	 * Brings the entry's marker into view, out of its cluster, unless it is well in view already.
	 *
	 * Not with markercluster's zoomToShowLayer: that one waits for the map to
	 * settle with a listener of its own that only it can remove, and that reads
	 * the marker's cluster. When a filter takes the marker off the map before
	 * the wait ends, the marker has no cluster any more and the listener throws
	 * on every later move (`Cannot use 'in' operator to search for
	 * '_leaflet_id' in undefined`). This wait is ours, so it ends whenever the
	 * marker leaves the map, another entry opens, the view fits or the map goes.
	 */
	show(id: string) {
		this.#stopRevealing();
		const marker = this.#shown.get(id)?.marker;
		if (marker) this.#reveal(id, marker, REVEAL_STEPS);
	}

	#reveal(id: string, marker: L.Marker, steps: number) {
		const visible = this.#clusters.getVisibleParent(marker);
		if (visible === marker) {
			this.#map.panInside(marker.getLatLng(), { padding: [MARKER_SIZE.entry * 2, MARKER_SIZE.entry * 2] });
			return;
		}
		// A cluster that no zoom can split (entries at one address) opens into a spider instead.
		if (visible instanceof L.MarkerCluster && this.#map.getZoom() >= this.#map.getMaxZoom()) {
			visible.spiderfy();
			return;
		}
		if (steps === 0) return;
		const settled = () => {
			this.#stopRevealing();
			this.#reveal(id, marker, steps - 1);
		};
		this.#map.once('moveend', settled);
		this.#revealing = { id, stop: () => this.#map.off('moveend', settled) };
		// The cluster it is in splits a zoom level down; with no cluster in sight, the marker is off the screen.
		if (visible instanceof L.MarkerCluster) visible.zoomToBounds({ padding: [48, 48] });
		else this.#map.panTo(marker.getLatLng());
	}

	#stopRevealing() {
		this.#revealing?.stop();
		this.#revealing = null;
	}

	/** Fits the view to the shown entries; leaves it where it is when none has a position. */
	fit() {
		// A reveal under way when the view fits starts again from the fitted view.
		const revealing = this.#revealing?.id;
		this.#stopRevealing();
		const points = [...this.#shown.values()].map(({ marker }) => marker.getLatLng());
		if (points.length > 0) this.#map.fitBounds(L.latLngBounds(points), { padding: [48, 48], maxZoom: FIT_MAX_ZOOM, animate: false });
		if (revealing) this.show(revealing);
	}

	setPlacing(active: boolean) {
		this.#placing = active;
		this.#options.container.classList.toggle('placing', active);
	}

	/** Marks where the form's coordinates point, and brings that place into view. */
	setPreview(position: Position | null) {
		if (!position) {
			this.#preview?.remove();
			this.#preview = null;
			return;
		}
		const size = MARKER_SIZE.preview;
		this.#preview ??= L.marker([position.lat, position.lng], {
			icon: L.divIcon({ html: PREVIEW_SVG, className: 'entry-preview', iconSize: [size, size] }),
			interactive: false,
			keyboard: false,
			zIndexOffset: 2000
		}).addTo(this.#map);
		this.#preview.setLatLng([position.lat, position.lng]);
		if (!this.#map.getBounds().contains(this.#preview.getLatLng())) this.#map.panTo(this.#preview.getLatLng());
	}

	destroy() {
		this.#stopRevealing();
		this.#resizing.disconnect();
		this.#map.remove();
	}
}
