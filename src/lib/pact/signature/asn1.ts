// Two small helpers for walking parsed ASN.1 and comparing hashes.
import * as asn1js from 'asn1js';

/** The elements of a constructed ASN.1 value; none for anything else (so a walk never throws). */
export function children(node: unknown): unknown[] {
	return node instanceof asn1js.Constructed ? [...node.valueBlock.value] : [];
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
