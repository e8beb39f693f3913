// What a sealed version's PDF says of itself so that a signed copy of it is
// recognised: its Keywords (in the document information dictionary, never
// compressed, ASCII only) hold exactly `trama-fingerprint:<64 hex digits>`.
// Written by export-pdf.ts, read by signature.ts.
export const FINGERPRINT_MARKER = 'trama-fingerprint:';

export const fingerprintMarker = (fingerprint: string): string => `${FINGERPRINT_MARKER}${fingerprint}`;
