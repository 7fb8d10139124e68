// The emulator speaks OpenAI's wire format, checked with plain fetch (no client library).
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';
import { echoScript, startModelServer, type ModelServer, type Script } from './index.ts';

const KEY = 'sk-emulator-test-key';
const servers: ModelServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

async function serve(script?: Script): Promise<ModelServer> {
  const server = await startModelServer({ apiKey: KEY, ...(script ? { script } : {}) });
  servers.push(server);
  return server;
}

function post(server: ModelServer, body: unknown, key = KEY, signal?: AbortSignal): Promise<Response> {
  return fetch(`${server.baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
}

const ask = (extra: object = {}): object => ({ model: 'm1', messages: [{ role: 'user', content: 'hello' }], ...extra });

/** Parses an SSE body into its data payloads; `[DONE]` is kept as the string. */
async function events(response: Response): Promise<(ChatCompletionChunk | '[DONE]')[]> {
  const body = await response.text();
  assert.ok(body.endsWith('\n\n'), 'every event ends with a blank line');
  return body
    .split('\n\n')
    .filter(Boolean)
    .map((event) => {
      assert.match(event, /^data: /);
      const data = event.slice('data: '.length);
      return data === '[DONE]' ? data : (JSON.parse(data) as ChatCompletionChunk);
    });
}

describe('model emulator: authorisation and routes', () => {
  const cases: { name: string; headers: Record<string, string>; code: string | null }[] = [
    { name: 'missing key', headers: {}, code: null },
    { name: 'wrong key', headers: { authorization: 'Bearer sk-wrong-key-123456' }, code: 'invalid_api_key' },
    { name: 'not bearer', headers: { authorization: KEY }, code: 'invalid_api_key' },
  ];
  for (const c of cases) {
    it(`401 with OpenAI's error body: ${c.name}`, async () => {
      const server = await serve([{ text: 'never' }]);
      const response = await fetch(`${server.baseUrl}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', ...c.headers }, body: JSON.stringify(ask()) });
      assert.equal(response.status, 401);
      const body = (await response.json()) as { error: { message: string; type: string; code: string | null; param: null } };
      assert.equal(body.error.type, 'invalid_request_error');
      assert.equal(body.error.code, c.code);
      assert.equal(typeof body.error.message, 'string');
      assert.equal(body.error.param, null);
      assert.ok(!body.error.message.includes('sk-wrong-key-123456'), 'a wrong key is shown masked');
      assert.equal(server.requests.length, 1, 'the body is recorded');
    });
  }

  it('lists its model and refuses unknown routes with a 404 error body', async () => {
    const server = await serve();
    const models = await fetch(`${server.baseUrl}/models`, { headers: { authorization: `Bearer ${KEY}` } });
    assert.deepEqual(((await models.json()) as { data: { id: string }[] }).data.map((m) => m.id), ['warden-emulator']);
    const missing = await fetch(`${server.baseUrl}/embeddings`, { method: 'POST', headers: { authorization: `Bearer ${KEY}` } });
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'unknown_url');
  });

  it('answers 400 to a body that is not JSON or lacks messages', async () => {
    const server = await serve([{ text: 'x' }]);
    const garbled = await fetch(`${server.baseUrl}/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${KEY}` }, body: '{nope' });
    assert.equal(garbled.status, 400);
    const noMessages = await post(server, { model: 'm1' });
    assert.equal(noMessages.status, 400);
  });
});

describe('model emulator: answers', () => {
  it('non-streaming: a full chat.completion with usage', async () => {
    const server = await serve([{ text: 'Hello there', usage: { promptTokens: 7, completionTokens: 3 } }]);
    const body = (await (await post(server, ask())).json()) as ChatCompletion;
    assert.equal(body.object, 'chat.completion');
    assert.equal(body.model, 'm1');
    assert.deepEqual(body.choices[0]?.message.content, 'Hello there');
    assert.equal(body.choices[0]?.finish_reason, 'stop');
    assert.deepEqual([body.usage?.prompt_tokens, body.usage?.completion_tokens, body.usage?.total_tokens], [7, 3, 10]);
    assert.deepEqual(server.requests[0], ask());
  });

  it('non-streaming tool calls carry ids, names and JSON arguments', async () => {
    const server = await serve([{ toolCalls: [{ name: 'read', arguments: { path: 'a.txt' } }, { name: 'list', arguments: {}, id: 'call_x' }] }]);
    const body = (await (await post(server, ask())).json()) as ChatCompletion;
    const message = body.choices[0]?.message;
    assert.equal(message?.content, null);
    assert.equal(body.choices[0]?.finish_reason, 'tool_calls');
    assert.deepEqual(message?.tool_calls?.map((c) => (c.type === 'function' ? [c.id, c.function.name, c.function.arguments] : [])), [
      ['call_0_0', 'read', '{"path":"a.txt"}'],
      ['call_x', 'list', '{}'],
    ]);
  });

  it('streaming text: role delta, several content deltas, finish_reason, usage chunk, [DONE]', async () => {
    const server = await serve([{ text: 'The quick brown fox jumps', usage: { promptTokens: 5, completionTokens: 6 } }]);
    const response = await post(server, ask({ stream: true, stream_options: { include_usage: true } }));
    assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
    const all = await events(response);
    assert.equal(all.at(-1), '[DONE]');
    const chunks = all.filter((e): e is ChatCompletionChunk => e !== '[DONE]');
    assert.ok(chunks.every((c) => c.object === 'chat.completion.chunk' && c.id === chunks[0]?.id));
    assert.deepEqual(chunks[0]?.choices[0]?.delta, { role: 'assistant', content: '', refusal: null });
    const contents = chunks.flatMap((c) => (c.choices[0]?.delta.content ? [c.choices[0].delta.content] : []));
    assert.ok(contents.length >= 3, 'content arrives in several deltas');
    assert.equal(contents.join(''), 'The quick brown fox jumps');
    const finish = chunks.at(-2);
    assert.equal(finish?.choices[0]?.finish_reason, 'stop');
    assert.deepEqual(finish?.choices[0]?.delta, {});
    const usage = chunks.at(-1);
    assert.deepEqual(usage?.choices, []);
    assert.equal(usage?.usage?.total_tokens, 11);
    assert.ok(chunks.slice(0, -1).every((c) => c.usage === null), 'other chunks carry usage: null');
  });

  it('streaming without include_usage sends no usage chunk', async () => {
    const server = await serve([{ text: 'hi' }]);
    const chunks = (await events(await post(server, ask({ stream: true })))).filter((e) => e !== '[DONE]');
    assert.ok(chunks.every((c) => typeof c !== 'string' && c.choices.length === 1 && !('usage' in c)));
  });

  it('streaming tool calls: a header delta per call, then arguments in pieces', async () => {
    const args = { path: 'notes/very-long-file-name.txt', limit: 100 };
    const server = await serve([{ toolCalls: [{ name: 'read', arguments: args }, { name: 'list', arguments: { path: '.' } }] }]);
    const chunks = (await events(await post(server, ask({ stream: true })))).filter((e): e is ChatCompletionChunk => e !== '[DONE]');
    const deltas = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    const headers = deltas.filter((d) => d.id);
    assert.deepEqual(headers.map((d) => [d.index, d.id, d.type, d.function?.name, d.function?.arguments]), [
      [0, 'call_0_0', 'function', 'read', ''],
      [1, 'call_0_1', 'function', 'list', ''],
    ]);
    const first = deltas.filter((d) => d.index === 0 && !d.id);
    assert.ok(first.length > 1, 'arguments are split across chunks');
    assert.deepEqual(JSON.parse(first.map((d) => d.function?.arguments).join('')), args);
    assert.equal(chunks.at(-1)?.choices[0]?.finish_reason, 'tool_calls');
  });

  it('a function script sees each request and its index', async () => {
    const seen: number[] = [];
    const server = await serve((request, index) => {
      seen.push(index);
      return { text: `${index}:${request.messages.length}` };
    });
    const one = (await (await post(server, ask())).json()) as ChatCompletion;
    const two = (await (await post(server, ask())).json()) as ChatCompletion;
    assert.deepEqual([one.choices[0]?.message.content, two.choices[0]?.message.content, seen], ['0:1', '1:1', [0, 1]]);
  });

  it('an exhausted queue answers 500 saying so', async () => {
    const server = await serve([]);
    const response = await post(server, ask());
    assert.equal(response.status, 500);
    assert.equal(((await response.json()) as { error: { type: string } }).error.type, 'server_error');
  });
});

describe('model emulator: failures', () => {
  const statuses: { status: 429 | 500 | 503 | 400; type: string }[] = [
    { status: 429, type: 'requests' },
    { status: 500, type: 'server_error' },
    { status: 503, type: 'server_error' },
    { status: 400, type: 'invalid_request_error' },
  ];
  for (const { status, type } of statuses) {
    it(`scripted ${status} with OpenAI's error body`, async () => {
      const server = await serve([{ error: { status, message: `scripted ${status}`, retryAfter: 2 } }]);
      const response = await post(server, ask());
      assert.equal(response.status, status);
      assert.equal(response.headers.get('retry-after'), '2');
      const body = (await response.json()) as { error: { message: string; type: string } };
      assert.deepEqual([body.error.message, body.error.type], [`scripted ${status}`, type]);
    });
  }

  it('a dropped connection rejects the fetch', async () => {
    const server = await serve([{ dropConnection: true }]);
    await assert.rejects(post(server, ask()), TypeError);
  });

  it('a stream cut with drop ends the body with an error after the first events', async () => {
    const server = await serve([{ text: 'abcdefghijklmnopqrstuvwxyz', chunkSize: 2, cut: { afterEvents: 3, mode: 'drop' } }]);
    const response = await post(server, ask({ stream: true }));
    assert.equal(response.status, 200);
    await assert.rejects(response.text());
  });

  it('delayMs answers after the delay; a client may leave during the wait and the next request is served', async () => {
    const server = await serve([{ delayMs: 30, then: { text: 'late' } }, { delayMs: 60_000, then: { text: 'never' } }, { text: 'next' }]);
    const late = (await (await post(server, ask())).json()) as ChatCompletion;
    assert.equal(late.choices[0]?.message.content, 'late');
    const controller = new AbortController();
    const pending = post(server, ask(), KEY, controller.signal);
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(pending, { name: 'AbortError' });
    const next = (await (await post(server, ask())).json()) as ChatCompletion;
    assert.equal(next.choices[0]?.message.content, 'next');
  });

  it('hang never answers; close() still ends the server', async () => {
    const server = await startModelServer({ script: [{ hang: true }] });
    const pending = post(server, ask());
    await new Promise((resolve) => setTimeout(resolve, 20));
    await server.close();
    await assert.rejects(pending);
  });
});

describe('model emulator: echo mode', () => {
  it('answers a fixed text, calls a tool on a matching message, then answers with its result', async () => {
    const server = await serve(echoScript({ text: 'Done.', toolWhen: { pattern: /weather/, name: 'exec', arguments: { command: 'weather' } } }));
    const plain = (await (await post(server, ask())).json()) as ChatCompletion;
    assert.equal(plain.choices[0]?.message.content, 'Done.');
    const call = (await (await post(server, { model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: 'the weather?' }] }] })).json()) as ChatCompletion;
    const toolCall = call.choices[0]?.message.tool_calls?.[0];
    assert.equal(toolCall?.type === 'function' ? toolCall.function.name : undefined, 'exec');
    const final = (await (await post(server, { model: 'm', messages: [{ role: 'user', content: 'the weather?' }, { role: 'tool', tool_call_id: 'c', content: 'sunny' }] })).json()) as ChatCompletion;
    assert.equal(final.choices[0]?.message.content, 'Done. sunny');
  });
});
