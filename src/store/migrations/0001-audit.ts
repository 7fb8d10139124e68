// The audit chain: events and the head row that serialises appends.

import type { Kysely } from 'kysely';
import type { StoreDialect } from '../types.ts';

const GENESIS_HASH = '0'.repeat(64);

export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const big = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('audit_events')
    .addColumn('seq', big, (c) => c.primaryKey())
    .addColumn('time', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('principal', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_events_time').on('audit_events').column('time').execute();
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', big, (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await (db as Kysely<{ audit_head: { id: number; seq: number; hash: string } }>)
    .insertInto('audit_head')
    .values({ id: 1, seq: 0, hash: GENESIS_HASH })
    .execute();
}
