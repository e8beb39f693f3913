import type { LayoutServerLoad } from './$types';

export const load = (({ locals }) => ({
	locale: locals.locale,
	user: locals.user && locals.profile ? { id: locals.user.id, displayName: locals.profile.displayName } : null
})) satisfies LayoutServerLoad;
