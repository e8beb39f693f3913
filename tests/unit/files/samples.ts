// Files of every format the detector knows, built byte by byte from their
// specifications: whole small files where that is short (PDF, PNG, JPEG,
// GIF, BMP, ICO, ZIP, gzip), and otherwise the header the format opens
// with, which is all detection reads. Unit, integration and e2e tests take
// their sample files from here; PDF and PNG come from the app's own writers.
import { randomBytes } from 'node:crypto';
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';
import { onePagePdf } from '../../../src/lib/server/files/one-page-pdf.ts';
import { rgbPng } from '../../../src/lib/server/files/png.ts';

type Part = string | number[] | Uint8Array;

/** Bytes from strings (each character one byte, \xNN as written), byte lists and buffers. */
export const bytes = (...parts: Part[]): Buffer =>
	Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

const u16le = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const u32le = (n: number) => [...u16le(n & 0xffff), ...u16le(n >>> 16)];
const u32be = (n: number) => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const zeros = (length: number) => new Uint8Array(length);

/** A one-page PDF saying `text`, its cross-reference table pointing at the right offsets. */
export const pdf = (text = 'Verbale del tavolo di co-progettazione') => onePagePdf([text]);

/**
 * A truecolour PNG of width × height pixels, all of one colour, or of random
 * colours (which do not compress: about 3 bytes a pixel, for an upload slow
 * enough to watch).
 */
export function png(width = 2, height = 2, colour: [number, number, number] | 'noise' = [0, 0, 0]): Buffer {
	if (colour === 'noise') return rgbPng(width, height, randomBytes(width * height * 3));
	const pixels = Buffer.alloc(width * height * 3);
	for (let at = 0; at < pixels.length; at += 3) pixels.set(colour, at);
	return rgbPng(width, height, pixels);
}

const jpegSegment = (marker: number, ...body: Part[]) => {
	const content = bytes(...body);
	return bytes([0xff, marker], [(content.length + 2) >> 8, (content.length + 2) & 0xff], content);
};

/**
 * An 8×8 mid-grey baseline JPEG: one block whose DC difference and AC
 * coefficients are all zero, coded with the smallest Huffman tables there
 * are (one one-bit code each), so the scan is two zero bits padded with ones.
 */
export function jpeg(): Buffer {
	return bytes(
		[0xff, 0xd8],
		jpegSegment(0xe0, 'JFIF\0', [1, 1, 0], [0, 1, 0, 1], [0, 0]),
		jpegSegment(0xdb, [0], new Uint8Array(64).fill(1)),
		jpegSegment(0xc0, [8], [0, 8, 0, 8], [1], [1, 0x11, 0]),
		jpegSegment(0xc4, [0x00], [1, ...zeros(15)], [0]),
		jpegSegment(0xc4, [0x10], [1, ...zeros(15)], [0]),
		jpegSegment(0xda, [1], [1, 0x00], [0, 63, 0]),
		[0x3f],
		[0xff, 0xd9]
	);
}

/** A 1×1 GIF: two-colour table, one LZW-coded pixel. */
export const gif = () =>
	bytes(
		'GIF89a',
		[...u16le(1), ...u16le(1), 0x80, 0, 0], // screen 1×1, a global table of two colours
		[0, 0, 0, 255, 255, 255],
		[0x2c, ...zeros(4), ...u16le(1), ...u16le(1), 0], // the image at 0,0, 1×1
		[2, 2, 0x44, 0x01, 0], // LZW, minimum code size 2: clear, pixel 0, end
		';'
	);

/** A 1×1 24-bit bitmap with a BITMAPINFOHEADER. */
export const bmp = () =>
	bytes(
		...['BM', u32le(58), zeros(4), u32le(54)], // file header: its size, the pixels at 54
		...[u32le(40), u32le(1), u32le(1), u16le(1), u16le(24)], // BITMAPINFOHEADER: 1×1, 24 bits
		...[u32le(0), u32le(4), u32le(2835), u32le(2835), zeros(8)], // uncompressed, 72 dpi
		[0, 0, 0, 0] // one black pixel, its row padded to 4 bytes
	);

/** An icon holding one 2×2 PNG image. */
export function ico(): Buffer {
	const image = png();
	return bytes([0, 0, 1, 0], u16le(1), [2, 2, 0, 0], u16le(1), u16le(32), u32le(image.length), u32le(22), image);
}

/** A TIFF header in either byte order, its first IFD right after. */
export const tiff = (order: 'II' | 'MM') =>
	order === 'II' ? bytes('II*\0', u32le(8), u16le(0), zeros(4)) : bytes('MM\0*', u32be(8), [0, 0], zeros(4));

/** A RIFF container of the given form (WEBP, WAVE, AVI ) with its first chunk. */
export const riff = (form: string, chunk: string) => bytes('RIFF', u32le(4 + 8 + 10), form, chunk, u32le(10), zeros(10));

