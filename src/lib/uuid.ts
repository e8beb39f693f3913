const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value from a URL or a form is a UUID, the form of every id in Trama, in any case. */
export const isUuid = (value: string): boolean => UUID.test(value);

/**
 * A new version-4 UUID, made in the browser too. crypto.randomUUID exists
 * only in secure contexts, and an intranet server reached over plain http is
 * not one; getRandomValues is everywhere, so the UUID is built from it there.
 */
export function newUuid(): string {
	if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	bytes[6] = (bytes[6] & 0x0f) | 0x40;
	bytes[8] = (bytes[8] & 0x3f) | 0x80;
	const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
