import type { Queryable } from '../db/types.ts';
import { FIRST_STEPS, type FirstStep } from '../../first-steps.ts';

/**
 * The network's first steps as the database sees them, in order. Empty for
 * anyone but a facilitator: public.network_first_steps() decides.
 */
export async function readFirstSteps(tx: Queryable, networkId: string): Promise<FirstStep[]> {
	const { rows } = await tx.query<FirstStep>('select step, done from public.network_first_steps($1)', [networkId]);
	return rows.sort((a, b) => FIRST_STEPS.indexOf(a.step) - FIRST_STEPS.indexOf(b.step));
}
