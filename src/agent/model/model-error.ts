// Every way a model call fails, as one error with a `kind` the turn loop can act on and a message a
// person can act on: which server, what it said, what to check. Messages never contain the API key
// (servers sometimes echo it back; it is cut out before anything is shown or logged).

import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { retryAfterMs } from './back-off.ts';

export type ModelErrorKind = 'auth' | 'rate-limit' | 'server' | 'timeout' | 'bad-request' | 'network' | 'aborted' | 'bad-response';

export class ModelError extends Error {
  readonly kind: ModelErrorKind;
  readonly status?: number;
  /** Whether trying the same call again may succeed (429, 5xx, network, timeout). */
  readonly retryable: boolean;
  /** How long the server asked the client to wait (`retry-after`), when it said. */
  readonly retryAfterMs?: number;

  constructor(kind: ModelErrorKind, message: string, options: { status?: number; retryable?: boolean; retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ModelError';
    this.kind = kind;
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    this.retryable = options.retryable ?? (kind === 'rate-limit' || kind === 'server' || kind === 'network' || kind === 'timeout');
  }
}

/** What a message may say about one server: its URL and a way to remove the key from any text. */
export interface ErrorContext {
  baseUrl: string;
  apiKey: string;
}

const MAX_SERVER_TEXT = 300;

export function redact(text: string, apiKey: string): string {
  // Keys shorter than 4 characters are not secrets worth a mangled message (and 'a' would eat words).
  return apiKey.length >= 4 ? text.split(apiKey).join('[redacted]') : text;
}

/** The server's own words from an error body (`{error:{message}}`), cut short and without the key. */
function serverText(error: APIError, context: ErrorContext): string {
  const body = error.error as { message?: unknown } | undefined;
  const raw = typeof body?.message === 'string' && body.message ? body.message : error.message;
  const text = redact(raw.replace(/\s+/g, ' ').trim(), context.apiKey);
  return text.length > MAX_SERVER_TEXT ? `${text.slice(0, MAX_SERVER_TEXT)}…` : text;
}

// The SDK's error is not kept as `cause`: its message is the server's unredacted text.
function fromStatus(error: APIError, status: number, context: ErrorContext): ModelError {
  const at = `the model server at ${context.baseUrl} answered ${status}: ${serverText(error, context)}`;
  const wait = retryAfterMs(error.headers);
  const data = { status, ...(wait !== undefined ? { retryAfterMs: wait } : {}) };
  if (status === 401 || status === 403) return new ModelError('auth', `${at}; check the secret named in model.apiKeySecret`, data);
  if (status === 429) return new ModelError('rate-limit', `${at} (rate limited)`, data);
  if (status >= 500) return new ModelError('server', at, data);
  if (status === 404) return new ModelError('bad-request', `${at}; check model.baseUrl (it ends before /chat/completions) and model.model`, data);
  if (status === 408) return new ModelError('timeout', at, data);
  return new ModelError('bad-request', at, data);
}

/** Maps whatever the SDK or the stream threw during one attempt to a ModelError. */
export function classify(error: unknown, context: ErrorContext): ModelError {
  if (error instanceof ModelError) return error;
  if (error instanceof APIUserAbortError) return new ModelError('aborted', 'the model call was cancelled');
  // The client's own idle timer normally fires first; this is the SDK's backstop with the same limit.
  if (error instanceof APIConnectionTimeoutError) return new ModelError('timeout', `the model server at ${context.baseUrl} did not answer in time (model.timeoutMs)`);
  if (error instanceof APIConnectionError) {
    const cause = error.cause instanceof Error ? `: ${redact(error.cause.message, context.apiKey)}` : '';
    return new ModelError('network', `could not reach the model server at ${context.baseUrl}${cause}; check model.baseUrl and that the server is running`, { cause: error.cause });
  }
  if (error instanceof APIError) {
    if (error.status !== undefined) return fromStatus(error, error.status, context);
    // An error event inside a stream that had already started.
    return new ModelError('server', `the model server at ${context.baseUrl} reported an error mid-answer: ${serverText(error, context)}`);
  }
  if (error instanceof SyntaxError) return new ModelError('bad-response', `the model server at ${context.baseUrl} sent a stream that is not valid JSON server-sent events`, { cause: error });
  // Undici's "terminated" and socket errors while reading the body: the connection went away.
  const detail = error instanceof Error ? `: ${redact(error.message, context.apiKey)}` : '';
  return new ModelError('network', `the connection to the model server at ${context.baseUrl} broke before the answer was complete${detail}`, { cause: error });
}
