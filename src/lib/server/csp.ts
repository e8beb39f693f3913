// The Content-Security-Policy is written once in svelte.config.js, at build
// time; sources chosen by the operator at run time (the map's tile server)
// are added to each page's header on the way out.

/** `policy` with `source` added to its img-src directive, or the policy unchanged when it has none. */
export function allowImagesFrom(policy: string, source: string): string {
	return policy
		.split(';')
		.map((directive) => {
			const [name, ...sources] = directive.trim().split(/\s+/);
			if (name !== 'img-src' || sources.includes(source)) return directive;
			return ` ${[name, ...sources, source].join(' ')}`;
		})
		.join(';')
		.trim();
}
