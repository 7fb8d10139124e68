import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isWardenError } from '../../src/core/index.ts';
import { describeDatabaseUrl, openStore } from '../../src/store/index.ts';
import { startPostgres } from '../helpers/postgres.ts';
import { storeConformance } from './conformance.ts';

storeConformance({ dialect: 'postgres', fresh: async () => ({ databaseUrl: await (await startPostgres()).emptyDatabase(), poolSize: 4 }) });

describe('store: PostgreSQL specifics', () => {
  it('an unreachable server is a store-unavailable error that names the URL without its password', async () => {
    const cluster = await startPostgres();
    const url = cluster.url('postgres').replace('postgres@', 'postgres:hunter2@').replace('host=', 'host=%2Fnonexistent');
    await assert.rejects(openStore({ databaseUrl: url }), (e: unknown) => {
      assert.ok(isWardenError(e) && e.code === 'store-unavailable', String(e));
      assert.ok(!e.message.includes('hunter2'), e.message);
      assert.match(e.message, /WARDEN_DATABASE_URL/);
      return true;
    });
  });

  it('describeDatabaseUrl masks the password', () => {
    assert.equal(describeDatabaseUrl('postgresql://warden:s3cret@db.example:5432/warden'), 'postgresql://warden:***@db.example:5432/warden');
    assert.equal(describeDatabaseUrl('postgres://warden:p%40ss@/warden?host=/run/pg'), 'postgres://warden:***@/warden?host=/run/pg');
    assert.equal(describeDatabaseUrl('postgres:///warden?user=w&password=s3cret'), 'postgres:///warden?user=w&password=***');
  });
});
