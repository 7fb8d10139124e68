// The Stream gateway and hub through plain fetch + ws: tickets, frames, the @-mention rule,
// redelivery, disconnect, several connections.

import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { WebSocket } from 'ws';
import { startDingtalkEmulator, type DingtalkEmulator, type DingtalkEmulatorOptions } from '../../../src/emulator/dingtalk/index.ts';
import { APP, call, connect, openTicket, ROBOT_TOPIC, sleep, until } from './helpers.ts';

let emulator: DingtalkEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});
async function start(options: DingtalkEmulatorOptions = {}): Promise<DingtalkEmulator> {
  emulator = await startDingtalkEmulator(options);
  return emulator;
}

function handshakeStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('error', () => {});
  });
}

test('connections/open refuses bad credentials and bad subscriptions with 400 {code, message}', async () => {
  const e = await start();
  const bad = await call(e.url, 'POST', '/v1.0/gateway/connections/open', { clientId: APP.clientId, clientSecret: 'wrong', subscriptions: [{ type: 'CALLBACK', topic: ROBOT_TOPIC }] });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.code, 'invalidParameter');
  const event = await call(e.url, 'POST', '/v1.0/gateway/connections/open', { ...APP, subscriptions: [{ type: 'EVENT', topic: 'chat_update' }] });
  assert.equal(event.status, 400);
});

test('a ticket opens exactly one connection; an unknown or reused ticket is refused at the handshake', async () => {
  const e = await start();
  const { endpoint, ticket } = await openTicket(e.url);
  assert.equal(await handshakeStatus(`${endpoint}?ticket=nope`), 400);
  assert.equal(await handshakeStatus(`${endpoint}?ticket=${ticket}`), 101);
  assert.equal(await handshakeStatus(`${endpoint}?ticket=${ticket}`), 400);
});

test('a ticket expires after 90 s', async () => {
  let now = 1_000_000;
  const e = await start({ now: () => now });
  const { endpoint, ticket } = await openTicket(e.url);
  now += 90_001;
  assert.equal(await handshakeStatus(`${endpoint}?ticket=${ticket}`), 400);
});

test('a robot frame has the documented envelope and payload', async () => {
  const e = await start();
  const client = await connect(e.url);
  e.control.postMessage({ as: 'user0001', chat: 'cidServiceGroup0001', content: '查一下订单' });
  const frame = await client.next();
  assert.equal(frame.specVersion, '1.0');
  assert.equal(frame.type, 'CALLBACK');
  for (const key of ['appId', 'connectionId', 'contentType', 'messageId', 'time', 'topic']) assert.equal(typeof frame.headers[key], 'string', key);
  assert.equal(frame.headers.topic, ROBOT_TOPIC);
  assert.equal(typeof frame.data, 'string');
  const data = JSON.parse(frame.data);
  assert.equal(data.conversationType, '2');
  assert.equal(data.isInAtList, true);
  assert.equal(data.atUsers[0].dingtalkId, data.chatbotUserId);
  assert.equal(data.text.content, ' 查一下订单', 'the cut @name leaves a leading space');
  assert.equal(data.sessionWebhookExpiredTime - data.createAt, 90 * 60_000);
  assert.equal(data.conversationTitle, '客户服务群');
  client.close();
});

test('an external sender has an empty senderStaffId and their own corpId', async () => {
  const e = await start();
  const client = await connect(e.url);
  e.control.postMessage({ as: 'customer0001', chat: 'cidServiceGroup0001', content: '你好' });
  const data = JSON.parse((await client.next()).data);
  assert.equal(data.senderStaffId, '');
  assert.equal(data.senderCorpId, 'dingcorpcustomer0001');
  assert.notEqual(data.senderCorpId, data.chatbotCorpId);
  client.close();
});

test('group messages reach the bot only when they @-mention it; files only in 1:1 chats', async () => {
  const e = await start();
  const client = await connect(e.url);
  const silent = e.control.postMessage({ as: 'user0001', chat: 'cidServiceGroup0001', content: 'hi all', atBot: false });
  assert.deepEqual(silent, { accepted: false, conversationId: 'cidServiceGroup0001', reason: 'bot-not-mentioned' });
  const file = e.control.postMessage({ as: 'user0001', chat: 'cidServiceGroup0001', content: { type: 'file', file: { name: 'a.txt', text: 'x' } } });
  assert.equal(file.accepted, false);
  await sleep(100);
  assert.equal(client.frames.length, 0);
  assert.throws(() => e.control.postMessage({ as: 'user0002', chat: 'cidServiceGroup0001', content: 'x' }), /not a member/);
  client.close();
});

