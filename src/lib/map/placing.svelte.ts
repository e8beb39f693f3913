// Choosing an entry's position on the map, shared by the entry's form (which
// asks for it and shows the result in its coordinates) and the map (which
// takes the click and shows where the form's coordinates point).
import type { Position } from './entry.ts';

export class Placing {
	/** True while the next click on the map sets the position. */
	active = $state(false);
	/** Where the open form's coordinates point, drawn on the map; null when they point nowhere valid. */
	preview = $state.raw<Position | null>(null);

	#onpick: ((position: Position) => void) | null = null;

	/** Waits for a click on the map; `onpick` receives it. */
	start(onpick: (position: Position) => void) {
		this.#onpick = onpick;
		this.active = true;
	}

	cancel() {
		this.#onpick = null;
		this.active = false;
	}

	pick(position: Position) {
		const onpick = this.#onpick;
		this.cancel();
		this.preview = position;
		onpick?.(position);
	}

	/** The form has closed: nothing to choose, nothing to show. */
	reset() {
		this.cancel();
		this.preview = null;
	}
}
