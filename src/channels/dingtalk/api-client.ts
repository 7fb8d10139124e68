// DingtalkApi over fetch: the app's access token (fetched from /v1.0/oauth2/accessToken, cached,
// refreshed before it expires and once when DingTalk calls it invalid), DingTalk's two error shapes
// turned into DingtalkApiError, and retries: throttled calls always (DingTalk refused them before
// doing anything), 5xx and lost answers only for calls marked idempotent.

import { DingtalkApiError, type DingtalkApi, type DingtalkRequest } from './api-types.ts';

export interface DingtalkApiClientOptions {
  clientId: string;
  clientSecret: string;
  apiBaseUrl: string;
  oapiBaseUrl: string;
  fetch?: typeof fetch;
  random?: () => number;
  log?: (line: string) => void;
  /** Attempts per call including the first (default 4). */
  maxAttempts?: number;
  /** Milliseconds before one HTTP exchange is abandoned (default 15000). */
  timeoutMs?: number;
  /** Injected for tests; defaults to a timer. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface DingtalkApiClient extends DingtalkApi {
  /** The current access token, fetched when missing or about to expire. */
  accessToken(): Promise<string>;
}

/** Token errors: v1.0 `InvalidAuthentication`; oapi 40001/40014/42001 (invalid or expired token). */
const OAPI_TOKEN_ERRORS = new Set(['40001', '40014', '42001']);
/** oapi throttling: per app per API, global per API. */
const OAPI_THROTTLE_ERRORS = new Set(['90018', '90002']);
const REFRESH_MARGIN_MS = 300_000;
const MAX_BACKOFF_MS = 10_000;

interface Attempt {
  status: number;
  /** The answer as parsed; `body` is the same when it is an object (else empty), for error fields. */
  json: unknown;
  body: Record<string, unknown>;
  retryAfterMs?: number;
}

