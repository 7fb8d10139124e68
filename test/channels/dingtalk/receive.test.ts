// Receipt over the Stream protocol, against a loopback gateway that can push any frame: store before
// ACK, dedup by msgId, bad frames, ordering per conversation, restart pick-up, disconnect and drops.

import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Store } from '../../../src/store/index.ts';
import { robotData, startFakeGateway, type FakeGateway } from './fake-gateway.ts';
import { channelOn, sqliteStore } from './helpers.ts';

const cleanups: Array<() => Promise<void>> = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function setup(overrides: Parameters<typeof channelOn>[2] = {}, store?: Store) {
  const gateway = await startFakeGateway();
  const own = store ? undefined : await sqliteStore();
  const db = store ?? own!.store;
  const test = channelOn(db, { apiBaseUrl: gateway.url }, overrides);
  cleanups.push(async () => {
    await test.channel.stop();
    await gateway.close();
    if (own) await own.store.close();
  });
  await test.channel.start();
  await gateway.waitFor(() => gateway.sockets.length === 1);
  return { gateway, store: db, ...test };
}

const acksFor = (gateway: FakeGateway, frameId: string) => gateway.upstream.filter((f) => (f.headers as Record<string, string>)?.messageId === frameId);

describe('dingtalk channel: receipt', () => {
  it('stores a message before acknowledging it, then hands it over normalised', async () => {
    const { gateway, store, received } = await setup();
    const data = robotData({ text: { content: '  你好  ' } });
    const frame = gateway.pushRobot(data);
    const ack = await gateway.waitFor(() => acksFor(gateway, frame)[0]);
    assert.equal(ack.code, 200);
    const row = await store.db.selectFrom('dingtalk_inbox').selectAll().where('msg_id', '=', String(data.msgId)).executeTakeFirst();
    assert.equal(row?.frame_message_id, frame);
    const message = await gateway.waitFor(() => received[0]);
    assert.equal(message.key, data.msgId);
    assert.equal(message.text, '你好');
    assert.equal(message.conversationType, 'single');
    assert.deepEqual(message.sender.departments, ['2', '1']);
    assert.equal(message.sender.unionId, 'union1');
    assert.equal(message.sender.external, false);
  });

  it('a message the store cannot take is not acknowledged; its redelivery is processed once', async () => {
    const { store: real } = await sqliteStore();
    let failures = 1;
    // The first insert (the inbox's) fails as a full disk would.
    const db = real.db.withPlugin({
      transformQuery: (args) => {
        if (args.node.kind === 'InsertQueryNode' && failures-- > 0) throw new Error('disk full');
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const flaky: Store = { ...real, dialect: real.dialect, db, close: () => real.close(), transaction: (fn) => real.transaction(fn) };
    const { gateway, received, logs } = await setup({}, flaky);
    cleanups.push(() => real.close());
    const data = robotData();
    const first = gateway.pushRobot(data);
    await gateway.waitFor(() => logs.some((l) => l.includes('disk full')));
    assert.equal(acksFor(gateway, first).length, 0);
    const second = gateway.pushRobot(data, `${first}-again`);
    await gateway.waitFor(() => acksFor(gateway, second)[0]);
    await gateway.waitFor(() => received.length === 1);
    gateway.pushRobot(data, `${first}-third`);
    await gateway.waitFor(() => logs.some((l) => l.includes('duplicate message')));
    assert.equal(received.length, 1);
  });

  it('a duplicate by msgId under a new frame id is acknowledged and dropped', async () => {
    const { gateway, received, logs } = await setup();
    const data = robotData();
    gateway.pushRobot(data);
    const again = gateway.pushRobot(data);
    assert.equal((await gateway.waitFor(() => acksFor(gateway, again)[0])).code, 200);
    await gateway.waitFor(() => logs.some((l) => l.includes(`duplicate message ${String(data.msgId)}`)));
    await gateway.waitFor(() => received.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(received.length, 1);
  });

  it('answers system pings with the same data and survives bad frames', async () => {
    const { gateway, received, logs } = await setup();
    gateway.sendRaw(JSON.stringify({ specVersion: '1.0', type: 'SYSTEM', headers: { messageId: 'p1', topic: 'ping' }, data: '{"opaque":"abc"}' }));
    const pong = await gateway.waitFor(() => acksFor(gateway, 'p1')[0]);
    assert.equal(pong.data, '{"opaque":"abc"}');
    gateway.sendRaw('{not json');
    gateway.sendRaw(JSON.stringify({ type: 'CALLBACK', headers: { topic: '/v1.0/im/bot/messages/get' }, data: '{}' }));
    gateway.sendRaw(JSON.stringify({ type: 'CALLBACK', headers: { messageId: 'u1', topic: '/v1.0/unknown' }, data: '{}' }));
    gateway.sendRaw(JSON.stringify({ type: 'CALLBACK', headers: { messageId: 'm1', topic: '/v1.0/im/bot/messages/get' }, data: '{"msgtype":"text"}' }));
    gateway.sendRaw(JSON.stringify({ type: 'CALLBACK', headers: { messageId: 'm2', topic: '/v1.0/im/bot/messages/get' }, data: { not: 'a string' } }));
    gateway.sendRaw(JSON.stringify({ type: 'CALLBACK', headers: { messageId: 'big', topic: '/v1.0/im/bot/messages/get' }, data: 'x'.repeat(1_100_000) }));
    assert.equal((await gateway.waitFor(() => acksFor(gateway, 'u1')[0])).code, 404);
    assert.equal((await gateway.waitFor(() => acksFor(gateway, 'm1')[0])).code, 200);
    assert.equal((await gateway.waitFor(() => acksFor(gateway, 'm2')[0])).code, 500);
    await gateway.waitFor(() => logs.some((l) => l.includes('over the 1048576-byte limit')));
    assert.ok(logs.some((l) => l.includes('not JSON')));
    assert.ok(logs.some((l) => l.includes('no headers.messageId')));
    assert.ok(logs.some((l) => l.includes('data.msgId is missing')));
    gateway.pushRobot(robotData());
    await gateway.waitFor(() => received.length === 1);
  });

  it('hands messages over in order within a conversation, conversations in parallel', async () => {
    const order: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { gateway } = await setup({
      onMessage: async (message) => {
        if (message.text === 'a1') await gate;
        order.push(message.text);
      },
    });
    for (const [cid, text] of [['A', 'a1'], ['A', 'a2'], ['B', 'b1'], ['A', 'a3'], ['B', 'b2']]) gateway.pushRobot(robotData({ conversationId: cid, text: { content: text } }));
    await gateway.waitFor(() => order.length === 2);
    assert.deepEqual(order, ['b1', 'b2']);
    release();
    await gateway.waitFor(() => order.length === 5);
    assert.deepEqual(order.filter((t) => t.startsWith('a')), ['a1', 'a2', 'a3']);
  });

  it('after a restart, stored messages not yet answered are handed over again, answered ones not', async () => {
    const { store } = await sqliteStore();
    cleanups.push(() => store.close());
    const first = await setup({}, store);
    const answered = robotData();
    const open = robotData();
    first.gateway.pushRobot(answered);
    first.gateway.pushRobot(open);
    await first.gateway.waitFor(() => first.received.length === 2);
    await first.channel.markAnswered(String(answered.msgId));
    await first.channel.stop();
    const second = await setup({}, store);
    const again = await second.gateway.waitFor(() => second.received[0]);
    assert.equal(again.key, open.msgId);
    assert.equal(second.received.length, 1);
  });

  it('on disconnect opens the new connection before closing the old one; no message lost', async () => {
    const { gateway, received } = await setup();
    const old = gateway.sockets[0]!;
    let oldClosedWhileAlone = false;
    old.on('close', () => {
      oldClosedWhileAlone = gateway.sockets.length < 2;
    });
    gateway.sendRaw(JSON.stringify({ specVersion: '1.0', type: 'SYSTEM', headers: { messageId: 'd1', topic: 'disconnect' }, data: '{"reason":"connection is expired"}' }));
    await gateway.waitFor(() => gateway.sockets.length === 2);
    gateway.pushRobot(robotData());
    await gateway.waitFor(() => old.readyState === old.CLOSED);
    assert.equal(oldClosedWhileAlone, false);
    await gateway.waitFor(() => received.length === 1);
  });

  it('reconnects after the socket drops without a close frame', async () => {
    const { gateway, received, logs } = await setup();
    gateway.sockets[0]!.terminate();
    await gateway.waitFor(() => gateway.sockets.length === 2);
    assert.ok(logs.some((l) => l.includes('reconnecting')));
    gateway.pushRobot(robotData());
    await gateway.waitFor(() => received.length === 1);
    const opens = gateway.calls.filter((c) => c.path === '/v1.0/gateway/connections/open');
    assert.equal(opens.length, 2);
    assert.deepEqual((opens[0]!.body as { subscriptions: unknown }).subscriptions, [
      { type: 'CALLBACK', topic: '/v1.0/im/bot/messages/get' },
      { type: 'CALLBACK', topic: '/v1.0/card/instances/callback' },
    ]);
  });
});
