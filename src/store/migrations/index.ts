// Migrations in order, as TS modules listed explicitly (no directory scanning), each told which
// backend it runs on. Names sort in the order they run; a released migration is never edited —
// a change is a new one. Planned next: sessions, turns, steps, approvals, skills, messages.

import type { Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';
import type { StoreDialect } from '../types.ts';
import * as audit from './0001-audit.ts';

interface MigrationModule {
  up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void>;
}

const MIGRATIONS: ReadonlyArray<readonly [string, MigrationModule]> = [['0001-audit', audit]];

export function migrationProvider(dialect: StoreDialect): MigrationProvider {
  return {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, module] of MIGRATIONS) out[name] = { up: (db) => module.up(db as Kysely<unknown>, dialect) };
      return out;
    },
  };
}

