/**
 * The format and size in pixels of an image, read from the first bytes of
 * its file, for the formats a Word document can hold (PNG, JPEG, GIF, BMP).
 * Word needs the size to lay an image out; the stored content type is not
 * trusted for the format either: the bytes say what they are.
 */

export interface ImageSize {
	type: 'png' | 'jpg' | 'gif' | 'bmp';
	width: number;
	height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** JPEG markers that start a frame and carry its size: SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC). */
const JPEG_FRAMES = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((byte, i) => bytes[i] === byte);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** A size only when both sides are whole, positive numbers. */
function sized(type: ImageSize['type'], width: number, height: number): ImageSize | null {
	return width > 0 && height > 0 ? { type, width, height } : null;
}

function jpeg(bytes: Uint8Array, view: DataView): ImageSize | null {
	let at = 2;
	while (at + 9 < bytes.length) {
		if (bytes[at] !== 0xff) return null;
		const marker = bytes[at + 1];
		// Fill bytes: any number of 0xFF may precede a marker.
		if (marker === 0xff) {
			at += 1;
			continue;
		}
		if (JPEG_FRAMES.has(marker)) return sized('jpg', view.getUint16(at + 7), view.getUint16(at + 5));
		// Markers without a length: restart markers, TEM, and the start of the image.
		if ((marker >= 0xd0 && marker <= 0xd8) || marker === 0x01) {
			at += 2;
			continue;
		}
		at += 2 + view.getUint16(at + 2);
	}
	return null;
}

function bmp(view: DataView): ImageSize | null {
	const header = view.getUint32(14, true);
	// OS/2 1.x bitmaps have 16-bit sizes; every later header has 32-bit ones, a negative height drawing top-down.
	if (header === 12) return sized('bmp', view.getUint16(18, true), view.getUint16(20, true));
	return sized('bmp', view.getInt32(18, true), Math.abs(view.getInt32(22, true)));
}

/** The image's format and size, or null when the bytes are none of these formats or too short to tell. */
export function imageSize(bytes: Uint8Array): ImageSize | null {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (bytes.length >= 24 && startsWith(bytes, PNG_SIGNATURE) && ascii(bytes, 12, 16) === 'IHDR') {
		return sized('png', view.getUint32(16), view.getUint32(20));
	}
	if (bytes.length >= 10 && (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')) {
		return sized('gif', view.getUint16(6, true), view.getUint16(8, true));
	}
	if (bytes.length >= 26 && ascii(bytes, 0, 2) === 'BM') return bmp(view);
	if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return jpeg(bytes, view);
	return null;
}
