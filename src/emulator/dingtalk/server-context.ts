// Builds the EmulatorContext every route group shares: token checks with DingTalk's error bodies,
// the two error shapes, per-app QPS windows, user lookups and the call log.

import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { TokenStore } from './auth.ts';
import type { EmulatorContext, OrgState, OrgUser } from './context.ts';
import { requestId } from './ids.ts';

export interface CallRecord {
  readonly seq: number;
  readonly at: number;
  readonly api: string;
  readonly detail: unknown;
}

export interface ContextOptions {
  org: OrgState;
  tokens: TokenStore;
  enforceRateLimits: boolean;
  now: () => number;
  /** Receives every recorded call (the control API keeps them). */
  onCall: (record: CallRecord) => void;
}

/** A rolling one-second counter per key; true when the call fits in `qps`. */
export function createQpsWindow(now: () => number): (key: string, qps: number) => boolean {
  const windows = new Map<string, { start: number; count: number }>();
  return (key, qps) => {
    const t = now();
    const window = windows.get(key);
    if (window === undefined || t - window.start >= 1000) {
      windows.set(key, { start: t, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= qps;
  };
}

export function createEmulatorContext(options: ContextOptions): EmulatorContext {
  const { org, tokens, now } = options;
  const byUnionId = new Map<string, OrgUser>(org.users.map((u) => [u.unionId, u]));
  const byUserId = new Map<string, OrgUser>(org.users.map((u) => [u.userId, u]));
  const fits = createQpsWindow(now);
  let seq = 0;

  const error = (c: Context, status: number, code: string, message: string): Response => {
    const id = requestId();
    c.header('x-acs-request-id', id);
    return c.json({ code, requestid: id, message }, status as ContentfulStatusCode);
  };
  const oapiError = (c: Context, errcode: number, errmsg: string): Response =>
    c.json({ errcode, errmsg, request_id: requestId().toLowerCase().replace(/-/g, '').slice(0, 12) });

  return {
    org,
    requireToken(c) {
      const appKey = tokens.check(c.req.header('x-acs-dingtalk-access-token'));
      return appKey ?? error(c, 400, 'InvalidAuthentication', '不合法的access_token');
    },
    requireOapiToken(c) {
      const token = c.req.query('access_token');
      if (token === undefined || token === '') return oapiError(c, 40014, '不合法的access_token');
      return tokens.check(token) ?? oapiError(c, 40014, '不合法的access_token');
    },
    error,
    oapiError,
    throttle(c, api, qps) {
      if (!options.enforceRateLimits || fits(`${org.app.clientId}:${api}`, qps)) return undefined;
      return error(c, 403, 'Forbidden.AccessDenied.QpsLimitForAppkeyAndApi', `应用调用接口 ${api} 的频率超过限制 (${qps} QPS)`);
    },
    userByUnionId: (id) => byUnionId.get(id),
    userByUserId: (id) => byUserId.get(id),
    recordCall(api, detail) {
      seq += 1;
      options.onCall({ seq, at: now(), api, detail });
    },
  };
}
