// The seam between the emulator core and the route groups it hosts (the work routes of
// work/index.ts included): the organisation's state and the helpers every DingTalk API shares
// (token checks, DingTalk's error bodies, throttling, the call log). Built once per emulator by
// createEmulatorContext in server-context.ts.

import type { Context } from 'hono';

/** The app the emulated organisation installed: the bot Warden runs as. */
export interface OrgApp {
  readonly clientId: string;
  readonly clientSecret: string;
  /** For an internal app's bot DingTalk uses the AppKey; the YAML may set another. */
  readonly robotCode: string;
  readonly corpId: string;
  /** The bot's own (encrypted-looking) id, as it appears in `atUsers` and `chatbotUserId`. */
  readonly chatbotUserId: string;
  readonly name: string;
}

export interface OrgDepartment {
  readonly id: number;
  readonly name: string;
  /** 0 for a top-level department (DingTalk's root is id 1; the YAML may model it or not). */
  readonly parentId: number;
}

export interface OrgUser {
  readonly userId: string;
  readonly unionId: string;
  readonly name: string;
  readonly departments: readonly number[];
  readonly managerUserId?: string;
  /** The user's organisation; another corp than the app's makes the user external. */
  readonly corpId: string;
  readonly external: boolean;
}

export interface OrgChat {
  readonly conversationId: string;
  readonly title: string;
  readonly type: 'group' | 'single';
  /** userIds of the people in the chat (the bot is always in it). */
  readonly members: readonly string[];
}

/** The organisation the emulator serves, parsed from the YAML by org.ts. Immutable after load. */
export interface OrgState {
  readonly app: OrgApp;
  readonly departments: readonly OrgDepartment[];
  readonly users: readonly OrgUser[];
  readonly chats: readonly OrgChat[];
  /**
   * What `parseWorkState(raw)` of work/index.ts returned for the YAML's `work` section (notable,
   * projects, todos). The core never looks inside; the work routes own its type and mutate it.
   */
  readonly work: unknown;
}

export interface EmulatorContext {
  readonly org: OrgState;
  /**
   * Checks the v1.0 `x-acs-dingtalk-access-token` header. Returns the app key the token was issued
   * to, or the response to send (HTTP 400 `InvalidAuthentication`, DingTalk's body) when it is
   * missing, unknown, expired, or a token failure was injected.
   */
  requireToken(c: Context): string | Response;
  /** The same for legacy oapi calls (`?access_token=`): errcode 40014 / 88 bodies with HTTP 200. */
  requireOapiToken(c: Context): string | Response;
  /** A v1.0 error: `{code, requestid, message}` with the given HTTP status. */
  error(c: Context, status: number, code: string, message: string): Response;
  /** A legacy oapi error: HTTP 200 `{errcode, errmsg, request_id}`. */
  oapiError(c: Context, errcode: number, errmsg: string): Response;
  /**
   * Counts a call to `api` against a per-app QPS budget (one-second window). Over budget, when the
   * emulator enforces rate limits, returns DingTalk's 403
   * `Forbidden.AccessDenied.QpsLimitForAppkeyAndApi`; otherwise undefined (go on).
   */
  throttle(c: Context, api: string, qps: number): Response | undefined;
  userByUnionId(id: string): OrgUser | undefined;
  userByUserId(id: string): OrgUser | undefined;
  /** Appends to the call log the control API exposes (`GET /_emulator/calls`). */
  recordCall(api: string, detail: unknown): void;
}
