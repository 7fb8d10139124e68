// Store: Kysely over SQLite (embedded default, node:sqlite) or PostgreSQL (WARDEN_DATABASE_URL),
// same migrations and queries on both. Kysely is imported by this part only; other parts use the
// `db` it hands out with the table types below.

export { openStore, describeDatabaseUrl, SQLITE_FILE } from './open-store.ts';
export { openStoreFromConfig } from './from-config.ts';
export type { OpenStoreOptions, Store, StoreDialect } from './types.ts';
export type { AuditEventsTable, AuditHeadTable, Database } from './schema.ts';
export type { RegistryTables } from './tables/registry.ts';
export type { RuntimeTables } from './tables/runtime.ts';
export type { DingtalkTables } from './tables/dingtalk.ts';
