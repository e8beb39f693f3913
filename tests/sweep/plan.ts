// Every request of the sweep, decided before the first is sent.
//
// Form actions: as each identity, the valid form (both as a page without
// scripts posts it and as `use:enhance` does), each hostile value in every
// field at once, JSON where a form is expected, a huge declared length and
// an empty body. As the viewer, who belongs to the network and so gets
// furthest into every action, also each hostile value in one field at a
// time with the others valid (so that it reaches the database when nothing
// else is wrong), in each route parameter, and the malformed multipart
// bodies. A value in every field goes one way or the other (form post,
// use:enhance) in turn; in one field, as use:enhance.
//
// Pages and GET endpoints: as each identity, no query, then every query
// parameter the app reads set to each hostile value at once; as the viewer,
// each parameter the route's code can read alone with a NUL (one bad
// parameter can hide another: a folder that does not exist is a 404 before
// the search runs), and each route parameter hostile.
//
// The file endpoints that stream past SvelteKit get the same treatment,
// with the file's name as the hostile field (multipart and raw).
import { FILE_NAME_HEADER } from '../../src/lib/files/api.ts';
import {
	HOSTILE_VALUES,
	MALFORMED_MULTIPART,
	MULTIPART_TYPE,
	json,
	malformedMultipart,
	marker,
	multipart,
	urlEncode,
	urlencoded,
	type Field,
	type HostileValue,
	type Text
} from './corpus.ts';
import type { Fixtures } from './database.ts';
import { literalsReachable, routePattern, type Route } from './discovery.ts';
import { actionFields, baseValues, everyField, withBase, type ActionField } from './fields.ts';
import { mergeFields, type RenderedForm } from './forms.ts';
import { IDENTITIES, type IdentityName } from './identities.ts';
import { fillRoute, type ParamValues } from './params.ts';

export interface SweepRequest {
	/** Its marker's number: `zzq<n>_` is in every text it sends. */
	n: number;
	identity: IdentityName;
	method: string;
	path: string;
	/** The route and action, as the summary counts them. */
	surface: string;
	/** What is hostile about it. */
	item: string;
	kind: 'action' | 'page' | 'endpoint' | 'upload';
	/** Origin and cookie are added when it is sent. */
	headers: Record<string, string>;
	body?: () => Buffer;
	endBody?: boolean;
	timeoutMs: number;
	/** An action answering JSON (`use:enhance`), whose outcome is in the body. */
	enhance?: boolean;
	/** What it typed as a password, which the log must never show. */
	password?: string;
}

type Planned = Omit<SweepRequest, 'n'>;

export interface Plan {
	requests: SweepRequest[];
	/** Routes left out because a parameter has no demo value: the coverage test names them. */
	missing: { route: string; params: string[] }[];
	/** Actions swept with every field the sweep knows, as no page renders their form. */
	guessed: string[];
	surfaces: { pages: number; actions: number; endpoints: number; uploads: number };
}

export interface PlanInput {
	routes: Route[];
	params: ParamValues;
	forms: RenderedForm[];
	queryParameters: string[];
	fixtures: Fixtures;
}

/** The file endpoints that src/serve.ts hands to this module before SvelteKit sees them: outside the route tree. */
const FILE_ENDPOINTS_CODE = 'src/lib/server/files/http.ts';
export const FILE_ENDPOINTS = [
	{ id: '/api/networks/[id]/files', method: 'POST', query: ['folder'] },
	{ id: '/api/files/[fileId]/versions', method: 'POST', query: [] },
	{ id: '/api/files/[fileId]', method: 'GET', query: [] }
] as const;

// Sent as a signed-in identity it would sign that identity out for the rest of the sweep.
const ENDS_SESSION = new Set(['/logout default']);

/** Ordinary request time limit; a request that has no answer by then hangs. */
const TIMEOUT_MS = 15_000;
/** A declared length the server must refuse at once, not wait for. */
export const HUGE_LENGTH = '10000000000';
const HUGE_TIMEOUT_MS = 3_000;

