// The skill registry: skills, their versions by content hash, scan reports, approvals.

import type { Kysely } from 'kysely';
import type { StoreDialect } from '../types.ts';

export async function up(_db: Kysely<unknown>, _dialect: StoreDialect): Promise<void> {}
