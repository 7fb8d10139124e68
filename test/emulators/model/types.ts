// The scripted model server's vocabulary: a test says, request by request, what the "model" does.
// Steps are plain data so a failing test prints what was scripted.

import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';

/** A chat-completions request body as the server received it (parsed JSON, not validated further). */
export type ChatRequest = ChatCompletionCreateParams & { stream?: boolean | null };

export interface ScriptToolCall {
  name: string;
  /** An object is sent as its JSON text; a string is sent as it is (to script invalid JSON). */
  arguments: Record<string, unknown> | string;
  /** Defaults to `call_<request>_<n>`. */
  id?: string;
}

/** How an answer is delivered; every field is optional and defaults to what OpenAI does. */
export interface AnswerShaping {
  /** Characters per content delta (default 8) and per arguments delta (default 10). */
  chunkSize?: number;
  /** Default `tool_calls` when there are tool calls, else `stop`. */
  finishReason?: 'stop' | 'length' | 'tool_calls' | 'content_filter';
  /** Token counts to report; `false` omits usage even when the request asked for it. */
  usage?: { promptTokens: number; completionTokens: number } | false;
  /** Streaming only: milliseconds between SSE events (a slowly writing model). */
  eventDelayMs?: number;
  /** Streaming only: after this many SSE events, `drop` destroys the socket, `hang` stops writing. */
  cut?: { afterEvents: number; mode: 'drop' | 'hang' };
}

export interface ScriptError {
  status: 400 | 401 | 403 | 404 | 429 | 500 | 502 | 503;
  message: string;
  /** Seconds, sent as the `retry-after` header. */
  retryAfter?: number;
  /** OpenAI's error `type` and `code`; defaults follow the status. */
  type?: string;
  code?: string | null;
}

export type Step =
  | ({ text: string; toolCalls?: ScriptToolCall[] } & AnswerShaping)
  | ({ toolCalls: ScriptToolCall[]; text?: string } & AnswerShaping)
  | { error: ScriptError }
  /** Waits, then plays `then`; the wait ends early (nothing is sent) when the client disconnects. */
  | { delayMs: number; then: Step }
  /** Never answers; the request stays open until the client gives up or the server closes. */
  | { hang: true }
  /** Destroys the socket without a response. */
  | { dropConnection: true };

/**
 * A queue of steps played in order (a request past the end gets a 500 naming the script as
 * exhausted), or a function of the request and its 0-based index among authorised requests.
 */
export type Script = Step[] | ((request: ChatRequest, index: number) => Step);
