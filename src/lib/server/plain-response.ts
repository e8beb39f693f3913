import { STATUS_CODES } from 'node:http';

/**
 * A whole HTTP response in plain text, for writing straight on a socket that
 * no ServerResponse owns (a refused upgrade, a body cut off for being too
 * slow), and closing the connection after it.
 */
export function plainResponse(status: number, text: string): string {
	return (
		`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
		`Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`
	);
}
