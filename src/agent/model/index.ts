// The model part: one client for any OpenAI-compatible chat-completions endpoint (OpenAI, Qwen on
// DashScope, DeepSeek, vLLM, Ollama…). The turn loop sees only this interface.

import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';

export interface ModelConfig {
  /** Ends before /chat/completions, e.g. http://127.0.0.1:11434/v1. */
  baseUrl: string;
  model: string;
  /** Empty for servers without keys. Never appears in an error message. */
  apiKey: string;
  /** An attempt fails when the server sends nothing for this long (default 120000). */
  timeoutMs?: number;
  /** Retries after 429, 5xx, network errors and timeouts, never after text was shown (default 3). */
  maxRetries?: number;
  temperature?: number;
  maxTokens?: number;
}

/** OpenAI's message type, as sent on the wire. */
export type ChatMessage = ChatCompletionMessageParam;

export interface ToolSpec {
  name: string;
  description: string;
  /** JSON Schema of the arguments object. */
  parameters: Record<string, unknown>;
}

export interface ModelToolCall {
  id: string;
  name: string;
  /** Raw JSON text as the model wrote it; may be invalid JSON (the loop tells the model so). */
  arguments: string;
}

export interface ModelResponse {
  text: string;
  toolCalls: ModelToolCall[];
  /** `stop`, `tool_calls`, `length`, `content_filter`… as the server said. */
  finishReason: string;
  /** From the server's usage chunk, or estimated from the text length when it sent none. */
  usage: { promptTokens: number; completionTokens: number };
}

export interface CompletionRequest {
  messages: ChatMessage[];
  tools?: ToolSpec[];
  signal?: AbortSignal;
  onDelta?: (text: string) => void;
}

export interface ModelClient {
  /** Streams one completion; onDelta gets text as it arrives. Rejects with ModelError. */
  complete(request: CompletionRequest): Promise<ModelResponse>;
}

export { createModelClient, type ModelClientOptions } from './client.ts';
export { ModelError, type ModelErrorKind } from './model-error.ts';
