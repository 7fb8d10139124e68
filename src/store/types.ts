// The store's small interface: a Kysely instance over one of two backends, and a transaction helper.

import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

export type StoreDialect = 'sqlite' | 'postgres';

export interface OpenStoreOptions {
  /** PostgreSQL connection string (WARDEN_DATABASE_URL); when set, PostgreSQL is used. */
  databaseUrl?: string;
  /** Data directory holding the SQLite file `warden.db`; created when missing. Needed without databaseUrl. */
  home?: string;
  /** Milliseconds a writer waits for SQLite's lock held by another process (default 5000). */
  busyTimeoutMs?: number;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
}

export interface Store {
  readonly dialect: StoreDialect;
  readonly db: Kysely<Database>;
  /**
   * Runs fn in one transaction: committed when fn resolves, rolled back when it throws. On SQLite it
   * holds the database's write lock from the start (BEGIN IMMEDIATE), so transactions are serialised.
   */
  transaction<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
  /** Closes the connection or pool; the store cannot be used afterwards. */
  close(): Promise<void>;
}
