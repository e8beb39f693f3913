import { hocuspocus } from './hocuspocus.ts';
import { trama, tramaRedis } from './trama.ts';
import type { System, SystemName } from './types.ts';
import { yWebsocketServer } from './y-websocket-server.ts';

/** In the order every workload runs them. */
export const SYSTEMS: Record<SystemName, System> = {
	trama,
	'trama-redis': tramaRedis,
	hocuspocus,
	'y-websocket-server': yWebsocketServer
};
