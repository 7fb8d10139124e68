// The model client: one streamed chat completion per call over any OpenAI-compatible endpoint,
// through the `openai` package (its own retries are off: retrying is decided here, because a retry
// after text reached the user would show them a second, different answer).
//
// Per attempt: a timer aborts the request when the server stays silent for `timeoutMs` (before the
// response starts or between two chunks; a long answer that keeps arriving is not cut). Failures of
// kind rate-limit, server, network and timeout are retried up to `maxRetries` times with back-off,
// unless a delta was already passed to onDelta. The caller's signal aborts everything, retries too.

import OpenAI from 'openai';
import type { ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import { createAssembler, type Assembled } from './assemble.ts';
import { backOffMs, DEFAULT_BACK_OFF, sleep, type BackOffOptions } from './back-off.ts';
import type { ChatMessage, CompletionRequest, ModelClient, ModelConfig, ModelResponse, ToolSpec } from './index.ts';
import { classify, ModelError, type ErrorContext } from './model-error.ts';

/** Seams for tests; production uses the defaults. */
export interface ModelClientOptions {
  backOff?: Partial<BackOffOptions>;
  /** Replaces the wait between attempts (a test records the waits instead of sleeping). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_MAX_RETRIES = 3;
/** Key-less local servers (Ollama, vLLM without --api-key) accept any bearer token; the SDK needs one. */
const NO_KEY = 'no-key';

function validate(config: ModelConfig): void {
  const problems: string[] = [];
  if (!/^https?:\/\/[^/]/.test(config.baseUrl ?? '')) problems.push(`baseUrl ${JSON.stringify(config.baseUrl)} is not an http(s) URL`);
  if (!config.model) problems.push('model is empty');
  if (config.timeoutMs !== undefined && !(Number.isFinite(config.timeoutMs) && config.timeoutMs > 0)) problems.push(`timeoutMs ${config.timeoutMs} is not a positive number`);
  if (config.maxRetries !== undefined && !(Number.isInteger(config.maxRetries) && config.maxRetries >= 0)) problems.push(`maxRetries ${config.maxRetries} is not a whole number ≥ 0`);
  if (problems.length) throw new Error(`createModelClient: ${problems.join('; ')}`);
}

/** About four characters a token: used only when the server reports no usage. */
function estimateTokens(chars: number): number {
  return Math.ceil(chars / 4);
}

function toResponse(assembled: Assembled, messages: ChatMessage[], tools: ToolSpec[] | undefined): ModelResponse {
  const completionChars = assembled.text.length + assembled.calls.reduce((sum, c) => sum + c.name.length + c.arguments.length, 0);
  return {
    text: assembled.text,
    toolCalls: assembled.calls.map((c) => ({ id: c.id, name: c.name, arguments: c.arguments })),
    finishReason: assembled.finishReason ?? 'stop',
    usage: assembled.usage ?? { promptTokens: estimateTokens(JSON.stringify(messages).length + (tools ? JSON.stringify(tools).length : 0)), completionTokens: estimateTokens(completionChars) },
  };
}

export function createModelClient(config: ModelConfig, options: ModelClientOptions = {}): ModelClient {
  validate(config);
  const baseUrl = config.baseUrl.replace(/\/+$/, '');
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = config.maxRetries ?? DEFAULT_MAX_RETRIES;
  const backOff: BackOffOptions = { ...DEFAULT_BACK_OFF, ...options.backOff };
  const wait = options.sleep ?? sleep;
  const context: ErrorContext = { baseUrl, apiKey: config.apiKey };
  // Every option the SDK would otherwise read from the environment is given explicitly.
  const sdk = new OpenAI({ apiKey: config.apiKey || NO_KEY, adminAPIKey: null, organization: null, project: null, webhookSecret: null, baseURL: baseUrl, maxRetries: 0, timeout: timeoutMs, logLevel: 'off' });

  async function attempt(request: CompletionRequest, emitted: { any: boolean }): Promise<ModelResponse> {
    const controller = new AbortController();
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
    };
    const onAbort = (): void => controller.abort();
    // A signal aborted before now fires no event; nothing is sent then.
    if (request.signal?.aborted) throw new ModelError('aborted', 'the model call was cancelled');
    request.signal?.addEventListener('abort', onAbort, { once: true });
    const stopped = (): ModelError | undefined => {
      if (request.signal?.aborted) return new ModelError('aborted', 'the model call was cancelled');
      if (timedOut) return new ModelError('timeout', `the model server at ${baseUrl} sent nothing for ${timeoutMs} ms (model.timeoutMs)`);
      return undefined;
    };
    let callerError: { error: unknown } | undefined;
    try {
      arm();
      const params: ChatCompletionCreateParamsStreaming = {
        model: config.model,
        messages: request.messages,
        stream: true,
        stream_options: { include_usage: true },
        ...(request.tools?.length ? { tools: request.tools.map((t) => ({ type: 'function' as const, function: { name: t.name, description: t.description, parameters: t.parameters } })) } : {}),
        ...(config.temperature !== undefined ? { temperature: config.temperature } : {}),
        ...(config.maxTokens !== undefined ? { max_tokens: config.maxTokens } : {}),
      };
      const stream = await sdk.chat.completions.create(params, { signal: controller.signal });
      const assembler = createAssembler();
      for await (const chunk of stream) {
        arm();
        const text = assembler.add(chunk);
        if (!text || !request.onDelta) continue;
        emitted.any = true;
        try {
          request.onDelta(text);
        } catch (error) {
          callerError = { error };
          controller.abort();
          break;
        }
      }
      if (callerError) throw callerError.error;
      // The SDK ends the iteration quietly when the request is aborted mid-stream.
      const stop = stopped();
      if (stop) throw stop;
      const assembled = assembler.result();
      if (assembled.finishReason === undefined) throw new ModelError('network', `the connection to the model server at ${baseUrl} closed before the answer was complete`);
      return toResponse(assembled, request.messages, request.tools);
    } catch (error) {
      if (callerError) throw error;
      throw stopped() ?? classify(error, context);
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
    }
  }

  return {
    async complete(request) {
      const emitted = { any: false };
      for (let retry = 0; ; retry++) {
        try {
          return await attempt(request, emitted);
        } catch (error) {
          if (!(error instanceof ModelError)) throw error;
          const attempts = retry + 1;
          const asked = error.retryAfterMs;
          const giveUp = !error.retryable || emitted.any || retry >= maxRetries || (asked !== undefined && asked > backOff.maxRetryAfterMs);
          if (giveUp) throw attempts > 1 ? new ModelError(error.kind, `${error.message} (after ${attempts} attempts)`, { ...(error.status !== undefined ? { status: error.status } : {}), ...(asked !== undefined ? { retryAfterMs: asked } : {}), retryable: error.retryable, cause: error }) : error;
          try {
            await wait(asked ?? backOffMs(retry, backOff), request.signal);
          } catch {
            throw new ModelError('aborted', 'the model call was cancelled');
          }
        }
      }
    },
  };
}
