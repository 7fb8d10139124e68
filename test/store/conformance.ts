// The store's conformance suite: every backend runs this same body (STYLE.md §12).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openStore, type OpenStoreOptions, type StoreDialect } from '../../src/store/index.ts';

export interface Backend {
  dialect: StoreDialect;
  /** Options for a new, empty database. */
  fresh(): Promise<OpenStoreOptions>;
}

export function storeConformance(backend: Backend): void {
  describe(`store conformance: ${backend.dialect}`, () => {
    it('opens an empty database at the latest schema, with the chain head at genesis', async () => {
      const store = await openStore(await backend.fresh());
      try {
        assert.equal(store.dialect, backend.dialect);
        const head = await store.db.selectFrom('audit_head').selectAll().execute();
        assert.deepEqual(head, [{ id: 1, seq: 0, hash: '0'.repeat(64) }]);
      } finally {
        await store.close();
      }
    });

    it('reopening runs no migration twice and keeps the data', async () => {
      const options = await backend.fresh();
      const first = await openStore(options);
      await first.db.updateTable('audit_head').set({ seq: 7 }).where('id', '=', 1).execute();
      await first.close();
      const second = await openStore(options);
      try {
        const rows = await second.db.selectFrom('audit_head').select(['seq']).execute();
        assert.deepEqual(rows, [{ seq: 7 }]);
        const applied = (await second.db.selectFrom('warden_migration' as 'audit_head').selectAll().execute()) as unknown as Array<{ name: string }>;
        assert.deepEqual(applied.map((m) => m.name), ['0001-audit', '0002-registry', '0003-runtime', '0004-dingtalk']);
      } finally {
        await second.close();
      }
    });

    it('transaction commits when fn resolves and returns its value', async () => {
      const store = await openStore(await backend.fresh());
      try {
        const value = await store.transaction(async (trx) => {
          await trx.updateTable('audit_head').set({ seq: 3, hash: 'a'.repeat(64) }).where('id', '=', 1).execute();
          return 'done';
        });
        assert.equal(value, 'done');
        const row = await store.db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
        assert.deepEqual(row, { seq: 3, hash: 'a'.repeat(64) });
      } finally {
        await store.close();
      }
    });

    it('transaction rolls back when fn throws and rethrows the error', async () => {
      const store = await openStore(await backend.fresh());
      try {
        await assert.rejects(
          store.transaction(async (trx) => {
            await trx.updateTable('audit_head').set({ seq: 9 }).where('id', '=', 1).execute();
            throw new Error('boom');
          }),
          /boom/,
        );
        const row = await store.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
        assert.equal(row.seq, 0);
      } finally {
        await store.close();
      }
    });

    it('bigint columns read back as numbers', async () => {
      const store = await openStore(await backend.fresh());
      try {
        await store.db.updateTable('audit_head').set({ seq: 2 ** 40 }).where('id', '=', 1).execute();
        const row = await store.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
        assert.equal(row.seq, 2 ** 40);
      } finally {
        await store.close();
      }
    });

    it('close is idempotent', async () => {
      const store = await openStore(await backend.fresh());
      await store.close();
      await store.close();
    });
  });
}
