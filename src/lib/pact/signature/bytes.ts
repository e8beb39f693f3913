// Small helpers over raw bytes. A signed file may be tens of megabytes: searching
// its bytes directly is fast, where decoding all of it to a string first is not
// (TextDecoder's latin1 takes seconds on 40 MB).
import * as asn1js from 'asn1js';

/** The elements of a constructed ASN.1 value; none for anything else (so a walk never throws). */
export function children(node: unknown): unknown[] {
	return node instanceof asn1js.Constructed ? [...node.valueBlock.value] : [];
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** The bytes of an ASCII text. */
export function ascii(text: string): Uint8Array {
	return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** One character per byte, for short stretches of a file read as text. */
export function latin1(bytes: Uint8Array): string {
	return new TextDecoder('latin1').decode(bytes);
}

/** Where `needle` first occurs in `haystack` at or after `from`, or -1. */
export function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
	const last = haystack.length - needle.length;
	for (let i = haystack.indexOf(needle[0], from); i !== -1 && i <= last; i = haystack.indexOf(needle[0], i + 1)) {
		if (startsWith(haystack, needle, i)) return i;
	}
	return -1;
}

/** Where `needle` last occurs in `haystack`, or -1. */
export function lastIndexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
	const last = haystack.length - needle.length;
	if (last < 0) return -1;
	// A negative fromIndex would count from the end: stop at 0 instead.
	for (let i = haystack.lastIndexOf(needle[0], last); i >= 0; i = i > 0 ? haystack.lastIndexOf(needle[0], i - 1) : -1) {
		if (startsWith(haystack, needle, i)) return i;
	}
	return -1;
}

function startsWith(haystack: Uint8Array, needle: Uint8Array, at: number): boolean {
	for (let j = 1; j < needle.length; j++) if (haystack[at + j] !== needle[j]) return false;
	return true;
}
