// One request on a connection of its own, through node:http so that nothing
// is checked or fixed on the way out: a Content-Length that the body does
// not match, raw bytes in a body, a body that never ends.
import http, { type IncomingHttpHeaders } from 'node:http';

export interface Outgoing {
	method: string;
	/** Path and query, already percent-encoded. */
	path: string;
	headers: Record<string, string>;
	body?: Buffer;
	/** False leaves the body open, as a client that declared more than it sends. */
	endBody?: boolean;
	timeoutMs: number;
}

export interface Answer {
	status: number;
	headers: IncomingHttpHeaders;
	/** At most BODY_KEPT bytes of it. */
	body: Buffer;
	ms: number;
}

export type Reply = Answer | { error: string; ms: number };

const BODY_KEPT = 256 * 1024;

export function send(origin: URL, outgoing: Outgoing): Promise<Reply> {
	const started = performance.now();
	const elapsed = () => Math.round(performance.now() - started);
	return new Promise((resolve) => {
		let done = false;
		const finish = (reply: Reply) => {
			if (done) return;
			done = true;
			clearTimeout(timer);
			resolve(reply);
			request.destroy();
		};
		const request = http.request({
			host: origin.hostname,
			port: origin.port,
			method: outgoing.method,
			path: outgoing.path,
			// Keep-alive, as browsers ask: a server that answers before it has read a
			// body (a refusal, a 413) then drains the rest, where with
			// `connection: close` it closes on a client still writing (EPIPE).
			headers: { connection: 'keep-alive', ...outgoing.headers },
			agent: false
		});
		const timer = setTimeout(() => finish({ error: `no answer within ${outgoing.timeoutMs / 1000} s`, ms: elapsed() }), outgoing.timeoutMs);
		request.on('response', (response) => {
			const answer = (body: Buffer): Answer => ({ status: response.statusCode ?? 0, headers: response.headers, body, ms: elapsed() });
			// A live channel streams for as long as the page is open: its headers are the answer.
			if ((response.headers['content-type'] ?? '').startsWith('text/event-stream')) return finish(answer(Buffer.alloc(0)));
			const chunks: Buffer[] = [];
			let kept = 0;
			response.on('data', (chunk: Buffer) => {
				if (kept < BODY_KEPT) chunks.push(chunk);
				kept += chunk.length;
			});
			// A body cut short still came with its status, which is what the sweep judges.
			response.on('close', () => finish(answer(Buffer.concat(chunks))));
		});
		request.on('error', (error: NodeJS.ErrnoException) => finish({ error: `connection failed: ${error.code ?? error.message}`, ms: elapsed() }));
		if (outgoing.body) request.write(outgoing.body);
		if (outgoing.endBody !== false) request.end();
		else request.flushHeaders();
	});
}

/** `name=value` of each cookie a response sets (not those it deletes). */
export function setCookies(answer: Answer): string[] {
	const headers = answer.headers['set-cookie'] ?? [];
	return headers.map((header) => header.split(';')[0]).filter((pair) => !/^[^=]+=$/.test(pair));
}

export const isAnswer = (reply: Reply): reply is Answer => 'status' in reply;
