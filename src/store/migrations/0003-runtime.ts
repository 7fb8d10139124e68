// The agent runtime: sessions, turns, steps (crash-safe progress), approvals, usage.

import type { Kysely } from 'kysely';
import type { StoreDialect } from '../types.ts';

export async function up(_db: Kysely<unknown>, _dialect: StoreDialect): Promise<void> {}
