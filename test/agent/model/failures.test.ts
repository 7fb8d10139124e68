// The model client when things go wrong: which failures are retried, how long it waits, what the
// error says, and that nothing is retried once the user has seen text.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createModelClient, ModelError, type ModelErrorKind } from '../../../src/agent/model/index.ts';
import { startModelServer } from '../../emulators/model/index.ts';
import { hello, KEY, rig } from './helpers.ts';

async function rejection(promise: Promise<unknown>): Promise<ModelError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ModelError, `expected a ModelError, got ${String(error)}`);
    assert.ok(!error.message.includes(KEY), 'the API key never appears in a message');
    return error;
  }
  assert.fail('expected the call to fail');
}

describe('model client: retries', () => {
  it('retries a 429 after the retry-after the server asked for, then succeeds', async () => {
    const { client, server, waits } = await rig([{ error: { status: 429, message: 'Rate limit reached', retryAfter: 2 } }, { text: 'fine now' }]);
    const response = await client.complete({ messages: hello });
    assert.equal(response.text, 'fine now');
    assert.equal(server.requests.length, 2);
    assert.deepEqual(waits, [2000]);
  });

  it('backs off exponentially (with jitter) when the server gives no retry-after', async () => {
    const { client, waits } = await rig([{ error: { status: 503, message: 'overloaded' } }, { error: { status: 500, message: 'oops' } }, { dropConnection: true }, { text: 'ok' }]);
    assert.equal((await client.complete({ messages: hello })).text, 'ok');
    // random() is pinned to 0.5: half of each ceiling fixed plus a quarter from the jitter.
    assert.deepEqual(waits, [375, 750, 1500]);
  });

  it('gives up after maxRetries on repeated 500s and says how many attempts it made', async () => {
    const { client, server, waits } = await rig(() => ({ error: { status: 500, message: 'The server had an error while processing your request.' } }), { maxRetries: 2 });
    const error = await rejection(client.complete({ messages: hello }));
    assert.deepEqual([error.kind, error.status, error.retryable], ['server', 500, true]);
    assert.equal(server.requests.length, 3);
    assert.equal(waits.length, 2);
    assert.match(error.message, /answered 500: The server had an error/);
    assert.match(error.message, /after 3 attempts/);
    assert.ok(error.message.includes(server.baseUrl));
  });

  it('does not wait for a retry-after longer than a minute', async () => {
    const { client, server, waits } = await rig([{ error: { status: 429, message: 'quota', retryAfter: 3600 } }, { text: 'never' }]);
    const error = await rejection(client.complete({ messages: hello }));
    assert.deepEqual([error.kind, error.retryAfterMs, server.requests.length, waits], ['rate-limit', 3_600_000, 1, []]);
  });

  const noRetry: { name: string; status: 400 | 401 | 403 | 404; kind: ModelErrorKind; hint: RegExp }[] = [
    { name: '401 wrong key', status: 401, kind: 'auth', hint: /check the secret named in model\.apiKeySecret/ },
    { name: '403 forbidden', status: 403, kind: 'auth', hint: /model\.apiKeySecret/ },
    { name: '400 bad request', status: 400, kind: 'bad-request', hint: /answered 400/ },
    { name: '404 unknown model', status: 404, kind: 'bad-request', hint: /check model\.baseUrl .* and model\.model/ },
  ];
  for (const c of noRetry) {
    it(`does not retry: ${c.name}`, async () => {
      const { client, server, waits } = await rig([{ error: { status: c.status, message: `scripted ${c.status} for ${KEY}` } }, { text: 'never' }]);
      const error = await rejection(client.complete({ messages: hello }));
      assert.deepEqual([error.kind, error.status, error.retryable, server.requests.length, waits], [c.kind, c.status, false, 1, []]);
      assert.match(error.message, c.hint);
      assert.match(error.message, /\[redacted\]/, 'a key the server echoed is cut out');
    });
  }

  it('a real wrong key: 401 from the server, no retry, the key named nowhere', async () => {
    const server = await startModelServer({ apiKey: KEY, script: [{ text: 'never' }] });
    try {
      const wrong = 'sk-this-is-the-wrong-key-42';
      const client = createModelClient({ baseUrl: server.baseUrl, model: 'm', apiKey: wrong, maxRetries: 3 });
      const error = await rejection(client.complete({ messages: hello }));
      assert.deepEqual([error.kind, error.status, server.requests.length], ['auth', 401, 1]);
      assert.ok(!error.message.includes(wrong));
      assert.match(error.message, new RegExp(`^the model server at ${server.baseUrl.replace(/[.]/g, '\\.')} answered 401: Incorrect API key`));
    } finally {
      await server.close();
    }
  });

  it('a refused connection is a network error, retried, then reported with the URL', async () => {
    const server = await startModelServer();
    const baseUrl = server.baseUrl;
    await server.close();
    const waits: number[] = [];
    const client = createModelClient({ baseUrl, model: 'm', apiKey: KEY, maxRetries: 1 }, { sleep: async (ms) => void waits.push(ms) });
    const error = await rejection(client.complete({ messages: hello }));
    assert.deepEqual([error.kind, error.retryable, waits.length], ['network', true, 1]);
    assert.match(error.message, /could not reach the model server at http:\/\/127\.0\.0\.1:\d+\/v1/);
  });
});

