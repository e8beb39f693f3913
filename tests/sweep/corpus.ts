// The hostile values and the ways a request carries them. Every value
// starts with its request's marker, `zzq<n>_`, so that text found in the
// database after the sweep names the one request that put it there.
//
// A value is a list of pieces: strings go on the wire as UTF-8, Buffers as
// the bytes they are, which is how a lone surrogate (ED A0 80) or bytes
// that are no UTF-8 at all (FF FE) reach the server: no JavaScript string
// encodes to them.

export type Text = (string | Buffer)[];

export interface HostileValue {
	name: string;
	text(marker: string): Text;
	/** Shorter where a URL or a header carries it: Node answers 431 to a head over 16 KiB, before the app sees it. */
	short?(marker: string): Text;
	/** In a urlencoded body its bytes go raw rather than percent-encoded. */
	rawInUrlencoded?: boolean;
}

export const marker = (n: number) => `zzq${n}_`;
export const MARKER = /zzq(\d+)_/g;

export const LONG_LENGTH = 100_000;
export const URL_LONG_LENGTH = 12_000;

export const HOSTILE_VALUES: HostileValue[] = [
	{ name: 'NUL', text: (m) => [`${m}a\u0000b`] },
	{ name: 'lone surrogate, bytes ED A0 80', text: (m) => [`${m}x`, Buffer.from([0xed, 0xa0, 0x80]), 'y'] },
	// As a string: JSON carries it as the escape \ud800; a form sends what the browser's encoder makes of it.
	{ name: 'lone surrogate, \\ud800', text: (m) => [`${m}x\ud800y`] },
	{ name: 'invalid UTF-8, bytes FF FE', text: (m) => [`${m}x`, Buffer.from([0xff, 0xfe]), 'y'], rawInUrlencoded: true },
	{ name: '100,000 characters', text: (m) => [m + 'x'.repeat(LONG_LENGTH)], short: (m) => [m + 'x'.repeat(URL_LONG_LENGTH)] },
	{ name: 'RTL override', text: (m) => [`${m}\u202Eabc`] },
	{ name: 'emoji', text: (m) => [`${m}👩‍👩‍👧 🇮🇹`] },
	{ name: 'SQL fragment', text: (m) => [`${m}'; drop table public.networks; --`] },
	{ name: 'HTML fragment', text: (m) => [`${m}<script>alert(1)</script><img src=x onerror=alert(1)>`] }
];


export interface Field {
	name: string;
	value: Text;
	/** Percent-encoding leaves the value's raw bytes alone. */
	raw?: boolean;
}

export interface FilePart {
	field: string;
	filename: Text;
	type: string;
	content: Buffer;
}

const UNRESERVED = /[A-Za-z0-9*\-._]/;

/** Bytes percent-encoded as application/x-www-form-urlencoded does (space as +). */
function percentEncode(bytes: Buffer, space = '+'): string {
	let out = '';
	for (const byte of bytes) {
		const char = String.fromCharCode(byte);
		if (byte < 0x80 && UNRESERVED.test(char)) out += char;
		else if (byte === 0x20) out += space;
		else out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
	}
	return out;
}

const bytesOf = (text: Text) => Buffer.concat(text.map((piece) => (typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece)));

/** The value as it stands in a URL (path segment or query), every byte that needs it percent-encoded. */
export function urlEncode(text: Text): string {
	return percentEncode(bytesOf(text), '%20');
}

export function urlencoded(fields: Field[]): Buffer {
	const pairs = fields.map(({ name, value, raw }) => {
		const encoded = value.map((piece) =>
			typeof piece === 'string' ? Buffer.from(percentEncode(Buffer.from(piece, 'utf8'))) : raw ? piece : Buffer.from(percentEncode(piece))
		);
		return Buffer.concat([Buffer.from(percentEncode(Buffer.from(name)) + '='), ...encoded]);
	});
	return Buffer.concat(pairs.flatMap((pair, i) => (i === 0 ? [pair] : [Buffer.from('&'), pair])));
}

export const BOUNDARY = '----TramaSweepBoundary7MA4YWxkTrZu0gW';
export const MULTIPART_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** A well-formed multipart/form-data body, as a browser's FormData sends it. */
export function multipart(fields: Field[], files: FilePart[] = []): { type: string; body: Buffer } {
	const parts: Buffer[] = [];
	for (const field of fields) {
		parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field.name}"\r\n\r\n`), bytesOf(field.value), Buffer.from('\r\n'));
	}
	for (const file of files) {
		parts.push(
			Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${file.field}"; filename="`),
			bytesOf(file.filename),
			Buffer.from(`"\r\nContent-Type: ${file.type}\r\n\r\n`),
			file.content,
			Buffer.from('\r\n')
		);
	}
	parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
	return { type: MULTIPART_TYPE, body: Buffer.concat(parts) };
}

/** The fields as one JSON object: strings escaped as JSON.stringify does (\ud800 included), raw bytes left raw. */
export function json(fields: Field[]): Buffer {
	const members = fields.map(({ name, value }) =>
		Buffer.concat([
			Buffer.from(`${JSON.stringify(name)}:"`),
			...value.map((piece) => (typeof piece === 'string' ? Buffer.from(JSON.stringify(piece).slice(1, -1)) : piece)),
			Buffer.from('"')
		])
	);
	return Buffer.concat([Buffer.from('{'), ...members.flatMap((m, i) => (i === 0 ? [m] : [Buffer.from(','), m])), Buffer.from('}')]);
}

/** Multipart bodies that are wrong as a whole: what a broken client or a fuzzer sends where a form is expected. */
export const MALFORMED_MULTIPART = [
	'multipart without a boundary',
	'multipart with a broken part header',
	'multipart with a NUL in a file name',
	'multipart cut off before its closing boundary'
] as const;

export function malformedMultipart(kind: (typeof MALFORMED_MULTIPART)[number], fields: Field[], m: string): { type: string; body: Buffer } {
	const { type, body } = multipart(fields);
	switch (kind) {
		case 'multipart without a boundary':
			return { type: 'multipart/form-data', body };
		case 'multipart with a broken part header': {
			const broken = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${fields[0]?.name ?? 'x'}\r\nno colon here\r\n\r\n${m}\r\n`;
			return { type, body: Buffer.concat([Buffer.from(broken), body]) };
		}
		case 'multipart with a NUL in a file name': {
			const file = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${m}a\u0000b.txt"\r\nContent-Type: text/plain\r\n\r\n${m}\r\n`;
			return { type, body: Buffer.concat([Buffer.from(file), body]) };
		}
		case 'multipart cut off before its closing boundary':
			return { type, body: body.subarray(0, Math.max(0, body.length - `--${BOUNDARY}--\r\n`.length - 7)) };
	}
}
