// Migrations in order, as TS modules listed explicitly (no directory scanning), each told which
// backend it runs on. Names sort in the order they run; a released migration is never edited —
// a change is a new one.

import type { Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';
import type { StoreDialect } from '../types.ts';
import * as audit from './0001-audit.ts';
import * as registry from './0002-registry.ts';
import * as runtime from './0003-runtime.ts';
import * as dingtalk from './0004-dingtalk.ts';

interface MigrationModule {
  up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void>;
}

const MIGRATIONS: ReadonlyArray<readonly [string, MigrationModule]> = [
  ['0001-audit', audit],
  ['0002-registry', registry],
  ['0003-runtime', runtime],
  ['0004-dingtalk', dingtalk],
];

export function migrationProvider(dialect: StoreDialect): MigrationProvider {
  return {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, module] of MIGRATIONS) out[name] = { up: (db) => module.up(db as Kysely<unknown>, dialect) };
      return out;
    },
  };
}

