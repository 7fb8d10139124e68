// The database's tables as Kysely sees them. Columns hold the same representation on SQLite and
// PostgreSQL (times as ISO-8601 text, JSON as text) so a row reads back identically on both and the
// audit chain hashes the same bytes whatever the backend.

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

export interface Database {
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
}
