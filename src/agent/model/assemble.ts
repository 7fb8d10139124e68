// Builds one answer from streamed chat-completion chunks: content deltas appended, tool calls
// assembled by their `index` (the header delta brings id and name, later deltas bring pieces of the
// arguments), finish_reason and the usage chunk kept. Pure; servers that differ a little from OpenAI
// (no index, the id repeated in every delta, the whole arguments in one delta) are tolerated.

import type { ChatCompletionChunk } from 'openai/resources/chat/completions';

export interface AssembledCall {
  id: string;
  name: string;
  arguments: string;
}

export interface Assembled {
  text: string;
  calls: AssembledCall[];
  finishReason: string | undefined;
  usage: { promptTokens: number; completionTokens: number } | undefined;
}

export interface Assembler {
  /** Takes one chunk; returns the text it adds (empty when none). */
  add(chunk: ChatCompletionChunk): string;
  result(): Assembled;
}

export function createAssembler(): Assembler {
  let text = '';
  let finishReason: string | undefined;
  let usage: Assembled['usage'];
  const calls = new Map<number, AssembledCall>();
  let lastIndex = -1;

  const addCall = (delta: ChatCompletionChunk.Choice.Delta.ToolCall): void => {
    // Without an index, a delta with a new id starts a call and one without continues the last.
    let index = typeof delta.index === 'number' ? delta.index : lastIndex;
    if (typeof delta.index !== 'number' && (lastIndex < 0 || (delta.id && calls.get(lastIndex)?.id !== delta.id))) index = calls.size;
    lastIndex = index;
    const call = calls.get(index) ?? { id: '', name: '', arguments: '' };
    calls.set(index, call);
    if (delta.id && !call.id) call.id = delta.id;
    if (delta.function?.name && !call.name) call.name = delta.function.name;
    if (delta.function?.arguments) call.arguments += delta.function.arguments;
  };

  return {
    add(chunk) {
      if (chunk.usage) usage = { promptTokens: chunk.usage.prompt_tokens ?? 0, completionTokens: chunk.usage.completion_tokens ?? 0 };
      // One choice is asked for; any other index is ignored.
      const choice = chunk.choices?.find((c) => (c.index ?? 0) === 0);
      if (!choice) return '';
      if (choice.finish_reason) finishReason = choice.finish_reason;
      for (const call of choice.delta?.tool_calls ?? []) addCall(call);
      const piece = typeof choice.delta?.content === 'string' ? choice.delta.content : '';
      text += piece;
      return piece;
    },
    result() {
      const ordered = [...calls.entries()].sort(([a], [b]) => a - b).map(([index, call]) => ({ ...call, id: call.id || `call_${index}` }));
      return { text, calls: ordered, finishReason, usage };
    },
  };
}
