// Opens the store: PostgreSQL when a URL is given, else SQLite in the data directory; then brings
// the schema up to date. Failing to connect or migrate is a WardenError naming the database (never
// its password) and the fix.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect, type Dialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { WardenError } from '../core/index.ts';
import { migrationProvider } from './migrations/index.ts';
import type { Database } from './schema.ts';
import { createNodeSqliteDialect } from './sqlite-dialect.ts';
import type { OpenStoreOptions, Store, StoreDialect } from './types.ts';

export const SQLITE_FILE = 'warden.db';

const INT8_OID = 20;

/** The URL with its password masked (in the authority and in a `password=` parameter), for messages. */
export function describeDatabaseUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@?#]*:)[^@/?#]*@/i, '$1***@').replace(/([?&]password=)[^&#]*/gi, '$1***');
}

function postgresDialect(url: string, poolSize: number): Dialect {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    application_name: 'warden',
    // bigint columns (audit seq) come back as numbers, as they do on SQLite; values stay far below 2^53.
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser },
  });
  // An idle client losing its server (restart, failover) must not crash the process; the next
  // query gets a fresh client and reports its own error.
  pool.on('error', () => {});
  return new PostgresDialect({ pool });
}

function sqliteFile(home: string | undefined): string {
  if (!home) throw new Error('openStore: give `home` (data directory) or `databaseUrl`');
  try {
    mkdirSync(home, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new WardenError('store-unavailable', `cannot create the data directory ${home}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; set WARDEN_HOME to a writable directory`, { home });
  }
  return join(home, SQLITE_FILE);
}

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const dialect: StoreDialect = options.databaseUrl ? 'postgres' : 'sqlite';
  const where = options.databaseUrl ? describeDatabaseUrl(options.databaseUrl) : sqliteFile(options.home);
  const db = new Kysely<Database>({
    dialect: options.databaseUrl
      ? postgresDialect(options.databaseUrl, options.poolSize ?? 10)
      : createNodeSqliteDialect({ file: where, busyTimeoutMs: options.busyTimeoutMs ?? 5000 }),
  });
  const hint = dialect === 'postgres' ? 'check WARDEN_DATABASE_URL and that the server is running' : 'check that the data directory is writable and not on a network file system';
  try {
    const migrator = new Migrator({
      db,
      provider: migrationProvider(dialect),
      migrationTableName: 'warden_migration',
      migrationLockTableName: 'warden_migration_lock',
    });
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw error;
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    if (failed) throw new Error(`migration ${failed} failed`);
  } catch (error) {
    await db.destroy().catch(() => {});
    throw new WardenError('store-unavailable', `cannot open database ${where}: ${(error as Error)?.message ?? String(error)}; ${hint}`, { where });
  }
  let closed = false;
  return {
    dialect,
    db,
    transaction: (fn) => db.transaction().execute(fn),
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
