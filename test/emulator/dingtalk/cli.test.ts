// `warden emulator …` through the real entry point: the base URL is the first stdout line, and
// `say` prints a streamed card answer and ends on its final state.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { createInterface } from 'node:readline';
import { startDingtalkEmulator } from '../../../src/emulator/dingtalk/index.ts';
import { followTurn } from '../../../src/emulator/dingtalk/follow-turn.ts';
import { call, connect, token } from './helpers.ts';

test('warden emulator dingtalk prints its base URL first and stops on SIGTERM', async () => {
  const child = spawn(process.execPath, ['src/cli/main.ts', 'emulator', 'dingtalk'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const [first] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  assert.match(first, /^http:\/\/127\.0\.0\.1:\d+$/);
  const org = await call(first, 'GET', '/_emulator/org');
  assert.equal(org.body.app.clientId, 'dingdemoapp0001');
  child.kill('SIGTERM');
  const [code] = (await once(child, 'exit')) as [number];
  assert.equal(code, 0);
});

test('say follows a streamed card until it is finished', async () => {
  const e = await startDingtalkEmulator();
  try {
    const client = await connect(e.url);
    const posted = e.control.postMessage({ as: 'user0001', content: '你好' });
    assert.ok(posted.accepted);
    const out: string[] = [];
    const following = followTurn({ url: e.url, conversationId: posted.conversationId, afterSeq: 0, timeoutMs: 5000, pollMs: 20, write: (t) => out.push(t) });
    await client.next();
    const h = { 'x-acs-dingtalk-access-token': await token(e.url) };
    await call(e.url, 'POST', '/v1.0/card/instances/createAndDeliver', { cardTemplateId: 't.schema', outTrackId: 'c1', openSpaceId: 'dtv1.card//IM_ROBOT.user0001' }, h);
    await call(e.url, 'PUT', '/v1.0/card/streaming', { outTrackId: 'c1', guid: 'a', key: 'msgContent', content: '你好，', isFull: true }, h);
    await call(e.url, 'PUT', '/v1.0/card/streaming', { outTrackId: 'c1', guid: 'b', key: 'msgContent', content: '你好，张三', isFull: true, isFinalize: true }, h);
    assert.deepEqual(await following, { kind: 'card', state: 'finished' });
    assert.equal(out.join('').trim(), '你好，张三');
    client.close();
  } finally {
    await e.close();
  }
});
