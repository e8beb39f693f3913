// What the app answers, read from its source rather than listed by hand, so
// that a route added tomorrow is swept without anyone remembering: the
// route tree's pages, form actions and endpoint methods (with the
// TypeScript compiler, which reads `export const actions = { … } satisfies
// Actions` however it is laid out), and the query parameters the code reads.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ROUTES = path.join(ROOT, 'src/routes');

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
/** What an endpoint's `fallback` handler is probed with: every method it would catch that has a body. */
const FALLBACK_PROBES = ['POST', 'PUT', 'PATCH', 'DELETE'];

export interface Route {
	/** SvelteKit's route id: `/networks/[id]/documents/[docId]`. */
	id: string;
	/** A +page: answers GET with a page. */
	page: boolean;
	/** Names of the +page.server.ts form actions (`default` for an unnamed one). */
	actions: string[];
	/** Methods of the +server.ts endpoint. */
	methods: string[];
}

/** Every route under src/routes with a page, form actions or an endpoint. */
export function discoverRoutes(dir = ROUTES): Route[] {
	const routes: Route[] = [];
	const visit = (folder: string) => {
		const entries = readdirSync(folder, { withFileTypes: true });
		const files = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
		const page = ['+page.svelte', '+page.ts', '+page.js', '+page.server.ts', '+page.server.js'].some((f) => files.has(f));
		const pageServer = ['+page.server.ts', '+page.server.js'].find((f) => files.has(f));
		const endpoint = ['+server.ts', '+server.js'].find((f) => files.has(f));
		const actions = pageServer ? exportedActions(path.join(folder, pageServer)) : [];
		const methods = endpoint ? exportedMethods(path.join(folder, endpoint)) : [];
		if (page || methods.length > 0) {
			routes.push({ id: '/' + path.relative(dir, folder).split(path.sep).filter(Boolean).join('/'), page, actions, methods });
		}
		for (const entry of entries) if (entry.isDirectory()) visit(path.join(folder, entry.name));
	};
	visit(dir);
	return routes.sort((a, b) => a.id.localeCompare(b.id));
}

function parse(file: string): ts.SourceFile {
	return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

const isExported = (node: ts.Node) =>
	ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** `x satisfies T`, `x as T`, `(x)`: the expression inside. */
function unwrap(node: ts.Expression): ts.Expression {
	while (ts.isSatisfiesExpression(node) || ts.isAsExpression(node) || ts.isParenthesizedExpression(node)) node = node.expression;
	return node;
}

/** Names a module exports: `export const X`, `export function X`, `export { a as X }`. */
function exportedDeclarations(source: ts.SourceFile): Map<string, ts.Expression | null> {
	const found = new Map<string, ts.Expression | null>();
	for (const statement of source.statements) {
		if (ts.isVariableStatement(statement) && isExported(statement)) {
			for (const declaration of statement.declarationList.declarations) {
				if (ts.isIdentifier(declaration.name)) found.set(declaration.name.text, declaration.initializer ?? null);
			}
		} else if (ts.isFunctionDeclaration(statement) && isExported(statement) && statement.name) {
			found.set(statement.name.text, null);
		} else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
			for (const specifier of statement.exportClause.elements) found.set(specifier.name.text, null);
		}
	}
	return found;
}

function exportedActions(file: string): string[] {
	const source = parse(file);
	const declared = exportedDeclarations(source);
	if (!declared.has('actions')) return [];
	const value = declared.get('actions');
	const object = value ? unwrap(value) : null;
	if (!object || !ts.isObjectLiteralExpression(object)) {
		throw new Error(`${path.relative(ROOT, file)}: \`export const actions\` is not an object literal the sweep can read`);
	}
	return object.properties.map((property) => {
		const name = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : null;
		if (!name) throw new Error(`${path.relative(ROOT, file)}: an action with a computed name (${property.getText()})`);
		return name;
	});
}

function exportedMethods(file: string): string[] {
	const names = [...exportedDeclarations(parse(file)).keys()];
	const methods = names.filter((name) => (HTTP_METHODS as readonly string[]).includes(name));
	if (names.includes('fallback')) for (const probe of FALLBACK_PROBES) if (!methods.includes(probe)) methods.push(probe);
	return methods;
}

/** A route id's segment as the URL has it: a group `(x)` has none; a parameter is named, with its kind. */
export type Segment =
	| { kind: 'static'; text: string }
	| { kind: 'param'; name: string; optional: boolean; rest: boolean };

