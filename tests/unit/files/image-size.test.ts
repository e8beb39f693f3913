import { describe, expect, it } from 'vitest';
import { imageSize } from '../../../src/lib/files/image-size.ts';
import { png } from './samples.ts';

const u16be = (n: number) => [n >> 8, n & 0xff];
const u16le = (n: number) => [n & 0xff, n >> 8];
const u32le = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];

/** A JPEG's first segments: an APP1 (EXIF) segment before the frame, as cameras write them. */
const jpeg = (width: number, height: number, frame = 0xc0) =>
	Uint8Array.from([
		...[0xff, 0xd8],
		...[0xff, 0xe1, ...u16be(8), 0x45, 0x78, 0x69, 0x66, 0, 0],
		...[0xff, 0xff], // a fill byte before the next marker
		...[frame, ...u16be(17), 8, ...u16be(height), ...u16be(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
	]);

const bmp = (width: number, height: number, header = 40) =>
	Uint8Array.from([
		0x42,
		0x4d,
		...Array(12).fill(0),
		...u32le(header),
		...(header === 12 ? [...u16le(width), ...u16le(height)] : [...u32le(width), ...u32le(height)]),
		...Array(8).fill(0)
	]);

describe('imageSize', () => {
	it('reads a PNG’s size from its header', () => {
		expect(imageSize(png(640, 480))).toEqual({ type: 'png', width: 640, height: 480 });
	});

	it('reads a JPEG’s size from its frame, past the segments and fill bytes before it', () => {
		expect(imageSize(jpeg(4032, 3024))).toEqual({ type: 'jpg', width: 4032, height: 3024 });
		// A progressive JPEG starts its frame with SOF2.
		expect(imageSize(jpeg(800, 600, 0xc2))).toEqual({ type: 'jpg', width: 800, height: 600 });
	});

	it('does not mistake a Huffman table for a frame', () => {
		expect(imageSize(jpeg(800, 600, 0xc4))).toBeNull();
	});

	it('reads a GIF’s size', () => {
		expect(imageSize(Uint8Array.from([...Buffer.from('GIF89a'), ...u16le(320), ...u16le(200), 0, 0, 0]))).toEqual({
			type: 'gif',
			width: 320,
			height: 200
		});
	});

	it('reads a BMP’s size, top-down and OS/2 ones too', () => {
		expect(imageSize(bmp(100, 50))).toEqual({ type: 'bmp', width: 100, height: 50 });
		expect(imageSize(bmp(100, -50))).toEqual({ type: 'bmp', width: 100, height: 50 });
		expect(imageSize(bmp(64, 32, 12))).toEqual({ type: 'bmp', width: 64, height: 32 });
	});

	it('knows no size for formats Word cannot hold, text, or bytes cut short', () => {
		const webp = Uint8Array.from([...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBPVP8 '), ...Array(20).fill(0)]);
		const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
		for (const bytes of [webp, svg, png(10, 10).subarray(0, 20), jpeg(10, 10).subarray(0, 12), new Uint8Array()]) {
			expect(imageSize(bytes)).toBeNull();
		}
	});

	it('knows no size for an image that claims to have none', () => {
		expect(imageSize(png(0, 10))).toBeNull();
		expect(imageSize(jpeg(10, 0))).toBeNull();
	});
});
