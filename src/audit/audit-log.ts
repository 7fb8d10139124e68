// The audit log over the store: append (serialised, hash-chained), verify and export.
//
// Appends are one transaction each that locks the chain head first: on PostgreSQL with
// SELECT … FOR UPDATE on the head row, so several Warden instances append one at a time; on SQLite
// the store's transactions take the write lock at BEGIN (IMMEDIATE). The record and the new head are
// written in the same transaction, so a crash leaves either both or neither.

import type { AuditEventsTable, Store } from '../store/index.ts';
import { redact, redactText, type RedactOptions } from './redact.ts';
import { canonicalJson } from './canonical-json.ts';
import { AUDIT_EVENT_TYPES, GENESIS_HASH, hashRecord, type AuditEventInput, type AuditRecord } from './record.ts';
import { verifyChain, type VerifyResult } from './verify.ts';

export interface AuditLogOptions {
  store: Store;
  /** Injected for tests; defaults to the system clock. */
  now?: () => Date;
  /** How data and reasons are redacted before they are stored. */
  redaction?: RedactOptions;
}

export interface ExportOptions {
  /** Only records at or after this time. */
  since?: Date;
  format?: 'jsonl';
}

export interface AuditLog {
  /** Appends one event; resolves to the stored record once it is committed. */
  append(event: AuditEventInput): Promise<AuditRecord>;
  verify(): Promise<VerifyResult>;
  /** One JSON line per record (newline included), oldest first. */
  export(options?: ExportOptions): AsyncIterable<string>;
}

const PAGE = 1000;
const TYPES = new Set<string>(AUDIT_EVENT_TYPES);

type Row = AuditEventsTable;

function fromRow(row: Row): AuditRecord {
  return {
    seq: Number(row.seq),
    time: row.time,
    type: row.type,
    actor: row.actor,
    principal: row.principal,
    outcome: row.outcome,
    reason: row.reason,
    data: row.data,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export function createAuditLog(options: AuditLogOptions): AuditLog {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const redaction = options.redaction ?? {};

  // Pages through records by seq (keyset), so neither verify nor export holds the log in memory.
  async function* records(since?: string): AsyncIterable<AuditRecord> {
    let after = 0;
    for (;;) {
      let query = store.db.selectFrom('audit_events').selectAll().where('seq', '>', after);
      if (since) query = query.where('time', '>=', since);
      const rows = (await query.orderBy('seq').limit(PAGE).execute()) as Row[];
      for (const row of rows) yield fromRow(row);
      if (rows.length < PAGE) return;
      after = Number(rows[rows.length - 1]!.seq);
    }
  }

  return {
    async append(event) {
      if (!TYPES.has(event.type)) throw new Error(`AuditLog.append: unknown event type "${event.type}"`);
      if (!event.actor || !event.outcome) throw new Error('AuditLog.append: actor and outcome are required');
      const data = canonicalJson(redact(event.data ?? {}, redaction));
      const reason = redactText(event.reason, redaction);
      return store.transaction(async (trx) => {
        const lock = trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
        const head = await (store.dialect === 'postgres' ? lock.forUpdate() : lock).executeTakeFirst();
        if (!head) throw new Error('audit chain head row is missing: the database was tampered with; run `warden audit verify`');
        const body = {
          seq: Number(head.seq) + 1,
          time: now().toISOString(),
          type: event.type,
          actor: redactText(event.actor, redaction),
          principal: event.principal === undefined ? null : redactText(event.principal, redaction),
          outcome: event.outcome,
          reason,
          data,
          prevHash: head.hash,
        };
        const record: AuditRecord = { ...body, hash: hashRecord(body) };
        await trx
          .insertInto('audit_events')
          .values({
            seq: record.seq,
            time: record.time,
            type: record.type,
            actor: record.actor,
            principal: record.principal,
            outcome: record.outcome,
            reason: record.reason,
            data: record.data,
            prev_hash: record.prevHash,
            hash: record.hash,
          })
          .execute();
        await trx.updateTable('audit_head').set({ seq: record.seq, hash: record.hash }).where('id', '=', 1).execute();
        return record;
      });
    },

    async verify() {
      const head = await store.db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
      if (!head) return { ok: false, records: 0, seq: 0, problem: 'head-mismatch', message: 'the chain head row is missing: the database was tampered with' };
      return verifyChain(records(), { seq: Number(head.seq), hash: head.hash }, GENESIS_HASH);
    },

    async *export(exportOptions = {}) {
      if ((exportOptions.format ?? 'jsonl') !== 'jsonl') throw new Error(`AuditLog.export: unknown format "${exportOptions.format}"`);
      for await (const r of records(exportOptions.since?.toISOString())) {
        yield `${JSON.stringify({ ...r, data: JSON.parse(r.data) as unknown })}\n`;
      }
    },
  };
}
