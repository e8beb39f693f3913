import { hocuspocus } from './hocuspocus.ts';
import { trama } from './trama.ts';
import type { System, SystemName } from './types.ts';
import { yWebsocketServer } from './y-websocket-server.ts';

/** In the order every workload runs them. */
export const SYSTEMS: Record<SystemName, System> = {
	trama,
	hocuspocus,
	'y-websocket-server': yWebsocketServer
};
