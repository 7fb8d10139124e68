// Opens the store the way every command does: WARDEN_DATABASE_URL, then the config's
// `database.url`, else SQLite in the data directory. The caller passes the environment in (only
// entry points read process.env).

import type { LoadedConfig } from '../config/index.ts';
import { openStore } from './open-store.ts';
import type { Store } from './types.ts';

export function openStoreFromConfig(loaded: LoadedConfig, env: Readonly<Record<string, string | undefined>>): Promise<Store> {
  const databaseUrl = env.WARDEN_DATABASE_URL || loaded.config.database.url;
  return openStore(databaseUrl ? { databaseUrl } : { home: loaded.home, busyTimeoutMs: loaded.config.database.busyTimeoutMs });
}
