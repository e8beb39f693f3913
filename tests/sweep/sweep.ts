// One whole sweep of one backend, in the order the checks need it: a
// database made ready, the built server started on it, everyone signed in,
// the forms read, every planned request sent, the server's health asked,
// a sign-up made to fail inside the database; then the server stopped and
// the database scanned. The tests judge what this returns.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { urlencoded } from './corpus.ts';
import { createDatabase, DEMO, FORCED_FAILURE_PREFIX, prepareDemo, type BackendName, type SweepDatabase } from './database.ts';
import { findMarkers, type StoredMarker } from './db-scan.ts';
import { discoverQueryParameters, discoverRoutes, ROOT } from './discovery.ts';
import { renderForms } from './forms.ts';
import { isAnswer, send, type Reply } from './http.ts';
import { signIn, signUpOutsider, type Session } from './identities.ts';
import { pagesForForms, paramValues } from './params.ts';
import { planSweep, type Plan } from './plan.ts';
import { runPlan, type Outcome } from './run-plan.ts';
import { startServer } from './server.ts';

export interface SweepRun {
	plan: Plan;
	outcomes: Outcome[];
	seconds: number;
	sessions: Session[];
	invitationToken: string;
	health: { healthz: string; viewerNetworkPage: string };
	forced: { email: string; password: string; reply: Reply };
	log: string;
	stored: StoredMarker[];
	/** Where the full lists of offenders are written. */
	reportDir: string;
	drop(): Promise<void>;
}

const statusOf = (reply: Reply) => (isAnswer(reply) ? String(reply.status) : reply.error);

/** A sign-up whose insert the forced-failure trigger refuses with the address and hash in its error. */
async function failSignUp(origin: URL): Promise<SweepRun['forced']> {
	const email = `${FORCED_FAILURE_PREFIX}.${randomBytes(4).toString('hex')}@example.test`;
	const password = `Forced-${randomBytes(6).toString('hex')}-passphrase`;
	const fields = { displayName: 'Fallita Apposta', organisation: '', email, password, locale: 'it' };
	const reply = await send(origin, {
		method: 'POST',
		path: '/signup',
		headers: { origin: origin.origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: urlencoded(Object.entries(fields).map(([name, value]) => ({ name, value: [value] }))),
		timeoutMs: 30_000
	});
	return { email, password, reply };
}

export async function sweepBackend(backend: BackendName): Promise<SweepRun> {
	const database: SweepDatabase = await createDatabase(backend);
	try {
		return await sweepOn(database);
	} catch (error) {
		await database.drop();
		throw error;
	}
}

async function sweepOn(database: SweepDatabase): Promise<SweepRun> {
	const fixtures = await prepareDemo(database);
	const server = await startServer(database);
	const { origin } = server;
	let result: Omit<SweepRun, 'log' | 'stored' | 'reportDir' | 'drop'>;
	try {
		const facilitator = await signIn(origin, DEMO.facilitator.email);
		const viewer = await signIn(origin, DEMO.viewer.email);
		const outsider = await signUpOutsider(origin);
		const routes = discoverRoutes();
		const params = paramValues(fixtures);
		const pages = pagesForForms(routes.filter((r) => r.page).map((r) => r.id), params, fixtures);
		const forms = await renderForms(origin, pages, [facilitator.cookie, null]);
		const plan = planSweep({ routes, params, forms, queryParameters: discoverQueryParameters(), fixtures });

		const started = performance.now();
		const outcomes = await runPlan(origin, plan.requests, { anonymous: null, outsider: outsider.cookie, viewer: viewer.cookie });
		const seconds = (performance.now() - started) / 1000;

		const healthz = await send(origin, { method: 'GET', path: '/healthz', headers: {}, timeoutMs: 15_000 });
		const networkPage = await send(origin, {
			method: 'GET',
			path: `/networks/${DEMO.network}`,
			headers: { accept: 'text/html', cookie: viewer.cookie },
			timeoutMs: 15_000
		});
		const forced = await failSignUp(origin);
		result = {
			plan,
			outcomes,
			seconds,
			sessions: [facilitator, viewer, outsider],
			invitationToken: fixtures.invitationToken,
			health: { healthz: statusOf(healthz), viewerNetworkPage: statusOf(networkPage) },
			forced
		};
	} finally {
		await server.stop();
	}
	const db = await database.open();
	let stored: StoredMarker[];
	try {
		stored = await findMarkers(db);
	} finally {
		await db.close();
	}
	const reportDir = path.join(ROOT, 'test-results/sweep', database.backend);
	rmSync(reportDir, { recursive: true, force: true });
	mkdirSync(reportDir, { recursive: true });
	writeFileSync(path.join(reportDir, 'server.log'), server.log());
	// Every request and its answer, for reading what the sweep did beyond its failures.
	const rows = result.outcomes.map(({ request, error, status, ms }) =>
		[request.n, request.identity, request.method, request.path.slice(0, 200), request.item, error ?? status, ms].join('\t')
	);
	writeFileSync(path.join(reportDir, 'requests.tsv'), ['n\tidentity\tmethod\tpath\titem\tstatus\tms', ...rows].join('\n') + '\n');
	return { ...result, log: server.log(), stored, reportDir, drop: () => database.drop() };
}

/** The lines for a failure message: all of them in a file, the first ones in the message. */
export function reported(run: SweepRun, name: string, lines: string[], shown = 150): string {
	const file = path.join(run.reportDir, `${name.replaceAll(' ', '-')}.txt`);
	writeFileSync(file, lines.join('\n') + '\n');
	const more = lines.length > shown ? `\n… and ${lines.length - shown} more` : '';
	return `${lines.length} ${name} (all in ${path.relative(ROOT, file)}):\n${lines.slice(0, shown).join('\n')}${more}`;
}
