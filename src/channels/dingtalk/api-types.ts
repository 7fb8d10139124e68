// The seam between the DingTalk channel (which owns the app's access token and the HTTP client) and
// the DingTalk work tools (AI Table, projects, todo, messages), which call DingTalk's OpenAPI through
// it. Implemented in api-client.ts.

/** How a call failed, from DingTalk's error body (v1.0: {code, message, requestid}; oapi: {errcode, errmsg}). */
export class DingtalkApiError extends Error {
  /** HTTP status (0 when the request never got an answer). */
  readonly status: number;
  /** DingTalk's code: `Forbidden.AccessDenied.AccessTokenPermissionDenied`, `InvalidAuthentication`, `90018`… */
  readonly code: string;
  readonly requestId?: string;
  /** True when the same call may be sent again (throttling, 5xx on an idempotent call, network). */
  readonly retryable: boolean;

  constructor(message: string, details: { status: number; code: string; requestId?: string; retryable: boolean }) {
    super(message);
    this.name = 'DingtalkApiError';
    this.status = details.status;
    this.code = details.code;
    this.requestId = details.requestId;
    this.retryable = details.retryable;
  }
}

export interface DingtalkRequest {
  query?: Readonly<Record<string, string | number | boolean | undefined>>;
  body?: unknown;
  /**
   * True when sending the call twice does no harm (reads, PUTs of a full state, writes keyed by an
   * id the caller chose). Only idempotent calls are retried after a 5xx or a lost answer; throttled
   * calls (DingTalk refused them before doing anything) are retried either way.
   */
  idempotent?: boolean;
  signal?: AbortSignal;
}

export interface DingtalkApi {
  /** A v1.0 call on api.dingtalk.com (or its configured base): `x-acs-dingtalk-access-token` header. */
  request<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, options?: DingtalkRequest): Promise<T>;
  /** A legacy call on oapi.dingtalk.com (or its configured base): `access_token` query, `errcode` body. */
  oapi<T = unknown>(path: string, body: unknown, options?: Omit<DingtalkRequest, 'body'>): Promise<T>;
}
