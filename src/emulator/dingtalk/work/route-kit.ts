// What every work route does before its own job: check the app token, count the call against
// DingTalk's per-app QPS, read the operator and the JSON body, page a list. Each helper returns a
// Response when DingTalk would refuse, so a route reads `if (r instanceof Response) return r`.

import type { Context } from 'hono';
import type { EmulatorContext } from '../context.ts';

/** DingTalk's default limit for a standard organisation: 20 calls/s per app per API. */
export const WORK_API_QPS = 20;

export const PAGE_MAX = 100;

/** Token, then throttle; records the call for the control API's call log. */
export function admit(c: Context, ctx: EmulatorContext, api: string): Response | undefined {
  const app = ctx.requireToken(c);
  if (app instanceof Response) return app;
  const throttled = ctx.throttle(c, api, WORK_API_QPS);
  if (throttled) return throttled;
  ctx.recordCall(api, { method: c.req.method, path: c.req.path, query: c.req.query() });
  return undefined;
}

/**
 * A required query parameter (`operatorId` on Notable and todo calls). DingTalk's gateway answers a
 * missing one with `Missing<name>`, "<name> is mandatory for this action.".
 */
export function requireQuery(c: Context, ctx: EmulatorContext, name: string): string | Response {
  const value = c.req.query(name);
  if (value === undefined || value === '') return ctx.error(c, 400, `Missing${name}`, `${name} is mandatory for this action.`);
  return value;
}

/** The JSON body as an object; anything else is DingTalk's invalid-argument error. */
export async function jsonBody(c: Context, ctx: EmulatorContext): Promise<Record<string, unknown> | Response> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  return invalidArgs(c, ctx, 'request body must be a JSON object');
}

export function invalidArgs(c: Context, ctx: EmulatorContext, detail: string): Response {
  return ctx.error(c, 400, 'invalidRequest.inputArgs.invalid', detail);
}

export interface Page<T> {
  items: T[];
  /** Cursor for the next page, absent on the last one. */
  nextToken?: string;
}

/**
 * One page of `all`: `maxResults` 1..100 (default 100), `nextToken` an opaque cursor this emulator
 * handed out earlier (an offset, prefixed so a made-up token is refused rather than misread).
 */
export function pageOf<T>(c: Context, ctx: EmulatorContext, all: readonly T[], maxResults: unknown, nextToken: unknown, max = PAGE_MAX): Page<T> | Response {
  const size = maxResults === undefined || maxResults === '' ? max : Number(maxResults);
  if (!Number.isInteger(size) || size < 1 || size > max) return invalidArgs(c, ctx, `maxResults must be an integer from 1 to ${max}, got ${String(maxResults)}`);
  let offset = 0;
  if (nextToken !== undefined && nextToken !== '' && nextToken !== null) {
    const match = /^wk(\d+)$/.exec(String(nextToken));
    if (!match || Number(match[1]) > all.length) return invalidArgs(c, ctx, `nextToken ${String(nextToken)} is not a cursor this API returned`);
    offset = Number(match[1]);
  }
  const end = offset + size;
  return { items: all.slice(offset, end), nextToken: end < all.length ? `wk${end}` : undefined };
}
