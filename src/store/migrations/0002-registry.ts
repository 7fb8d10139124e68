// The skill registry: skills, their versions by content hash, scan reports, approvals.

import type { Kysely } from 'kysely';
import type { StoreDialect } from '../types.ts';

export async function up(db: Kysely<unknown>, _dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('skills')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('active_version', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('removed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('skill_versions')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('manifest', 'text', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approval_reason', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('installed_at', 'text', (c) => c.notNull())
    .addColumn('installed_by', 'text', (c) => c.notNull())
    .addColumn('source_path', 'text', (c) => c.notNull())
    .addColumn('secret_map', 'text', (c) => c.notNull())
    .addColumn('allow_hosts', 'text', (c) => c.notNull())
    .addColumn('files', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('skill_versions_pk', ['name', 'version'])
    .execute();
  await db.schema.createIndex('skill_versions_status').on('skill_versions').columns(['status', 'name']).execute();
}
