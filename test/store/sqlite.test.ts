import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { isWardenError } from '../../src/core/index.ts';
import { openStore, SQLITE_FILE } from '../../src/store/index.ts';
import { storeConformance } from './conformance.ts';

const root = mkdtempSync(join(tmpdir(), 'warden-store-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const execFileAsync = promisify(execFile);

storeConformance({ dialect: 'sqlite', fresh: async () => ({ home: join(root, `db${++n}`) }) });

describe('store: SQLite specifics', () => {
  it('creates the data directory and a WAL-mode database file on first run', async () => {
    const home = join(root, 'nested', 'data');
    const store = await openStore({ home });
    await store.close();
    assert.ok(statSync(join(home, SQLITE_FILE)).isFile());
    const raw = new DatabaseSync(join(home, SQLITE_FILE));
    try {
      assert.deepEqual({ ...raw.prepare('PRAGMA journal_mode').get() }, { journal_mode: 'wal' });
    } finally {
      raw.close();
    }
  });

  it('a data directory that cannot be created is a store-unavailable error naming it', async () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'x');
    await assert.rejects(openStore({ home: join(file, 'data') }), (e: unknown) => isWardenError(e) && e.code === 'store-unavailable' && e.message.includes(file));
  });

  it('a file that is not a database is a store-unavailable error naming it', async () => {
    const home = join(root, 'garbage');
    await openStore({ home }).then((s) => s.close());
    writeFileSync(join(home, SQLITE_FILE), 'this is not a database'.repeat(100));
    rmSync(join(home, `${SQLITE_FILE}-wal`), { force: true });
    rmSync(join(home, `${SQLITE_FILE}-shm`), { force: true });
    await assert.rejects(openStore({ home }), (e: unknown) => isWardenError(e) && e.code === 'store-unavailable' && e.message.includes(SQLITE_FILE));
  });

  it('two processes on one file serialise their read-then-write transactions (BEGIN IMMEDIATE)', async () => {
    const home = join(root, 'shared');
    await openStore({ home }).then((s) => s.close());
    const child = fileURLToPath(new URL('./fixtures/bump-head.ts', import.meta.url));
    const runs = [1, 2, 3].map(() => execFileAsync(process.execPath, [child, home, '40']));
    await Promise.all(runs);
    const store = await openStore({ home });
    try {
      const { seq } = await store.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
      assert.equal(seq, 120, 'no increment was lost');
    } finally {
      await store.close();
    }
  });
});