const valueNamed = (name: string) => HOSTILE_VALUES.find((v) => v.name === name)!;
const NUL = valueNamed('NUL');
/** The values made of bytes no string encodes to: a URL and a urlencoded body carry them percent-encoded or raw. */
const BYTE_VALUES = [valueNamed('lone surrogate, bytes ED A0 80'), valueNamed('invalid UTF-8, bytes FF FE')];
const PATH_VALUES = [NUL, ...BYTE_VALUES];
/** What a URL or a header carries of a value, and its name there. */
const inHead = (value: HostileValue, m: string): Text => (value.short ?? value.text)(m);
const nameInHead = (value: HostileValue) => (value.short ? `${value.short('').join('').length.toLocaleString('en')} characters` : value.name);

const FORM_HEADERS = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
const enhanceHeaders = (type: string) => ({ 'content-type': type, accept: 'application/json', 'x-sveltekit-action': 'true' });

export function planSweep(input: PlanInput): Plan {
	const requests: SweepRequest[] = [];
	const missing: Plan['missing'] = [];
	const guessed: string[] = [];
	const surfaces = { pages: 0, actions: 0, endpoints: 0, uploads: 0 };
	const bases = baseValues(input.fixtures);
	const add = (make: (m: string) => Planned) => {
		const n = requests.length;
		requests.push({ n, ...make(marker(n)) });
	};
	const fill = (routeId: string) => {
		const filled = fillRoute(routeId, input.params);
		if (!('missing' in filled)) return filled;
		missing.push({ route: routeId, params: filled.missing });
		return null;
	};
	/** The route's path with one parameter hostile. */
	const hostilePath = (routeId: string, param: string, text: Text) => {
		const filled = fillRoute(routeId, input.params, { name: param, encoded: urlEncode(text) });
		return 'path' in filled ? filled.path : '';
	};
	const formsPostingTo = (routeId: string, action: string | null) =>
		input.forms.filter((form) => {
			const [pathname, search = ''] = form.action.split('?');
			const name = search.startsWith('/') ? search.slice(1).split('&')[0] : 'default';
			return routePattern(routeId).test(pathname) && (action === null || name === action);
		});

	for (const route of input.routes) {
		if (route.page || route.methods.includes('GET')) {
			surfaces[route.page ? 'pages' : 'endpoints'] += 1;
			planGet(route.id, route.page ? 'page' : 'endpoint');
		}
		for (const method of route.methods.filter((m) => m !== 'GET' && m !== 'HEAD')) {
			surfaces.endpoints += 1;
			planAction(route.id, method, null, everyField(bases));
		}
		for (const action of route.actions) {
			surfaces.actions += 1;
			const key = `${route.id} ${action}`;
			const { fields, guessed: isGuess } = actionFields(key, formsPostingTo(route.id, action), bases);
			if (isGuess) guessed.push(key);
			planAction(route.id, 'POST', action, fields);
		}
	}
	for (const endpoint of FILE_ENDPOINTS) {
		surfaces[endpoint.method === 'GET' ? 'endpoints' : 'uploads'] += 1;
		if (endpoint.method === 'GET') planGet(endpoint.id, 'endpoint', [FILE_ENDPOINTS_CODE]);
		else planUpload(endpoint.id, endpoint.query, withBase(mergeFields(formsPostingTo(endpoint.id, null)), bases));
	}
	return { requests, missing, guessed, surfaces };

	function planGet(routeId: string, kind: 'page' | 'endpoint', code: string[] = []) {
		const filled = fill(routeId);
		if (!filled) return;
		const get = (identity: IdentityName, item: string, path: string): Planned => ({
			identity,
			method: 'GET',
			path,
			surface: `GET ${routeId}`,
			item,
			kind,
			headers: { accept: kind === 'page' ? 'text/html' : '*/*' },
			timeoutMs: TIMEOUT_MS
		});
		const query = (names: readonly string[], text: Text) => '?' + names.map((name) => `${name}=${urlEncode(text)}`).join('&');
		for (const identity of IDENTITIES) {
			add(() => get(identity, 'no query', filled.path));
			for (const value of HOSTILE_VALUES) {
				// Every parameter at this length would pass the 16 KiB a request's head may have: one is enough.
				const names = value.short ? ['q'] : input.queryParameters;
				add((m) => get(identity, `${nameInHead(value)} in ${value.short ? '?q' : 'every query parameter'}`, filled.path + query(names, inHead(value, m))));
			}
		}
		const readable = literalsReachable(routeId, code);
		for (const name of input.queryParameters.filter((p) => readable.has(p))) {
			add((m) => get('viewer', `NUL in ?${name}`, filled.path + query([name], NUL.text(m))));
		}
		for (const param of filled.params) {
			for (const value of PATH_VALUES) add((m) => get('viewer', `${value.name} in [${param}]`, hostilePath(routeId, param, value.text(m))));
		}
	}

	function planAction(routeId: string, method: string, action: string | null, fields: ActionField[]) {
		const filled = fill(routeId);
		if (!filled) return;
		const search = action && action !== 'default' ? `?/${action}` : '';
		const where = { method, path: filled.path + search, surface: `${method} ${routeId}${search}`, kind: 'action' as const, timeoutMs: TIMEOUT_MS };
		const valid = (m: string): Field[] => fields.map((field) => ({ name: field.name, value: [field.base(m)] }));
		const hostileIn = (m: string, value: HostileValue, only?: string): Field[] =>
			fields.map((field) =>
				only === undefined || field.name === only
					? { name: field.name, value: value.text(m), raw: value.rawInUrlencoded }
					: { name: field.name, value: [field.base(m)] }
			);
		const post = (identity: IdentityName, enhance: boolean, item: string, sent: Field[], path = where.path): Planned => {
			const password = sent.find((field) => field.name === 'password');
			return {
				...where,
				identity,
				path,
				item: `${item} (${enhance ? 'use:enhance' : 'form post'})`,
				headers: enhance ? enhanceHeaders(MULTIPART_TYPE) : FORM_HEADERS,
				body: () => (enhance ? multipart(sent).body : urlencoded(sent)),
				enhance,
				password: password && Buffer.concat(password.value.map((piece) => Buffer.from(piece))).toString('utf8')
			};
		};

		const identities: readonly IdentityName[] = ENDS_SESSION.has(`${routeId} ${action}`) ? ['anonymous'] : IDENTITIES;
		for (const identity of identities) {
			add((m) => post(identity, false, 'valid form', valid(m)));
			add((m) => post(identity, true, 'valid form', valid(m)));
			HOSTILE_VALUES.forEach((value, i) => add((m) => post(identity, i % 2 === 1, `${value.name} in every field`, hostileIn(m, value))));
			add((m) => ({
				...where,
				identity,
				item: 'JSON where a form is expected',
				headers: { 'content-type': 'application/json', accept: 'text/html' },
				body: () => json(valid(m))
			}));
			add((m) => ({
				...where,
				identity,
				item: `content-length ${HUGE_LENGTH} with a short body`,
				headers: { ...FORM_HEADERS, 'content-length': HUGE_LENGTH },
				body: () => urlencoded(valid(m)).subarray(0, 64),
				endBody: false,
				timeoutMs: HUGE_TIMEOUT_MS
			}));
			add(() => ({ ...where, identity, item: 'empty body', headers: { ...FORM_HEADERS, 'content-length': '0' } }));
		}
		if (!identities.includes('viewer')) return;
		for (const kind of MALFORMED_MULTIPART) {
			add((m) => {
				const broken = malformedMultipart(kind, valid(m), m);
				return { ...where, identity: 'viewer', item: kind, headers: enhanceHeaders(broken.type), body: () => broken.body, enhance: true };
			});
		}
		// As `use:enhance` sends it, the action's own answer comes back even where a page without scripts
		// is sent elsewhere by the page's load (a signed-in person on /signup); urlencoded too for the
		// values whose bytes that encoding carries differently.
		for (const field of fields) {
			for (const value of HOSTILE_VALUES) {
				add((m) => post('viewer', true, `${value.name} in ${field.name}`, hostileIn(m, value, field.name)));
				if (BYTE_VALUES.includes(value)) add((m) => post('viewer', false, `${value.name} in ${field.name}`, hostileIn(m, value, field.name)));
			}
		}
		for (const param of filled.params) {
			for (const value of PATH_VALUES) {
				add((m) => post('viewer', false, `${value.name} in [${param}]`, valid(m), hostilePath(routeId, param, value.text(m)) + search));
			}
		}
	}

	function planUpload(routeId: string, queryNames: readonly string[], fields: ActionField[]) {
		const filled = fill(routeId);
		if (!filled) return;
		const where = { method: 'POST', path: filled.path, surface: `POST ${routeId}`, kind: 'upload' as const, timeoutMs: TIMEOUT_MS };
		const content = (m: string) => Buffer.from(`sweep ${m}\n`);
		const formFields = (m: string, value?: HostileValue): Field[] =>
			fields.map((field) => ({ name: field.name, value: value ? value.text(m) : [field.base(m)] }));
		/** As a page without scripts sends it: multipart, the file in `files`. */
		const asForm = (identity: IdentityName, item: string, m: string, sent: Field[], filename: Text, path = filled.path): Planned => {
			const files = [{ field: 'files', filename, type: 'text/plain', content: content(m) }];
			return { ...where, identity, path, item, headers: { 'content-type': MULTIPART_TYPE, accept: 'text/html' }, body: () => multipart(sent, files).body };
		};
		/** As a script sends it: the bytes, named in a header. */
		const raw = (identity: IdentityName, item: string, m: string, name: Text, path = filled.path): Planned => ({
			...where,
			identity,
			path,
			item,
			headers: { 'content-type': 'application/octet-stream', accept: 'application/json', [FILE_NAME_HEADER]: urlEncode(name) },
			body: () => content(m)
		});
		const named = (m: string): Text => [`sweep-${m}.txt`];

		for (const identity of IDENTITIES) {
			add((m) => asForm(identity, 'valid form upload', m, formFields(m), named(m)));
			add((m) => raw(identity, 'valid raw upload', m, named(m)));
			for (const value of HOSTILE_VALUES) {
				add((m) => asForm(identity, `${value.name} in the file name and every field (form)`, m, formFields(m, value), value.text(m)));
				add((m) => raw(identity, `${nameInHead(value)} in ${FILE_NAME_HEADER} (raw)`, m, inHead(value, m)));
			}
			add((m) => ({
				...raw(identity, 'JSON instead of a file', m, named(m)),
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				body: () => json(formFields(m))
			}));
			add((m) => {
				const upload = raw(identity, `content-length ${HUGE_LENGTH} on a raw upload`, m, named(m));
				return { ...upload, headers: { ...upload.headers, 'content-length': HUGE_LENGTH }, endBody: false, timeoutMs: HUGE_TIMEOUT_MS };
			});
			add((m) => {
				const upload = asForm(identity, `content-length ${HUGE_LENGTH} on a form upload`, m, formFields(m), named(m));
				return { ...upload, headers: { ...upload.headers, 'content-length': HUGE_LENGTH }, endBody: false, timeoutMs: HUGE_TIMEOUT_MS };
			});
			add((m) => {
				const upload = raw(identity, 'empty raw upload', m, named(m));
				return { ...upload, headers: { ...upload.headers, 'content-length': '0' }, body: undefined };
			});
		}
		for (const kind of MALFORMED_MULTIPART) {
			add((m) => {
				const broken = malformedMultipart(kind, formFields(m), m);
				return { ...where, identity: 'viewer', item: kind, headers: { 'content-type': broken.type, accept: 'text/html' }, body: () => broken.body };
			});
		}
		for (const name of queryNames) {
			for (const value of HOSTILE_VALUES) {
				add((m) => asForm('viewer', `${nameInHead(value)} in ?${name}`, m, formFields(m), named(m), `${filled.path}?${name}=${urlEncode(inHead(value, m))}`));
			}
		}
		for (const param of filled.params) {
			for (const value of PATH_VALUES) add((m) => raw('viewer', `${value.name} in [${param}]`, m, named(m), hostilePath(routeId, param, value.text(m))));
		}
	}
}
