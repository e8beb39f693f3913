// Issue 14: every form action, page and endpoint, found from the route
// tree, sent a corpus of hostile input as a visitor, as an outsider and as
// a viewer of the demo network, on the real built server. Nothing may fail
// with a 5xx or hang, nothing a refused request sent may be stored, the
// server must be well afterwards, and its log must hold no secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/lib/i18n/en.ts';
import { it as italian } from '../../src/lib/i18n/it.ts';
import { MARKER } from './corpus.ts';
import { DEMO, type BackendName } from './database.ts';
import { isAnswer } from './http.ts';
import { findLeaks, type Secret } from './log-check.ts';
import { HUGE_LENGTH } from './plan.ts';
import { describeOutcome } from './run-plan.ts';
import { reported, sweepBackend, type SweepRun } from './sweep.ts';

/** The calm error page's sentence with the request id in it, in either language. */
const ERROR_ID = [italian['errors.generic'], en['errors.generic']].map(
	(message) => new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\{id\\}', '([A-Za-z0-9_-]+)'))
);

/** At once, for a server answering a few requests at a time on two cores. */
const HUGE_ANSWERED_WITHIN_MS = 2_000;

const backends: { name: BackendName; skip?: string }[] = [
	{ name: 'pglite' },
	{ name: 'postgres', skip: process.env.TEST_DATABASE_URL ? undefined : 'skipped: TEST_DATABASE_URL is not set' }
];

for (const backend of backends) {
	describe.skipIf(Boolean(backend.skip))(`hostile-input sweep on ${backend.name}${backend.skip ? ` (${backend.skip})` : ''}`, () => {
		let run: SweepRun;

		beforeAll(async () => {
			run = await sweepBackend(backend.name);
			const { surfaces, requests, guessed } = run.plan;
			const byKind = new Map<string, number>();
			for (const request of requests) byKind.set(request.kind, (byKind.get(request.kind) ?? 0) + 1);
			const kinds = [...byKind].map(([kind, count]) => `${count} ${kind}`).join(', ');
			console.log(
				`sweep on ${backend.name}: ${surfaces.pages} pages, ${surfaces.actions} form actions, ${surfaces.endpoints} endpoints, ` +
					`${surfaces.uploads} upload endpoints; ${requests.length} requests (${kinds}) in ${run.seconds.toFixed(1)} s ` +
					`(${(requests.length / run.seconds).toFixed(0)}/s)` +
					(guessed.length ? `\nactions swept with every field the sweep knows, as no page renders their form: ${guessed.join('; ')}` : '')
			);
		});

		afterAll(async () => {
			await run?.drop();
		});

		it('knows a demo value for every route parameter', () => {
			const advice = run.plan.missing.map(
				({ route, params }) =>
					`${route}: no value for ${params.map((p) => `[${p}]`).join(', ')}; add a real demo value to paramValues() in tests/sweep/params.ts`
			);
			expect(advice, advice.join('\n')).toEqual([]);
		});

		it('answers every request, none with a 5xx', () => {
			const offenders = run.outcomes.filter((o) => o.error !== undefined || (o.status ?? 0) >= 500).map(describeOutcome);
			expect(offenders, reported(run, 'offenders', offenders)).toEqual([]);
		});

		it(`refuses a declared content-length of ${HUGE_LENGTH} at once, with a 413 where it reads the body`, () => {
			// Answered without reading the body (a redirect to sign in, a 403) is fine; a 400 read the
			// length as a malformed form; anything slower than this waited for bytes that never come.
			const offenders = run.outcomes
				.filter((o) => o.request.item.includes(`content-length ${HUGE_LENGTH}`))
				.filter((o) => o.status === 400 || o.ms > HUGE_ANSWERED_WITHIN_MS)
				.map(describeOutcome);
			expect(offenders, reported(run, 'slow-or-400-to-huge-length', offenders)).toEqual([]);
		});

		it('stores nothing a refused request sent', () => {
			const refused = run.stored.filter((found) => run.outcomes[found.n]?.refused);
			// A failed sign-in is counted by a hash of the address typed, so that bookkeeping shows up here too if it ever keeps the address.
			const stored = refused.map((found) => `${found.table} holds ${describeOutcome(run.outcomes[found.n])}\n    ${found.excerpt}`);
			expect(stored, reported(run, 'stored', stored)).toEqual([]);
		});

		it('is healthy after the sweep: /healthz and the viewer’s network page answer 200', () => {
			expect(run.health).toEqual({ healthz: '200', viewerNetworkPage: '200' });
		});

		it('answers a database failure during sign-up with the calm error page and its request id, logged by that id without the address or password', () => {
			const { reply, email, password } = run.forced;
			expect(isAnswer(reply) && reply.status, 'status of the failed sign-up').toBe(500);
			const html = isAnswer(reply) ? reply.body.toString('utf8') : '';
			const id = ERROR_ID.map((pattern) => pattern.exec(html)?.[1]).find(Boolean);
			expect(id, `the error page shows no request id:\n${html.slice(0, 2000)}`).toBeTruthy();
			const lines = run.log.split('\n');
			const logged = lines.some((line) => {
				try {
					return (JSON.parse(line) as { requestId?: string }).requestId === id;
				} catch {
					return false;
				}
			});
			const mentions = lines.filter((line) => line.includes(id!)).slice(0, 5);
			expect(logged, `no JSON log line has requestId "${id}"; lines that mention it:\n${mentions.join('\n') || '(none)'}`).toBe(true);
			const kept = [
				run.log.includes(email) && 'the address',
				run.log.includes(password) && 'the password',
				run.log.includes('scrypt$') && 'a password hash (scrypt$…)'
			].filter(Boolean);
			expect(kept, `the log keeps ${kept.join(', ')} of the failed sign-up`).toEqual([]);
		});

		it('logs no password, hash, token, cookie or email', () => {
			const markersInLog = new Set([...run.log.matchAll(MARKER)].map((match) => Number(match[1])));
			const secrets: Secret[] = [
				{ what: 'the demo password', value: DEMO.password },
				...run.sessions.flatMap((session) => [
					{ what: `the password of ${session.email}`, value: session.password },
					...session.tokens.map((token) => ({ what: `the session token of ${session.email}`, value: token }))
				]),
				{ what: 'the invitation token', value: run.invitationToken },
				// Every typed password carries its request's marker: only those whose marker is in the log can be.
				...run.outcomes
					.filter((o) => o.request.password && markersInLog.has(o.request.n))
					.map((o) => ({ what: `the password typed by ${describeOutcome(o)}`, value: o.request.password! }))
			];
			const leaks = findLeaks(run.log, secrets);
			expect(leaks, reported(run, 'log-leaks', leaks)).toEqual([]);
		});
	});
}
