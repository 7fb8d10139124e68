// The chunk assembler and the back-off arithmetic, on hand-made inputs (no server).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { createAssembler } from '../../../src/agent/model/assemble.ts';
import { backOffMs, DEFAULT_BACK_OFF, retryAfterMs } from '../../../src/agent/model/back-off.ts';

type Delta = ChatCompletionChunk.Choice.Delta;
type ToolCallDelta = ChatCompletionChunk.Choice.Delta.ToolCall;
const chunk = (delta: Delta, finish: ChatCompletionChunk.Choice['finish_reason'] = null): ChatCompletionChunk => ({ id: 'c', object: 'chat.completion.chunk', created: 0, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] });

describe('assembler', () => {
  it('interleaved argument pieces of two calls go to the call their index names', () => {
    const a = createAssembler();
    a.add(chunk({ tool_calls: [{ index: 0, id: 'x', type: 'function', function: { name: 'read', arguments: '' } }] }));
    a.add(chunk({ tool_calls: [{ index: 1, id: 'y', type: 'function', function: { name: 'list', arguments: '{"p' } }] }));
    a.add(chunk({ tool_calls: [{ index: 0, function: { arguments: '{"path":' } }] }));
    a.add(chunk({ tool_calls: [{ index: 1, function: { arguments: '":1}' } }] }));
    a.add(chunk({ tool_calls: [{ index: 0, function: { arguments: '"a"}' } }] }));
    a.add(chunk({}, 'tool_calls'));
    assert.deepEqual(a.result().calls, [
      { id: 'x', name: 'read', arguments: '{"path":"a"}' },
      { id: 'y', name: 'list', arguments: '{"p":1}' },
    ]);
    assert.equal(a.result().finishReason, 'tool_calls');
  });

  it('tolerates deltas without index, ids repeated in every delta, and missing ids', () => {
    const a = createAssembler();
    const noIndex = (call: Omit<ToolCallDelta, 'index'>): ChatCompletionChunk => chunk({ tool_calls: [call as ToolCallDelta] });
    a.add(noIndex({ id: 'p', function: { name: 'read', arguments: '{"a":' } }));
    a.add(noIndex({ id: 'p', function: { name: 'read', arguments: '1}' } }));
    a.add(noIndex({ id: 'q', function: { name: 'list', arguments: '{}' } }));
    a.add(chunk({ tool_calls: [{ index: 5, function: { name: 'exec', arguments: '{}' } }] }));
    assert.deepEqual(a.result().calls, [
      { id: 'p', name: 'read', arguments: '{"a":1}' },
      { id: 'q', name: 'list', arguments: '{}' },
      { id: 'call_5', name: 'exec', arguments: '{}' },
    ]);
  });

  it('returns the text each chunk adds, ignores null content and other choices, keeps usage', () => {
    const a = createAssembler();
    assert.equal(a.add(chunk({ role: 'assistant', content: '' })), '');
    assert.equal(a.add(chunk({ content: 'Hi' })), 'Hi');
    assert.equal(a.add(chunk({ content: null })), '');
    assert.equal(a.add({ ...chunk({ content: 'other' }), choices: [{ index: 1, delta: { content: 'other' }, finish_reason: null }] }), '');
    a.add({ ...chunk({}), choices: [], usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 } });
    assert.deepEqual(a.result(), { text: 'Hi', calls: [], finishReason: undefined, usage: { promptTokens: 3, completionTokens: 1 } });
  });
});

describe('back-off', () => {
  const headers = (entries: Record<string, string>): Headers => new Headers(entries);
  const cases: { name: string; headers: Record<string, string>; ms: number | undefined }[] = [
    { name: 'seconds', headers: { 'retry-after': '3' }, ms: 3000 },
    { name: 'fractional seconds', headers: { 'retry-after': '0.5' }, ms: 500 },
    { name: 'retry-after-ms wins', headers: { 'retry-after-ms': '250', 'retry-after': '3' }, ms: 250 },
    { name: 'HTTP date', headers: { 'retry-after': 'Thu, 01 Jan 2026 00:00:10 GMT' }, ms: 10_000 },
    { name: 'date in the past', headers: { 'retry-after': 'Wed, 31 Dec 2025 00:00:00 GMT' }, ms: 0 },
    { name: 'nonsense', headers: { 'retry-after': 'soon' }, ms: undefined },
    { name: 'negative', headers: { 'retry-after': '-5' }, ms: undefined },
    { name: 'absent', headers: {}, ms: undefined },
  ];
  for (const c of cases) {
    it(`retry-after: ${c.name}`, () => {
      assert.equal(retryAfterMs(headers(c.headers), Date.parse('2026-01-01T00:00:00Z')), c.ms);
    });
  }

  it('doubles per retry up to the ceiling, with jitter in the upper half', () => {
    const low = { ...DEFAULT_BACK_OFF, random: () => 0 };
    const high = { ...DEFAULT_BACK_OFF, random: () => 0.999999 };
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((r) => backOffMs(r, low)), [250, 500, 1000, 2000, 4000, 4000]);
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((r) => backOffMs(r, high)), [500, 1000, 2000, 4000, 8000, 8000]);
  });
});