/** An ISO base media file's opening ftyp box. */
export const ftyp = (major: string, ...compatible: string[]) =>
	bytes(u32be(16 + 4 * compatible.length), 'ftyp', major, u32be(0), ...compatible, u32be(8), 'free');

export interface ZipEntry {
	name: string;
	data: string;
	/** Stored rather than deflated, as OpenDocument requires of its mimetype entry. */
	stored?: boolean;
}

/**
 * A ZIP archive with a central directory. With descriptors, each entry's
 * sizes follow its data (as streaming writers do) instead of its header.
 */
export function zip(entries: ZipEntry[], { descriptors = false } = {}): Buffer {
	const locals: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	for (const { name, data, stored = false } of entries) {
		const raw = Buffer.from(data, 'utf8');
		const body = stored ? raw : deflateRawSync(raw);
		const crc = crc32(raw);
		const method = stored ? 0 : 8;
		const flags = descriptors ? 8 : 0;
		const sizes = [...u32le(crc), ...u32le(body.length), ...u32le(raw.length)];
		const local = bytes(
			'PK\x03\x04',
			u16le(20),
			u16le(flags),
			u16le(method),
			zeros(4),
			descriptors ? zeros(12) : sizes,
			u16le(name.length),
			u16le(0),
			name,
			body,
			descriptors ? bytes('PK\x07\x08', sizes) : zeros(0)
		);
		central.push(
			bytes(
				...['PK\x01\x02', u16le(20), u16le(20), u16le(flags), u16le(method), zeros(4), sizes],
				...[u16le(name.length), zeros(12), u32le(offset), name]
			)
		);
		locals.push(local);
		offset += local.length;
	}
	const directory = Buffer.concat(central);
	const count = u16le(entries.length);
	return bytes(...locals, directory, 'PK\x05\x06', zeros(4), count, count, u32le(directory.length), u32le(offset), u16le(0));
}

/** An OpenDocument file: the uncompressed mimetype entry first, then the content. */
export const odf = (mimetype: string) =>
	zip([
		{ name: 'mimetype', data: mimetype, stored: true },
		{ name: 'content.xml', data: '<office:document-content/>' },
		{ name: 'META-INF/manifest.xml', data: '<manifest:manifest/>' }
	]);

/** An Office Open XML file: content types first, then the parts under the program's folder. */
export const ooxml = (folder: 'word' | 'xl' | 'ppt', options?: { descriptors?: boolean }) =>
	zip(
		[
			{ name: '[Content_Types].xml', data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
			{ name: '_rels/.rels', data: '<Relationships/>' },
			{ name: `${folder}/document.xml`, data: '<document/>' }
		],
		options
	);

/** A compound file (Office 97–2003) header: signature, version 3, little-endian, 512-byte sectors. */
export const ole2 = () =>
	bytes('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1', zeros(16), u16le(0x3e), u16le(3), [0xfe, 0xff], u16le(9), u16le(6), zeros(512 - 34));

/** An Ogg page whose one packet is the codec's identification header. */
export const ogg = (codecHeader: string) =>
	bytes('OggS', [0, 2], zeros(8), u32le(1), u32le(0), zeros(4), [1], [codecHeader.length + 11], codecHeader, zeros(11));

/** An EBML header naming its DocType, as Matroska and WebM files open. */
export function ebml(docType: string): Buffer {
	const body = bytes([0x42, 0x86, 0x81, 1], [0x42, 0xf7, 0x81, 1], [0x42, 0x82, 0x80 | docType.length], docType);
	return bytes([0x1a, 0x45, 0xdf, 0xa3, 0x80 | body.length], body, [0x18, 0x53, 0x80, 0x67]);
}

/** An MP3 opening with an ID3v2.3 tag, or with a bare MPEG-1 layer III frame (128 kbit/s, 44.1 kHz). */
export const mp3 = (withTag: boolean) =>
	withTag ? bytes('ID3', [3, 0, 0], zeros(4), [0xff, 0xfb, 0x90, 0x64], zeros(64)) : bytes([0xff, 0xfb, 0x90, 0x64], zeros(413));

export const gzip = () => gzipSync('Verbale del tavolo di co-progettazione');
export const sevenZip = () => bytes("7z\xbc\xaf'\x1c", [0, 4], zeros(26));
export const rar = (version: 4 | 5) => (version === 4 ? bytes('Rar!\x1a\x07\0', zeros(13)) : bytes('Rar!\x1a\x07\x01\0', zeros(13)));
export const flac = () => bytes('fLaC', [0x80, 0, 0, 34], zeros(34));
export const rtf = () => bytes('{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Patto di comunit\\u224? }');

/** Text in UTF-16 with its byte-order mark. */
export function utf16(text: string, order: 'le' | 'be'): Buffer {
	const le = Buffer.from(text, 'utf16le');
	return order === 'le' ? bytes([0xff, 0xfe], le) : bytes([0xfe, 0xff], Buffer.from(le).swap16());
}

export const utf8 = (text: string) => Buffer.from(text, 'utf8');
