import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { runtime } from '$lib/server/runtime';

export const load = () => redirect(303, '/');

export const actions = {
	default: async ({ locals }) => {
		const { auth } = await runtime();
		await auth.signOut(locals.authContext);
		redirect(303, '/login');
	}
} satisfies Actions;