describe('model client: broken streams, timeouts and cancellation', () => {
  it('a dropped connection before any text is retried', async () => {
    const { client, server } = await rig([{ dropConnection: true }, { text: 'second try' }]);
    assert.equal((await client.complete({ messages: hello })).text, 'second try');
    assert.equal(server.requests.length, 2);
  });

  it('a stream cut after the role delta (no text yet) is retried', async () => {
    const { client, server } = await rig([{ text: 'lost', cut: { afterEvents: 1, mode: 'drop' } }, { text: 'whole' }]);
    assert.equal((await client.complete({ messages: hello, onDelta: () => {} })).text, 'whole');
    assert.equal(server.requests.length, 2);
  });

  it('never retries once a delta reached onDelta: the dropped stream fails as a network error', async () => {
    const { client, server, waits } = await rig([{ text: 'abcdefghijklmnop', chunkSize: 2, cut: { afterEvents: 4, mode: 'drop' } }, { text: 'a different answer' }]);
    const deltas: string[] = [];
    const error = await rejection(client.complete({ messages: hello, onDelta: (t) => deltas.push(t) }));
    assert.equal(error.kind, 'network');
    assert.deepEqual(deltas, ['ab', 'cd', 'ef']);
    assert.deepEqual([server.requests.length, waits], [1, []]);
  });

  it('a tool call cut before finish_reason (no text shown) is retried', async () => {
    const { client, server } = await rig([{ toolCalls: [{ name: 'read', arguments: { path: 'a.txt' } }], cut: { afterEvents: 3, mode: 'drop' } }, { toolCalls: [{ name: 'read', arguments: { path: 'a.txt' } }] }]);
    const response = await client.complete({ messages: hello });
    assert.deepEqual(JSON.parse(response.toolCalls[0]?.arguments ?? ''), { path: 'a.txt' });
    assert.equal(server.requests.length, 2);
  });

  it('a server that hangs times out (kind timeout), is retried, then fails', async () => {
    const { client, server, waits } = await rig(() => ({ hang: true }), { timeoutMs: 100, maxRetries: 1 });
    const error = await rejection(client.complete({ messages: hello }));
    assert.deepEqual([error.kind, error.retryable, server.requests.length, waits.length], ['timeout', true, 2, 1]);
    assert.match(error.message, /sent nothing for 100 ms \(model\.timeoutMs\)/);
  });

  it('a stream that stalls after text times out without a retry', async () => {
    const { client, server } = await rig([{ text: 'partial answer here', chunkSize: 4, cut: { afterEvents: 3, mode: 'hang' } }, { text: 'never' }], { timeoutMs: 100 });
    const deltas: string[] = [];
    const error = await rejection(client.complete({ messages: hello, onDelta: (t) => deltas.push(t) }));
    assert.equal(error.kind, 'timeout');
    assert.deepEqual([deltas.join(''), server.requests.length], ['partial ', 1]);
  });

  it('a slow answer within the timeout is not cut', async () => {
    const { client } = await rig([{ delayMs: 50, then: { text: 'slow but fine' } }], { timeoutMs: 1000 });
    assert.equal((await client.complete({ messages: hello })).text, 'slow but fine');
  });

  it('aborting mid-stream rejects with kind aborted and no retry', async () => {
    const { client, server } = await rig([{ text: 'one two three four five', chunkSize: 4, cut: { afterEvents: 3, mode: 'hang' } }, { text: 'never' }]);
    const controller = new AbortController();
    const error = await rejection(client.complete({ messages: hello, signal: controller.signal, onDelta: () => controller.abort() }));
    assert.deepEqual([error.kind, error.retryable, server.requests.length], ['aborted', false, 1]);
  });

  it('aborting while the request waits for headers rejects with kind aborted', async () => {
    const { client, server } = await rig([{ hang: true }, { text: 'never' }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const error = await rejection(client.complete({ messages: hello, signal: controller.signal }));
    assert.deepEqual([error.kind, server.requests.length], ['aborted', 1]);
  });

  it('aborting during the back-off wait stops the retries', async () => {
    const server = await startModelServer({ apiKey: KEY, script: () => ({ error: { status: 503, message: 'busy' } }) });
    try {
      const controller = new AbortController();
      const client = createModelClient({ baseUrl: server.baseUrl, model: 'm', apiKey: KEY, maxRetries: 5 }, { backOff: { baseMs: 60_000 } });
      setTimeout(() => controller.abort(), 30);
      const error = await rejection(client.complete({ messages: hello, signal: controller.signal }));
      assert.deepEqual([error.kind, server.requests.length], ['aborted', 1]);
    } finally {
      await server.close();
    }
  });

  it('an already aborted signal sends nothing', async () => {
    const { client, server } = await rig([{ text: 'never' }]);
    const error = await rejection(client.complete({ messages: hello, signal: AbortSignal.abort() }));
    assert.deepEqual([error.kind, server.requests.length], ['aborted', 0]);
  });

  it('an error thrown by onDelta is the caller’s: passed through as it is, not retried', async () => {
    const { client, server } = await rig([{ text: 'hello there' }, { text: 'never' }]);
    const boom = new Error('sink closed');
    await assert.rejects(client.complete({ messages: hello, onDelta: () => { throw boom; } }), (e) => e === boom);
    assert.equal(server.requests.length, 1);
  });
});
