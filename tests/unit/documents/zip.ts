import { crc32, inflateRawSync } from 'node:zlib';

/**
 * The files of a zip archive by name, read through its central directory and
 * each checked against its CRC: enough to prove a .docx is a sound zip
 * without depending on a zip library the app itself does not use.
 */
export function unzipBytes(bytes: Uint8Array): Map<string, Buffer> {
	const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	if (end < 0) throw new Error('not a zip archive: no end of central directory');
	const files = new Map<string, Buffer>();
	let at = zip.readUInt32LE(end + 16);
	for (let i = zip.readUInt16LE(end + 10); i > 0; i--) {
		if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('corrupt central directory');
		const nameLength = zip.readUInt16LE(at + 28);
		const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
		const local = zip.readUInt32LE(at + 42);
		const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
		const stored = zip.subarray(start, start + zip.readUInt32LE(at + 20));
		const data = zip.readUInt16LE(at + 10) === 0 ? stored : inflateRawSync(stored);
		if (crc32(data) !== zip.readUInt32LE(at + 16)) throw new Error(`CRC mismatch in ${name}`);
		files.set(name, data);
		at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
	}
	return files;
}

/** The text files of a zip archive (every file, read as UTF-8). */
export function unzip(bytes: Uint8Array): Map<string, string> {
	return new Map([...unzipBytes(bytes)].map(([name, data]) => [name, data.toString('utf8')]));
}
