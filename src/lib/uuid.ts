const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value from a URL or a form is a UUID, the form of every id in Trama, in any case. */
export const isUuid = (value: string): boolean => UUID.test(value);
