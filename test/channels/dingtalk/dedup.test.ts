// Two channel instances sharing one database receive the same message (DingTalk pushing it to both
// connections, a redelivery racing the first copy): the inbox insert lets exactly one take it, and
// both acknowledge. Run on SQLite (one store, two channels) and PostgreSQL (two stores, one database).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openStore, type Store } from '../../../src/store/index.ts';
import { startPostgres } from '../../helpers/postgres.ts';
import { robotData, startFakeGateway } from './fake-gateway.ts';
import { channelOn, sqliteStore } from './helpers.ts';

async function race(stores: [Store, Store]): Promise<void> {
  const gateways = [await startFakeGateway(), await startFakeGateway()];
  const channels = stores.map((store, i) => channelOn(store, { apiBaseUrl: gateways[i]!.url }));
  try {
    for (const c of channels) await c.channel.start();
    for (const g of gateways) await g.waitFor(() => g.sockets.length === 1);
    const messages = Array.from({ length: 20 }, (_, i) => robotData({ conversationId: `cid${i % 4}` }));
    const frames = messages.map((data) => gateways.map((g, i) => g.pushRobot(data, `f${String(data.msgId)}-${i}`)));
    for (const [i, g] of gateways.entries()) {
      await g.waitFor(() => frames.every((pair) => g.upstream.some((u) => (u.headers as Record<string, string>).messageId === pair[i])));
      assert.ok(g.upstream.every((u) => u.code === 200));
    }
    const total = () => channels[0]!.received.length + channels[1]!.received.length;
    await gateways[0]!.waitFor(() => total() === messages.length);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(total(), messages.length);
    const keys = [...channels[0]!.received, ...channels[1]!.received].map((m) => m.key).sort();
    assert.deepEqual(keys, messages.map((m) => String(m.msgId)).sort());
  } finally {
    for (const c of channels) await c.channel.stop();
    for (const g of gateways) await g.close();
  }
}

describe('dingtalk inbox dedup across two instances', () => {
  it('SQLite: one store, two channels', async () => {
    const { store } = await sqliteStore();
    try {
      await race([store, store]);
    } finally {
      await store.close();
    }
  });

  it('PostgreSQL: two stores on one database', async () => {
    const url = await (await startPostgres()).emptyDatabase();
    const a = await openStore({ databaseUrl: url, poolSize: 4 });
    const b = await openStore({ databaseUrl: url, poolSize: 4 });
    try {
      await race([a, b]);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
