// The audit chain's conformance suite: the same body runs on SQLite and on PostgreSQL. Tampering is
// done with direct queries on the tables, the way someone with database access would do it.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAuditLog, hashRecord, type AuditLog, type AuditRecord } from '../../src/audit/index.ts';
import { openStore, type OpenStoreOptions, type Store, type StoreDialect } from '../../src/store/index.ts';

export interface ChainBackend {
  dialect: StoreDialect;
  fresh(): Promise<OpenStoreOptions>;
  /** Whether two stores on one database may be open in this process (not SQLite: its locks are per process). */
  twoInstances: boolean;
}

const T0 = Date.parse('2026-03-01T08:00:00.000Z');

function frozenClock() {
  let tick = 0;
  return () => new Date(T0 + 1000 * tick++);
}

type Body = (log: AuditLog, store: Store, records: AuditRecord[], options: OpenStoreOptions) => Promise<void>;

async function withLog(backend: ChainBackend, n: number, body: Body) {
  const options = await backend.fresh();
  const store = await openStore(options);
  const log = createAuditLog({ store, now: frozenClock() });
  const records: AuditRecord[] = [];
  for (let i = 1; i <= n; i++) {
    records.push(await log.append({ type: 'tool-call', actor: 'agent', principal: `user:u${i}`, outcome: i % 2 ? 'allow' : 'deny', reason: `call ${i}`, data: { tool: 'exec', i } }));
  }
  try {
    await body(log, store, records, options);
  } finally {
    await store.close();
  }
}

/** Inserts a record whose hash is computed the way Warden computes it, bypassing the log. */
async function insertForged(store: Store, body: Omit<AuditRecord, 'hash'>) {
  const { prevHash, ...rest } = body;
  await store.db.insertInto('audit_events').values({ ...rest, prev_hash: prevHash, hash: hashRecord(body) }).execute();
}

async function expectBroken(log: AuditLog, seq: number, problem: string) {
  const result = await log.verify();
  assert.equal(result.ok, false, 'tampering went unnoticed');
  if (!result.ok) {
    assert.equal(result.problem, problem, result.message);
    assert.equal(result.seq, seq, result.message);
    assert.match(result.message, new RegExp(`#${seq}\\b`));
  }
}

