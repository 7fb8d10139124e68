// The API client: against the emulator for tokens (reuse, refresh on InvalidAuthentication, refresh
// failure) and DingTalk's error bodies; with a scripted fetch for throttling and 5xx retry rules.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDingtalkApiClient, DingtalkApiError } from '../../../src/channels/dingtalk/index.ts';
import { startDingtalkEmulator, type DingtalkEmulator } from '../../../src/emulator/dingtalk/index.ts';

let emulator: DingtalkEmulator;
before(async () => {
  emulator = await startDingtalkEmulator();
});
after(() => emulator.close());

function countingClient(extra: { log?: (line: string) => void } = {}) {
  const paths: string[] = [];
  const client = createDingtalkApiClient({
    clientId: 'dingdemoapp0001',
    clientSecret: 'demo-secret-not-for-production',
    apiBaseUrl: emulator.url,
    oapiBaseUrl: emulator.url,
    fetch: (input, init) => {
      paths.push(new URL(String(input)).pathname);
      return fetch(input, init);
    },
    sleep: async () => {},
    ...extra,
  });
  return { client, tokenFetches: () => paths.filter((p) => p === '/v1.0/oauth2/accessToken').length };
}

const SHEETS = '/v1.0/notable/bases/baseSales0001/sheets';

describe('dingtalk api client (emulator)', () => {
  it('fetches the token once and reuses it', async () => {
    const { client, tokenFetches } = countingClient();
    const sheets = await client.request<{ value: Array<{ name: string }> }>('GET', SHEETS, { query: { operatorId: 'unionUser0001' } });
    assert.ok(sheets.value.some((s) => s.name === '订单'));
    await client.request('GET', SHEETS, { query: { operatorId: 'unionUser0001' } });
    assert.equal(tokenFetches(), 1);
  });

  it('refreshes once when DingTalk calls the token invalid', async () => {
    const logs: string[] = [];
    const { client, tokenFetches } = countingClient({ log: (l) => logs.push(l) });
    await client.accessToken();
    emulator.control.revokeTokens();
    await client.request('GET', SHEETS, { query: { operatorId: 'unionUser0001' } });
    assert.equal(tokenFetches(), 2);
    assert.ok(logs.some((l) => l.includes('InvalidAuthentication')));
  });

  it('a refresh failure is a DingtalkApiError naming the token and the app', async () => {
    const { client } = countingClient();
    await client.accessToken();
    emulator.control.revokeTokens();
    emulator.control.failTokenRequests(1);
    await assert.rejects(client.request('GET', SHEETS, { query: { operatorId: 'unionUser0001' } }), (error: unknown) => {
      assert.ok(error instanceof DingtalkApiError);
      assert.match(error.message, /access token for app dingdemoapp0001/);
      return true;
    });
    // The next call gets a fresh token again.
    await client.request('GET', SHEETS, { query: { operatorId: 'unionUser0001' } });
  });

  it('turns DingTalk error bodies into DingtalkApiError with the code (v1.0 and oapi)', async () => {
    const { client } = countingClient();
    await assert.rejects(client.request('GET', SHEETS, { query: { operatorId: 'unionCustomer0001' } }), (error: unknown) => error instanceof DingtalkApiError && error.status >= 400 && error.code.length > 0);
    await assert.rejects(client.oapi('/topapi/v2/user/get', { userid: 'nobody' }), (error: unknown) => error instanceof DingtalkApiError && error.code !== '0');
  });
});

function scripted(answers: Array<[number, unknown, Record<string, string>?]>) {
  const seen: string[] = [];
  const fetchStub: typeof fetch = async (input, init) => {
    const path = new URL(String(input)).pathname;
    if (path === '/v1.0/oauth2/accessToken') return Response.json({ accessToken: 't', expireIn: 7200 });
    seen.push(`${init?.method} ${path}`);
    const [status, body, headers] = answers.shift() ?? [200, {}];
    return Response.json(body, { status, headers });
  };
  const waits: number[] = [];
  const client = createDingtalkApiClient({ clientId: 'a', clientSecret: 'b', apiBaseUrl: 'http://127.0.0.1:9', oapiBaseUrl: 'http://127.0.0.1:9', fetch: fetchStub, random: () => 0, sleep: async (ms) => void waits.push(ms) });
  return { client, seen, waits };
}

describe('dingtalk api client retries', () => {
  it('retries a throttled call (403 QpsLimit, 429 with x-acs-retry-after, oapi 90018) even when not idempotent', async () => {
    const { client, seen, waits } = scripted([
      [403, { code: 'Forbidden.AccessDenied.QpsLimitForAppkeyAndApi', message: 'qps' }],
      [429, { code: 'Throttling', message: 'slow down' }, { 'x-acs-retry-after': '2' }],
      [200, { ok: true }],
    ]);
    assert.deepEqual(await client.request('POST', '/v1.0/robot/groupMessages/send', { body: {} }), { ok: true });
    assert.equal(seen.length, 3);
    assert.equal(waits[1], 2000);
    const oapi = scripted([[200, { errcode: 90018, errmsg: 'qps' }], [200, { errcode: 0, result: 1 }]]);
    assert.deepEqual(await oapi.client.oapi('/topapi/v2/user/get', {}), { errcode: 0, result: 1 });
  });

  it('retries a 5xx only when the call is idempotent', async () => {
    const post = scripted([[503, { code: 'ServiceUnavailable' }], [200, {}]]);
    await assert.rejects(post.client.request('POST', '/v1.0/robot/oToMessages/batchSend', { body: {} }), (e: unknown) => e instanceof DingtalkApiError && e.status === 503 && !e.retryable);
    assert.equal(post.seen.length, 1);
    const put = scripted([[503, { code: 'ServiceUnavailable' }], [200, { done: 1 }]]);
    assert.deepEqual(await put.client.request('PUT', '/v1.0/card/streaming', { body: {}, idempotent: true }), { done: 1 });
    assert.equal(put.seen.length, 2);
  });

  it('gives up after the attempts and keeps the last error code', async () => {
    const { client, seen } = scripted(Array.from({ length: 6 }, () => [403, { code: 'Forbidden.AccessDenied.QpsLimitForApi', requestid: 'r1' }] as [number, unknown]));
    await assert.rejects(client.request('GET', '/v1.0/x'), (e: unknown) => e instanceof DingtalkApiError && e.code === 'Forbidden.AccessDenied.QpsLimitForApi' && e.requestId === 'r1');
    assert.equal(seen.length, 4);
  });
});
