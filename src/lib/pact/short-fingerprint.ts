// A fingerprint as pages show it in a list: the first digits people compare
// at a glance ("3f2a 9c01"). Apart from fingerprint.ts, which hashes with
// Node's crypto and is for the server only.
export const shortFingerprint = (fingerprint: string): string => `${fingerprint.slice(0, 4)} ${fingerprint.slice(4, 8)}`;
