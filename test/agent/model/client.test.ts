// The model client against the scripted emulator: streaming, tool calls, the request it sends.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createModelClient } from '../../../src/agent/model/index.ts';
import { startModelServer } from '../../emulators/model/index.ts';
import { hello, rig } from './helpers.ts';

describe('model client: answers', () => {
  it('streams text through onDelta in several pieces and returns the whole answer with usage', async () => {
    const { client } = await rig([{ text: 'The answer is forty-two, of course.', chunkSize: 5, usage: { promptTokens: 12, completionTokens: 9 } }]);
    const deltas: string[] = [];
    const response = await client.complete({ messages: hello, onDelta: (t) => deltas.push(t) });
    assert.ok(deltas.length >= 5);
    assert.equal(deltas.join(''), 'The answer is forty-two, of course.');
    assert.deepEqual(response, { text: 'The answer is forty-two, of course.', toolCalls: [], finishReason: 'stop', usage: { promptTokens: 12, completionTokens: 9 } });
  });

  it('sends model, messages, stream with include_usage, tools as functions, temperature and max_tokens', async () => {
    const { client, server } = await rig([{ text: 'ok' }], { temperature: 0.2, maxTokens: 256 });
    const tools = [{ name: 'read', description: 'Read a file', parameters: { type: 'object', properties: { path: { type: 'string' } } } }];
    await client.complete({ messages: hello, tools });
    const body = server.requests[0];
    assert.equal(body?.model, 'test-model');
    assert.deepEqual(body?.messages, hello);
    assert.equal(body?.stream, true);
    assert.deepEqual(body?.stream_options, { include_usage: true });
    assert.deepEqual(body?.tools, [{ type: 'function', function: tools[0] }]);
    assert.deepEqual([body?.temperature, body?.max_tokens], [0.2, 256]);
  });

  it('omits tools when none are given', async () => {
    const { client, server } = await rig([{ text: 'ok' }]);
    await client.complete({ messages: hello, tools: [] });
    assert.equal(server.requests[0] && 'tools' in server.requests[0], false);
  });

  it('assembles several parallel tool calls whose arguments are split across chunks', async () => {
    const readArgs = { path: 'reports/2024/quarterly-summary.md', offset: 0, limit: 4000 };
    const { client } = await rig([
      {
        text: 'Let me look.',
        chunkSize: 3,
        toolCalls: [
          { name: 'read', arguments: readArgs, id: 'call_a' },
          { name: 'list', arguments: { path: 'reports' }, id: 'call_b' },
          { name: 'exec', arguments: { command: 'wc', args: ['-l', 'x.txt'] } },
        ],
      },
    ]);
    const deltas: string[] = [];
    const response = await client.complete({ messages: hello, onDelta: (t) => deltas.push(t) });
    assert.equal(response.finishReason, 'tool_calls');
    assert.equal(response.text, 'Let me look.');
    assert.equal(deltas.join(''), 'Let me look.');
    assert.deepEqual(response.toolCalls.map((c) => [c.id, c.name, JSON.parse(c.arguments)]), [
      ['call_a', 'read', readArgs],
      ['call_b', 'list', { path: 'reports' }],
      ['call_0_2', 'exec', { command: 'wc', args: ['-l', 'x.txt'] }],
    ]);
  });

  it('returns a tool call whose arguments are not valid JSON as raw text', async () => {
    const { client } = await rig([{ toolCalls: [{ name: 'read', arguments: '{"path": "a.txt",' }] }]);
    const response = await client.complete({ messages: hello });
    assert.deepEqual(response.toolCalls, [{ id: 'call_0_0', name: 'read', arguments: '{"path": "a.txt",' }]);
  });

  it('estimates usage from the text when the server sends none', async () => {
    const text = 'x'.repeat(400);
    const { client } = await rig([{ text, usage: false }]);
    const response = await client.complete({ messages: hello });
    assert.equal(response.usage.completionTokens, 100);
    assert.ok(response.usage.promptTokens > 0);
  });

  it('passes the finish reason through (length)', async () => {
    const { client } = await rig([{ text: 'cut sh', finishReason: 'length' }]);
    assert.equal((await client.complete({ messages: hello })).finishReason, 'length');
  });

  it('a later request can answer from the tool result it was sent', async () => {
    const { client } = await rig((request) => {
      const last = request.messages.at(-1);
      return last?.role === 'tool' ? { text: `file says ${String(last.content)}` } : { toolCalls: [{ name: 'read', arguments: { path: 'a' }, id: 'c1' }] };
    });
    const first = await client.complete({ messages: hello });
    const second = await client.complete({
      messages: [...hello, { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'read', arguments: first.toolCalls[0]?.arguments ?? '' } }] }, { role: 'tool', tool_call_id: 'c1', content: 'hi' }],
    });
    assert.equal(second.text, 'file says hi');
  });

  it('works against a server without keys when the API key is empty', async () => {
    const server = await startModelServer({ script: [{ text: 'no key needed' }] });
    try {
      const client = createModelClient({ baseUrl: `${server.baseUrl}/`, model: 'llama', apiKey: '' });
      assert.equal((await client.complete({ messages: hello })).text, 'no key needed');
    } finally {
      await server.close();
    }
  });

  it('refuses a config without a usable base URL or model when built', async () => {
    assert.throws(() => createModelClient({ baseUrl: 'localhost:8000', model: 'm', apiKey: '' }), /createModelClient: baseUrl/);
    assert.throws(() => createModelClient({ baseUrl: 'http://127.0.0.1:1/v1', model: '', apiKey: '' }), /model is empty/);
    assert.throws(() => createModelClient({ baseUrl: 'http://127.0.0.1:1/v1', model: 'm', apiKey: '', maxRetries: -1 }), /maxRetries/);
  });
});
