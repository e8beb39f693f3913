import { crc32, deflateSync } from 'node:zlib';

// The smallest PNG writer that browsers and image readers accept: 8-bit
// truecolour, no interlace, every row unfiltered. It draws the demo
// network's pictures and the tests' samples, so neither needs image files.

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A chunk: its data's length, its type, the data, and the CRC of type and data. */
function chunk(type: string, data: Buffer): Buffer {
	const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

/** A PNG of width × height pixels taken from `rgb`: three bytes a pixel, row after row from the top. */
export function rgbPng(width: number, height: number, rgb: Uint8Array): Buffer {
	const stride = width * 3;
	if (rgb.length !== stride * height) throw new RangeError(`${width}×${height} pixels need ${stride * height} bytes, not ${rgb.length}`);
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8);
	// Each row opens with its filter type, 0 (none), which Buffer.alloc has written.
	const rows = Buffer.alloc((1 + stride) * height);
	for (let y = 0; y < height; y++) rows.set(rgb.subarray(y * stride, (y + 1) * stride), y * (1 + stride) + 1);
	return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}
