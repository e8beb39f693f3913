// Sends the plan's requests, a few at a time, and judges each answer: its
// status (for `use:enhance`, the action's own, inside the JSON) and whether
// it was a refusal, whose marker must then be nowhere in the database.
import type { IdentityName } from './identities.ts';
import { isAnswer, send, type Answer } from './http.ts';
import type { SweepRequest } from './plan.ts';

export interface Outcome {
	request: SweepRequest;
	/** Null when no answer came. */
	status: number | null;
	/** Refused: a 4xx, a redirect to sign in, an upload sent back with its error. */
	refused: boolean;
	ms: number;
	error?: string;
}

/** Enough requests in flight to keep the server busy on two cores, not so many that each waits long. */
const CONCURRENCY = 4;

// SvelteKit's answer to an enhanced action starts {"type":"failure","status":400,…}: read
// from the start, because a refusal that echoes 100,000 characters per field is kept cut short.
const ACTION_RESULT = /^\{"type":"(\w+)","status":(\d+)(?:,"location":"([^"]*)")?/;

function judge(request: SweepRequest, answer: Answer): Pick<Outcome, 'status' | 'refused'> {
	let status = answer.status;
	let location = String(answer.headers.location ?? '');
	const result = request.enhance ? ACTION_RESULT.exec(answer.body.subarray(0, 512).toString('utf8')) : null;
	if (result && (result[1] === 'failure' || result[1] === 'redirect')) {
		status = Number(result[2]);
		location = result[3] ?? location;
	}
	const refused = status >= 400 || /^(https?:\/\/[^/]+)?\/login\b/.test(location) || location.includes('upload_error=');
	return { status, refused };
}

export async function runPlan(origin: URL, requests: SweepRequest[], cookies: Record<IdentityName, string | null>): Promise<Outcome[]> {
	const outcomes: Outcome[] = [];
	let next = 0;
	const worker = async () => {
		while (next < requests.length) {
			const request = requests[next++];
			const body = request.body?.();
			const cookie = cookies[request.identity];
			const headers: Record<string, string> = {
				...(body && !('content-length' in request.headers) ? { 'content-length': String(body.length) } : {}),
				...request.headers,
				// SvelteKit refuses a form post from another origin, as a browser would send it.
				...(request.method === 'GET' ? {} : { origin: origin.origin }),
				...(cookie ? { cookie } : {})
			};
			const reply = await send(origin, { method: request.method, path: request.path, headers, body, endBody: request.endBody, timeoutMs: request.timeoutMs });
			outcomes[request.n] = isAnswer(reply)
				? { request, ...judge(request, reply), ms: reply.ms }
				: { request, status: null, refused: true, ms: reply.ms, error: reply.error };
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
	return outcomes;
}

/** One line per outcome, for a failure message: method, path, identity, what was hostile, the answer. */
export function describeOutcome({ request, status, error, ms }: Outcome): string {
	// Cut long, but keep the action after the path: `…/versions/<id>?/restore`.
	const cut = (text: string) => (text.length > 160 ? `${text.slice(0, 160)}…` : text);
	const [pathname, search] = request.path.split(/\?(.*)/s);
	const path = cut(pathname) + (search === undefined ? '' : `?${cut(search)}`);
	return `${request.method} ${path} as ${request.identity}: ${request.item} → ${error ?? status} in ${ms} ms [zzq${request.n}_]`;
}