export function auditChainSuite(backend: ChainBackend): void {
  describe(`audit chain: ${backend.dialect}`, () => {
    it('an empty log verifies', async () => {
      await withLog(backend, 0, async (log) => {
        assert.deepEqual(await log.verify(), { ok: true, records: 0, head: { seq: 0, hash: '0'.repeat(64) } });
      });
    });

    it('appends link each record to the one before and verify names the head', async () => {
      await withLog(backend, 5, async (log, _store, records) => {
        assert.deepEqual(records.map((r) => r.seq), [1, 2, 3, 4, 5]);
        assert.equal(records[0]!.prevHash, '0'.repeat(64));
        for (let i = 1; i < 5; i++) assert.equal(records[i]!.prevHash, records[i - 1]!.hash);
        for (const r of records) assert.equal(hashRecord(r), r.hash);
        assert.equal(records[2]!.time, '2026-03-01T08:00:02.000Z');
        assert.deepEqual(await log.verify(), { ok: true, records: 5, head: { seq: 5, hash: records[4]!.hash } });
      });
    });

    it('stores data redacted', async () => {
      await withLog(backend, 0, async (log, store) => {
        await log.append({ type: 'egress-decision', actor: 'proxy', outcome: 'deny', reason: 'sent Bearer abcdefghijklmnop', data: { headers: { authorization: 'Bearer abc.def.ghi' }, url: 'https://u:pw@api.example.com/x?token=zzz', tokens: 42 } });
        const row = await store.db.selectFrom('audit_events').select(['data', 'reason']).executeTakeFirstOrThrow();
        assert.deepEqual(JSON.parse(row.data), { headers: { authorization: '[redacted]' }, tokens: 42, url: 'https://[redacted]@api.example.com/x?token=[redacted]' });
        assert.equal(row.reason, 'sent Bearer [redacted]');
        assert.equal((await log.verify()).ok, true);
      });
    });

    it('parallel appends get consecutive sequence numbers and a valid chain', async () => {
      await withLog(backend, 0, async (log, _store, _records, options) => {
        // A second instance on the same database, as with two Warden processes on PostgreSQL.
        const other = backend.twoInstances ? await openStore(options) : undefined;
        try {
          const logs = other ? [log, createAuditLog({ store: other })] : [log];
          const all = await Promise.all(Array.from({ length: 40 }, (_, i) => logs[i % logs.length]!.append({ type: 'message-in', actor: 'channel', outcome: 'ok', reason: `m${i}` })));
          assert.deepEqual(all.map((r) => r.seq).sort((a, b) => a - b), Array.from({ length: 40 }, (_, i) => i + 1));
          assert.deepEqual(await log.verify(), { ok: true, records: 40, head: { seq: 40, hash: all.find((r) => r.seq === 40)!.hash } });
        } finally {
          await other?.close();
        }
      });
    });

    it('detects an edited field', async () => {
      await withLog(backend, 5, async (log, store) => {
        await store.db.updateTable('audit_events').set({ outcome: 'allow' }).where('seq', '=', 4).execute();
        await expectBroken(log, 4, 'altered');
      });
    });

    it('detects edited data, even when only its spacing changed', async () => {
      await withLog(backend, 5, async (log, store) => {
        const { data } = await store.db.selectFrom('audit_events').select('data').where('seq', '=', 2).executeTakeFirstOrThrow();
        await store.db.updateTable('audit_events').set({ data: JSON.stringify(JSON.parse(data), null, 1) }).where('seq', '=', 2).execute();
        await expectBroken(log, 2, 'altered');
      });
    });

    it('detects a deleted record', async () => {
      await withLog(backend, 5, async (log, store) => {
        await store.db.deleteFrom('audit_events').where('seq', '=', 3).execute();
        await expectBroken(log, 3, 'missing');
      });
    });

    it('detects deleted records at the end', async () => {
      await withLog(backend, 5, async (log, store) => {
        await store.db.deleteFrom('audit_events').where('seq', '>=', 4).execute();
        await expectBroken(log, 4, 'missing');
      });
    });

    it('detects a forged record appended outside Warden, even with a correctly computed hash', async () => {
      await withLog(backend, 5, async (log, store, records) => {
        const body = { seq: 6, time: '2026-03-01T09:00:00.000Z', type: 'admin-action', actor: 'admin:mallory', principal: null, outcome: 'ok', reason: 'forged', data: '{}', prevHash: records[4]!.hash };
        await insertForged(store, body);
        await expectBroken(log, 6, 'unexpected-record');
      });
    });

    it('detects a record inserted in the middle (later records renumbered, head moved)', async () => {
      await withLog(backend, 5, async (log, store, records) => {
        for (const seq of [5, 4]) await store.db.updateTable('audit_events').set({ seq: seq + 1 }).where('seq', '=', seq).execute();
        const body = { seq: 4, time: '2026-03-01T08:00:03.500Z', type: 'approval', actor: 'admin:mallory', principal: null, outcome: 'approved', reason: 'forged', data: '{}', prevHash: records[2]!.hash };
        await insertForged(store, body);
        await store.db.updateTable('audit_head').set({ seq: 6 }).where('id', '=', 1).execute();
        await expectBroken(log, 5, 'broken-link');
      });
    });

    it('detects two records swapped', async () => {
      await withLog(backend, 5, async (log, store) => {
        await store.db.updateTable('audit_events').set({ seq: -1 }).where('seq', '=', 2).execute();
        await store.db.updateTable('audit_events').set({ seq: 2 }).where('seq', '=', 3).execute();
        await store.db.updateTable('audit_events').set({ seq: 3 }).where('seq', '=', -1).execute();
        await expectBroken(log, 2, 'broken-link');
      });
    });

    it('detects a replaced head', async () => {
      await withLog(backend, 3, async (log, store) => {
        await store.db.updateTable('audit_head').set({ hash: 'f'.repeat(64) }).where('id', '=', 1).execute();
        await expectBroken(log, 3, 'head-mismatch');
        await store.db.deleteFrom('audit_head').execute();
        const result = await log.verify();
        assert.equal(result.ok ? 'ok' : result.problem, 'head-mismatch');
        await assert.rejects(log.append({ type: 'admin-action', actor: 'cli', outcome: 'ok', reason: 'x' }), /head row is missing/);
      });
    });

    it('exports JSON lines oldest first, optionally since a time', async () => {
      await withLog(backend, 5, async (log) => {
        const lines: string[] = [];
        for await (const line of log.export()) lines.push(line);
        assert.equal(lines.length, 5);
        assert.ok(lines.every((l) => l.endsWith('\n')));
        const first = JSON.parse(lines[0]!);
        assert.deepEqual(Object.keys(first).sort(), ['actor', 'data', 'hash', 'outcome', 'prevHash', 'principal', 'reason', 'seq', 'time', 'type']);
        assert.deepEqual(first.data, { i: 1, tool: 'exec' });
        const since: number[] = [];
        for await (const line of log.export({ since: new Date('2026-03-01T08:00:02.000Z') })) since.push(JSON.parse(line).seq);
        assert.deepEqual(since, [3, 4, 5]);
      });
    });
  });
}
