// DingTalk's official Node SDK (`dingtalk-stream` from npm) as a client of the emulator: its
// gateway address is hard-coded, so this test (only) rewrites the SDK's axios calls for
// api.dingtalk.com / oapi.dingtalk.com to the emulator. A message posted into the emulator reaches
// the SDK's robot handler, and the SDK's ACK is what the emulator records; its ping echo counts.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import axios from 'axios';
import { DWClient, TOPIC_ROBOT } from 'dingtalk-stream';
import { startDingtalkEmulator, type DingtalkEmulator } from '../../../src/emulator/dingtalk/index.ts';
import { APP, until } from './helpers.ts';

let emulator: DingtalkEmulator;
let interceptor: number;
let client: DWClient;

before(async () => {
  emulator = await startDingtalkEmulator({ redeliverAfterMs: 60_000 });
  interceptor = axios.interceptors.request.use((config) => {
    config.url = config.url?.replace(/^https:\/\/(api|oapi)\.dingtalk\.com/, emulator.url);
    return config;
  });
  client = new DWClient({ clientId: APP.clientId, clientSecret: APP.clientSecret, debug: false });
});

after(async () => {
  client.disconnect();
  axios.interceptors.request.eject(interceptor);
  await emulator.close();
});

test('the official SDK connects, receives a robot message and its ACK is recorded', async () => {
  const received: { messageId: string; data: any }[] = [];
  client.registerCallbackListener(TOPIC_ROBOT, (message) => {
    received.push({ messageId: message.headers.messageId, data: JSON.parse(message.data) });
    client.socketCallBackResponse(message.headers.messageId, { ok: true });
  });
  await client.connect();
  await until(() => emulator.control.connections().length === 1);
  const connection = emulator.control.connections()[0]!;
  assert.ok(connection.subscriptions.some((s) => s.type === 'CALLBACK' && s.topic === TOPIC_ROBOT));
  assert.ok(connection.subscriptions.some((s) => s.type === 'EVENT' && s.topic === '*'), 'the SDK subscribes EVENT * by default');

  const posted = emulator.control.postMessage({ as: 'user0001', content: '你好' });
  assert.equal(posted.accepted, true);
  await until(() => received.length === 1);
  assert.equal(received[0]!.data.text.content, '你好');
  assert.equal(received[0]!.data.senderStaffId, 'user0001');
  assert.equal(received[0]!.data.conversationType, '1');

  await until(() => emulator.control.acks().length === 1);
  const ack = emulator.control.acks()[0]!;
  assert.equal(ack.code, 200);
  assert.equal(ack.messageId, received[0]!.messageId);
  assert.equal(ack.msgId, posted.accepted ? posted.msgId : undefined);
  assert.deepEqual(ack.data, { response: { ok: true } });
  assert.equal(emulator.control.pendingCount(), 0, 'an ACKed message is not redelivered');
});

test("the SDK's ping echo and its legacy token call work against the emulator", async () => {
  const [connection] = emulator.control.connections();
  assert.equal(await emulator.control.ping(connection!.id, 2000), true);
  const token = await client.getAccessToken();
  assert.match(token, /^[0-9a-f]{32}$/);
});