test('an unacknowledged message is redelivered with the same msgId; an ACK stops it', async () => {
  const e = await start({ redeliverAfterMs: 150 });
  const client = await connect(e.url);
  e.control.postMessage({ as: 'user0001', content: 'one' });
  const first = await client.next();
  const again = await client.next();
  assert.equal(JSON.parse(again.data).msgId, JSON.parse(first.data).msgId);
  assert.equal(again.headers.messageId, first.headers.messageId, 'same frame messageId by default');
  client.ack(again);
  await until(() => e.control.pendingCount() === 0);
  const count = client.frames.length;
  await sleep(400);
  assert.equal(client.frames.length, count, 'nothing more after the ACK');
  client.close();
});

test('with newMessageIdOnRedelivery a redelivery carries a new frame messageId; ACKing the old one still counts', async () => {
  const e = await start({ redeliverAfterMs: 150, newMessageIdOnRedelivery: true });
  const client = await connect(e.url);
  e.control.postMessage({ as: 'user0001', content: 'one' });
  const first = await client.next();
  const again = await client.next();
  assert.notEqual(again.headers.messageId, first.headers.messageId);
  assert.equal(JSON.parse(again.data).msgId, JSON.parse(first.data).msgId);
  client.ack(first);
  await until(() => e.control.pendingCount() === 0);
  client.close();
});

test('a message posted while no client is connected is delivered when one connects', async () => {
  const e = await start();
  e.control.postMessage({ as: 'user0001', content: 'while offline' });
  const client = await connect(e.url);
  assert.equal(JSON.parse((await client.next()).data).text.content, 'while offline');
  client.close();
});

test('disconnect: a SYSTEM frame, no more deliveries there, the socket closed after the window', async () => {
  const e = await start({ disconnectCloseMs: 200 });
  const client = await connect(e.url);
  const closed = new Promise<void>((resolve) => client.socket.on('close', () => resolve()));
  e.control.disconnect(e.control.connections()[0]!.id);
  const frame = await client.next((f) => f.type === 'SYSTEM');
  assert.equal(frame.headers.topic, 'disconnect');
  assert.equal(typeof JSON.parse(frame.data).reason, 'string');
  e.control.postMessage({ as: 'user0001', content: 'during the window' });
  await closed;
  assert.equal(client.frames.filter((f) => f.type === 'CALLBACK').length, 0);
  const fresh = await connect(e.url);
  assert.equal(JSON.parse((await fresh.next()).data).text.content, 'during the window');
  fresh.close();
});

test('with two connections each message goes to exactly one of them', async () => {
  const e = await start();
  const a = await connect(e.url);
  const b = await connect(e.url);
  for (let i = 0; i < 20; i += 1) e.control.postMessage({ as: 'user0001', content: `m${i}` });
  await until(() => a.frames.length + b.frames.length === 20);
  await sleep(100);
  const contents = [...a.frames, ...b.frames].map((f) => JSON.parse(f.data).text.content).sort();
  assert.equal(new Set(contents).size, 20);
  a.close();
  b.close();
});

test('a connection only gets topics it subscribed to; ping expects an echo', async () => {
  const e = await start();
  const client = await connect(e.url, ['/v1.0/card/instances/callback']);
  e.control.postMessage({ as: 'user0001', content: 'not for you' });
  await sleep(100);
  assert.equal(client.frames.length, 0);
  const id = e.control.connections()[0]!.id;
  const echoed = e.control.ping(id, 1000);
  const ping = await client.next((f) => f.headers.topic === 'ping');
  client.ack(ping, JSON.parse(ping.data));
  assert.equal(await echoed, true);
  assert.equal(await e.control.ping(id, 100), false, 'no echo → false');
  client.close();
});

test('connections/open failures can be injected', async () => {
  const e = await start();
  e.control.failConnectionsOpen({ kind: 'status', status: 503 }, 1);
  await assert.rejects(openTicket(e.url), /open failed: 503/);
  await openTicket(e.url);
});