export function segments(routeId: string): Segment[] {
	return routeId
		.split('/')
		.filter((part) => part && !/^\(.*\)$/.test(part))
		.map((part): Segment => {
			const param = /^\[(\[)?(\.\.\.)?([^\]=]+)(?:=[^\]]+)?\]?\]$/.exec(part);
			if (!param && part.includes('[')) throw new Error(`${routeId}: the sweep cannot fill a parameter inside "${part}"`);
			if (!param) return { kind: 'static', text: part };
			return { kind: 'param', name: param[3], optional: Boolean(param[1]), rest: Boolean(param[2]) };
		});
}

/** A pathname that the route id matches: each parameter one segment, a rest parameter any number. */
export function routePattern(routeId: string): RegExp {
	const parts = segments(routeId).map((segment) => {
		if (segment.kind === 'static') return '/' + segment.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		if (segment.rest) return '(?:/.*)?';
		return segment.optional ? '(?:/[^/]+)?' : '/[^/]+';
	});
	return new RegExp(`^${parts.join('') || '/'}/?$`);
}

// The map filter reads these through a helper that takes the name as a
// variable (`pick('category', …)`), where no grep sees them.
const READ_BY_NAME = ['category', 'system', 'target', 'partner'];

/** The query parameters the app reads anywhere: `searchParams.get('q')`, `params.has('deleted')`… */
export function discoverQueryParameters(dir = path.join(ROOT, 'src')): string[] {
	const names = new Set(READ_BY_NAME);
	const read = /\b(?:searchParams|params|query)\.(?:get|getAll|has)\(\s*['"]([^'"]+)['"]\s*\)/g;
	const visit = (folder: string) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const file = path.join(folder, entry.name);
			if (entry.isDirectory()) visit(file);
			else if (/\.(ts|js|svelte)$/.test(entry.name)) for (const match of readFileSync(file, 'utf8').matchAll(read)) names.add(match[1]);
		}
	};
	visit(dir);
	return [...names].sort();
}

const SRC = path.join(ROOT, 'src');

function resolveImport(from: string, specifier: string): string | null {
	const base = specifier.startsWith('$lib/')
		? path.join(SRC, 'lib', specifier.slice('$lib/'.length))
		: specifier.startsWith('.')
			? path.resolve(path.dirname(from), specifier)
			: null;
	if (!base) return null;
	const candidates = [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, `${base}.svelte`, path.join(base, 'index.ts')];
	return candidates.find((file) => existsSync(file) && statSync(file).isFile()) ?? null;
}

/** A module's own string literals and the src files it imports, read once for all routes. */
const modules = new Map<string, { literals: string[]; imports: string[] }>();

function readModule(file: string) {
	let known = modules.get(file);
	if (known) return known;
	let text = readFileSync(file, 'utf8');
	if (file.endsWith('.svelte')) text = [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
	known = { literals: [], imports: [] };
	const found = known;
	const visit = (node: ts.Node) => {
		if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
			const imported = resolveImport(file, node.moduleSpecifier.text);
			if (imported) found.imports.push(imported);
			return;
		}
		if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.literals.push(node.text);
		ts.forEachChild(node, visit);
	};
	visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS));
	modules.set(file, known);
	return known;
}

/**
 * Every string literal in the code a route runs (its own files, its
 * layouts', the hooks, and all they import from src), used to tell which
 * query parameters it could read: a parameter's name is a literal wherever
 * it is read, `params.get('q')` or a helper's `pick('category', …)`.
 * `entries` adds code outside the route tree (the file endpoints').
 */
export function literalsReachable(routeId: string, entries: string[] = []): Set<string> {
	const literals = new Set<string>();
	const seen = new Set<string>();
	const visit = (file: string) => {
		if (seen.has(file)) return;
		seen.add(file);
		const { literals: own, imports } = readModule(file);
		for (const literal of own) literals.add(literal);
		for (const imported of imports) visit(imported);
	};
	const routeFiles = (dir: string, prefix: string) =>
		existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith(prefix)).map((f) => path.join(dir, f)) : [];
	const own = path.join(ROUTES, routeId);
	const files = [...entries.map((file) => path.join(ROOT, file)), ...routeFiles(own, '+page'), ...routeFiles(own, '+server'), ...routeFiles(SRC, 'hooks')];
	for (let dir = own; dir.startsWith(ROUTES); dir = path.dirname(dir)) files.push(...routeFiles(dir, '+layout'));
	for (const file of files) visit(file);
	return literals;
}
