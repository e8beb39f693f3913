import type { FilesConfig } from '../config.ts';
import { openDiskStore } from './disk.ts';
import type { FileStore } from './store.ts';

/**
 * The store the settings name: local disk by default, Supabase Storage when
 * the Supabase settings are present (supabase-js is loaded only then).
 */
export function openStore(config: FilesConfig['store']): Promise<FileStore> {
	return config.kind === 'disk' ? openDiskStore(config.dir) : import('./supabase.ts').then((m) => m.openSupabaseStore(config));
}
