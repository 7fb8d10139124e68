// Access tokens: `POST /v1.0/oauth2/accessToken` (appKey/appSecret) and the legacy `GET /gettoken`.
// As on DingTalk, asking again while a token is valid returns the same token and extends it; the two
// endpoints share tokens (the official Node SDK uses the legacy one for v1.0 calls). Failures can be
// injected from the control API: token requests refused for a while, or every issued token revoked.

import type { Hono } from 'hono';
import type { EmulatorContext, OrgApp } from './context.ts';
import { hex } from './ids.ts';

const TOKEN_TTL_S = 7200;

export interface TokenStore {
  /** The app key the token belongs to, or undefined (unknown, expired, revoked). */
  check(token: string | undefined): string | undefined;
  /** Makes the next `count` token requests fail with HTTP 500 (a refresh failure). */
  failRequests(count: number): void;
  /** Revokes every issued token (as after an expiry): calls answer InvalidAuthentication. */
  revokeAll(): void;
  /** Registers the two token routes. */
  register(app: Hono, ctx: EmulatorContext): void;
}

export function createTokenStore(orgApp: OrgApp, now: () => number): TokenStore {
  const tokens = new Map<string, { appKey: string; expiresAt: number }>();
  let current: string | undefined;
  let failures = 0;

  const issue = (): { token: string; expireIn: number } => {
    const live = current !== undefined ? tokens.get(current) : undefined;
    if (current === undefined || live === undefined || live.expiresAt <= now()) {
      current = hex(16);
    }
    tokens.set(current, { appKey: orgApp.clientId, expiresAt: now() + TOKEN_TTL_S * 1000 });
    return { token: current, expireIn: TOKEN_TTL_S };
  };
  const takeFailure = (): boolean => {
    if (failures <= 0) return false;
    failures -= 1;
    return true;
  };

  return {
    check(token) {
      if (token === undefined) return undefined;
      const entry = tokens.get(token);
      return entry !== undefined && entry.expiresAt > now() ? entry.appKey : undefined;
    },
    failRequests(count) {
      failures = Math.max(0, Math.floor(count));
    },
    revokeAll() {
      tokens.clear();
      current = undefined;
    },
    register(app, ctx) {
      app.post('/v1.0/oauth2/accessToken', async (c) => {
        const body = (await c.req.json().catch(() => undefined)) as { appKey?: unknown; appSecret?: unknown } | undefined;
        ctx.recordCall('oauth2.accessToken', { appKey: body?.appKey });
        if (takeFailure()) return ctx.error(c, 500, 'ServiceUnavailable', '服务暂时不可用 (injected by the emulator)');
        if (typeof body?.appKey !== 'string' || typeof body.appSecret !== 'string') {
          return ctx.error(c, 400, 'MissingParameter', 'appKey and appSecret are required');
        }
        if (body.appKey !== orgApp.clientId || body.appSecret !== orgApp.clientSecret) {
          return ctx.error(c, 400, 'invalidClientIdOrSecret', '无效的clientId或者clientSecret');
        }
        const { token, expireIn } = issue();
        return c.json({ accessToken: token, expireIn });
      });
      app.get('/gettoken', (c) => {
        const appkey = c.req.query('appkey');
        ctx.recordCall('gettoken', { appkey });
        if (takeFailure()) return ctx.oapiError(c, -1, '系统繁忙 (injected by the emulator)');
        if (appkey !== orgApp.clientId || c.req.query('appsecret') !== orgApp.clientSecret) {
          return ctx.oapiError(c, 40089, '不合法的corpid或corpsecret');
        }
        const { token, expireIn } = issue();
        return c.json({ errcode: 0, access_token: token, errmsg: 'ok', expires_in: expireIn });
      });
    },
  };
}
