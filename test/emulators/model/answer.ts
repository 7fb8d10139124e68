// Turns a scripted answer into OpenAI's wire shapes: the list of `chat.completion.chunk` objects a
// streaming response sends (role delta, content deltas, per tool call a header delta with index, id
// and name followed by argument pieces, the finish_reason delta, then a usage-only chunk when the
// request set `stream_options.include_usage`), or one `chat.completion` object.

import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { CompletionUsage } from 'openai/resources/completions';
import type { AnswerShaping, ChatRequest, ScriptToolCall } from './types.ts';

export interface Answer extends AnswerShaping {
  text?: string;
  toolCalls?: ScriptToolCall[];
}

interface Resolved {
  id: string;
  created: number;
  model: string;
  text: string;
  calls: { id: string; name: string; arguments: string }[];
  finishReason: NonNullable<AnswerShaping['finishReason']>;
  usage: CompletionUsage | null;
}

const FINGERPRINT = 'fp_warden_emulator';

/** Splits by code point so a delta never ends inside a surrogate pair. */
export function pieces(text: string, size: number): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out;
}

/** About four characters a token, like the usual rule of thumb; only used when a step gives no counts. */
function estimate(chars: number): number {
  return Math.ceil(chars / 4);
}

function resolve(answer: Answer, request: ChatRequest, requestIndex: number): Resolved {
  const text = answer.text ?? '';
  const calls = (answer.toolCalls ?? []).map((call, n) => ({
    id: call.id ?? `call_${requestIndex}_${n}`,
    name: call.name,
    arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
  }));
  const completionChars = text.length + calls.reduce((sum, c) => sum + c.name.length + c.arguments.length, 0);
  const counts = answer.usage === false ? null : answer.usage ?? { promptTokens: estimate(JSON.stringify(request.messages ?? []).length), completionTokens: estimate(completionChars) };
  return {
    id: `chatcmpl-emu${requestIndex}`,
    created: Math.floor(Date.now() / 1000),
    model: typeof request.model === 'string' ? request.model : 'unknown',
    text,
    calls,
    finishReason: answer.finishReason ?? (calls.length ? 'tool_calls' : 'stop'),
    usage: counts && {
      prompt_tokens: counts.promptTokens,
      completion_tokens: counts.completionTokens,
      total_tokens: counts.promptTokens + counts.completionTokens,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    },
  };
}

export function streamChunks(answer: Answer, request: ChatRequest, requestIndex: number): ChatCompletionChunk[] {
  const r = resolve(answer, request, requestIndex);
  const withUsage = request.stream_options?.include_usage === true;
  const chunk = (choices: ChatCompletionChunk['choices']): ChatCompletionChunk => ({
    id: r.id,
    object: 'chat.completion.chunk',
    created: r.created,
    model: r.model,
    service_tier: 'default',
    system_fingerprint: FINGERPRINT,
    choices,
    ...(withUsage ? { usage: null } : {}),
  });
  const delta = (d: ChatCompletionChunk.Choice.Delta): ChatCompletionChunk => chunk([{ index: 0, delta: d, logprobs: null, finish_reason: null }]);

  const out = [delta({ role: 'assistant', content: '', refusal: null })];
  for (const piece of pieces(r.text, answer.chunkSize ?? 8)) out.push(delta({ content: piece }));
  r.calls.forEach((call, index) => {
    out.push(delta({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }));
    for (const piece of pieces(call.arguments, answer.chunkSize ?? 10)) out.push(delta({ tool_calls: [{ index, function: { arguments: piece } }] }));
  });
  out.push(chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: r.finishReason }]));
  if (withUsage && r.usage) out.push({ ...chunk([]), usage: r.usage });
  return out;
}

export function completion(answer: Answer, request: ChatRequest, requestIndex: number): ChatCompletion {
  const r = resolve(answer, request, requestIndex);
  const message: ChatCompletion.Choice['message'] = { role: 'assistant', content: r.text === '' && r.calls.length ? null : r.text, refusal: null, annotations: [] };
  if (r.calls.length) message.tool_calls = r.calls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } }));
  return {
    id: r.id,
    object: 'chat.completion',
    created: r.created,
    model: r.model,
    service_tier: 'default',
    system_fingerprint: FINGERPRINT,
    choices: [{ index: 0, message, logprobs: null, finish_reason: r.finishReason }],
    ...(r.usage ? { usage: r.usage } : {}),
  };
}