function joinUrl(base: string, path: string, query?: DingtalkRequest['query']): string {
  const url = new URL(base.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`));
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
  return url.toString();
}

/** x-acs-retry-after: seconds (small numbers) or milliseconds; capped. */
function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const value = Number(header);
  if (!Number.isFinite(value) || value < 0) return undefined;
  return Math.min(value <= 60 ? value * 1000 : value, MAX_BACKOFF_MS);
}

function isThrottled(status: number, code: string): boolean {
  return status === 429 || /QpsLimit/i.test(code) || OAPI_THROTTLE_ERRORS.has(code);
}

export function createDingtalkApiClient(options: DingtalkApiClientOptions): DingtalkApiClient {
  if (!options.clientId || !options.clientSecret) throw new Error('createDingtalkApiClient: clientId and clientSecret are required');
  const doFetch = options.fetch ?? fetch;
  const random = options.random ?? Math.random;
  const log = options.log ?? (() => {});
  const maxAttempts = options.maxAttempts ?? 4;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  let token: { value: string; refreshAt: number } | undefined;
  let pending: Promise<string> | undefined;

  async function exchange(method: string, url: string, headers: Record<string, string>, body: unknown, signal?: AbortSignal): Promise<Attempt> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const response = await doFetch(url, {
      method,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    const text = await response.text();
    let parsed: unknown = {};
    if (text.trim()) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = { code: `http-${response.status}`, message: `not JSON: ${text.slice(0, 120)}` };
      }
    }
    const record = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    return { status: response.status, json: parsed, body: record, retryAfterMs: retryAfter(response.headers.get('x-acs-retry-after')) };
  }

  async function fetchToken(): Promise<string> {
    const url = joinUrl(options.apiBaseUrl, '/v1.0/oauth2/accessToken');
    let attempt: Attempt;
    try {
      attempt = await exchange('POST', url, {}, { appKey: options.clientId, appSecret: options.clientSecret });
    } catch (error) {
      throw new DingtalkApiError(`cannot get a DingTalk access token from ${url}: ${(error as Error).message}`, { status: 0, code: 'network', retryable: true });
    }
    const value = attempt.body.accessToken;
    if (attempt.status !== 200 || typeof value !== 'string' || !value) {
      const code = String(attempt.body.code ?? `http-${attempt.status}`);
      const message = String(attempt.body.message ?? 'no accessToken in the answer');
      throw new DingtalkApiError(`cannot get a DingTalk access token for app ${options.clientId}: ${code}: ${message} (check dingtalk.clientId and the client secret)`, { status: attempt.status, code, retryable: attempt.status >= 500 });
    }
    const lifeMs = (Number(attempt.body.expireIn) || 7200) * 1000;
    token = { value, refreshAt: now() + Math.max(lifeMs - REFRESH_MARGIN_MS, lifeMs / 2) };
    return value;
  }

  function accessToken(): Promise<string> {
    if (token && now() < token.refreshAt) return Promise.resolve(token.value);
    pending ??= fetchToken().finally(() => {
      pending = undefined;
    });
    return pending;
  }

  function backoff(attempt: number, hint?: number): number {
    return hint ?? Math.min(500 * 2 ** attempt + random() * 250, MAX_BACKOFF_MS);
  }

  /** Sends one call with retries; `kind` says which error shape and token placement DingTalk uses. */
  async function call(kind: 'v1' | 'oapi', method: string, path: string, request: DingtalkRequest): Promise<unknown> {
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      const accessTokenValue = await accessToken();
      const url = kind === 'v1' ? joinUrl(options.apiBaseUrl, path, request.query) : joinUrl(options.oapiBaseUrl, path, { ...request.query, access_token: accessTokenValue });
      const headers: Record<string, string> = kind === 'v1' ? { 'x-acs-dingtalk-access-token': accessTokenValue } : {};
      let answer: Attempt;
      try {
        answer = await exchange(method, url, headers, request.body, request.signal);
      } catch (error) {
        if (request.signal?.aborted) throw error;
        const failure = new DingtalkApiError(`DingTalk ${method} ${path} got no answer: ${(error as Error).message}`, { status: 0, code: 'network', retryable: Boolean(request.idempotent) });
        if (request.idempotent && attempt + 1 < maxAttempts) {
          log(`dingtalk api: ${method} ${path} got no answer (${(error as Error).message}); retrying`);
          await sleep(backoff(attempt));
          continue;
        }
        throw failure;
      }
      const body = answer.body;
      const ok = kind === 'v1' ? answer.status >= 200 && answer.status < 300 : answer.status === 200 && (body.errcode === undefined || Number(body.errcode) === 0);
      if (ok) return answer.json;
      const code = String(kind === 'v1' ? body.code ?? `http-${answer.status}` : body.errcode ?? `http-${answer.status}`);
      const message = String(kind === 'v1' ? body.message ?? '' : body.errmsg ?? '');
      const requestId = (body.requestid ?? body.requestId ?? body.request_id) as string | undefined;
      if (!refreshed && (code === 'InvalidAuthentication' || OAPI_TOKEN_ERRORS.has(code))) {
        refreshed = true;
        token = undefined;
        log(`dingtalk api: ${method} ${path}: access token refused (${code}); fetching a new one`);
        attempt--;
        continue;
      }
      const throttled = isThrottled(answer.status, code);
      const retryable = throttled || (answer.status >= 500 && Boolean(request.idempotent));
      if (retryable && attempt + 1 < maxAttempts) {
        const wait = backoff(attempt, answer.retryAfterMs ?? (throttled ? 1000 + random() * 250 : undefined));
        log(`dingtalk api: ${method} ${path}: ${code}; retrying in ${Math.round(wait)} ms`);
        await sleep(wait);
        continue;
      }
      throw new DingtalkApiError(`DingTalk ${method} ${path} failed: ${code}${message ? `: ${message}` : ''}`, { status: answer.status, code, requestId, retryable });
    }
  }

  return {
    accessToken,
    request<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, request: DingtalkRequest = {}): Promise<T> {
      return call('v1', method, path, { ...request, idempotent: request.idempotent ?? method === 'GET' }) as Promise<T>;
    },
    oapi<T>(path: string, body: unknown, request: Omit<DingtalkRequest, 'body'> = {}): Promise<T> {
      return call('oapi', 'POST', path, { ...request, body }) as Promise<T>;
    },
  };
}
