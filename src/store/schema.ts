// The database's tables as Kysely sees them; each part's tables are declared in tables/<part>.ts.
// Columns hold the same representation on SQLite and PostgreSQL (times as ISO-8601 text, JSON as
// text) so a row reads back identically on both and the audit chain hashes the same bytes whatever
// the backend.

import type { DingtalkTables } from './tables/dingtalk.ts';
import type { RegistryTables } from './tables/registry.ts';
import type { RuntimeTables } from './tables/runtime.ts';

export interface AuditEventsTable {
  /** 1, 2, 3…: position in the chain; never reused. */
  seq: number;
  /** ISO-8601 UTC time the event was appended. */
  time: string;
  type: string;
  actor: string;
  principal: string | null;
  outcome: string;
  reason: string;
  /** Redacted event data as JSON text. */
  data: string;
  /** Hash of the previous record (64 zeros before the first). */
  prev_hash: string;
  /** SHA-256 (hex) of this record's canonical JSON, which includes prev_hash. */
  hash: string;
}

/** One row (id 1): the chain's last seq and hash, locked by every append. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface AuditTables {
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
}

export interface Database extends AuditTables, RegistryTables, RuntimeTables, DingtalkTables {}
