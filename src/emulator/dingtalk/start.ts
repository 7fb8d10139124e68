// startDingtalkEmulator: wires the org, the shared context, the route groups and the Stream hub onto
// one Hono app and one http.Server (HTTP routes and the `/connect` WebSocket upgrade).

import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { createTokenStore } from './auth.ts';
import { createCardClicks } from './card-clicks.ts';
import { registerCardRoutes } from './cards.ts';
import { registerContactRoutes } from './contacts.ts';
import type { EmulatorControl } from './control.ts';
import { registerControlRoutes } from './control-routes.ts';
import type { OrgState } from './context.ts';
import { createGateway } from './gateway.ts';
import { singleConversationId } from './ids.ts';
import { loadDemoOrg, parseOrg, type OrgDocument } from './org.ts';
import { Outbox } from './outbox.ts';
import { ControlInputError, createRobotInbound } from './robot-inbound.ts';
import { registerRobotSendRoutes } from './robot-send.ts';
import { createEmulatorContext, type CallRecord } from './server-context.ts';
import { createStreamHub } from './stream-hub.ts';
import { listTables, readSheetRows, registerWorkRoutes, userProjectTasks, userTodos } from './work/index.ts';

export interface DingtalkEmulatorOptions {
  /** The organisation (YAML document as an object, or a parsed OrgState); the demo org when absent. */
  org?: OrgDocument | OrgState;
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Unacknowledged robot messages are delivered again after this long (default 60000). */
  redeliverAfterMs?: number;
  /** A redelivery gets a new frame messageId (data.msgId stays); default false. */
  newMessageIdOnRedelivery?: boolean;
  /** Answer over-budget calls with DingTalk's throttling errors; default false. */
  enforceRateLimits?: boolean;
  /** How long a `disconnect`ed socket stays open (default 10000). */
  disconnectCloseMs?: number;
  /** Lifetime of a message's session webhook (default 90 min, as DingTalk's examples show). */
  sessionWebhookTtlMs?: number;
  /** How long a card click waits for the bot's ACK (DingTalk: 2000). */
  cardCallbackTimeoutMs?: number;
  /** The clock (tests). */
  now?: () => number;
}

export interface DingtalkEmulator {
  /** The base URL, e.g. `http://127.0.0.1:43121` (no trailing slash). */
  readonly url: string;
  readonly control: EmulatorControl;
  close(): Promise<void>;
}

function isOrgState(org: OrgDocument | OrgState): org is OrgState {
  return Array.isArray(org.users) && org.users.every((u) => typeof (u as { external?: unknown }).external === 'boolean');
}

const MAX_CALLS = 10_000;

export async function startDingtalkEmulator(options: DingtalkEmulatorOptions = {}): Promise<DingtalkEmulator> {
  const now = options.now ?? Date.now;
  const org = options.org === undefined ? await loadDemoOrg() : isOrgState(options.org) ? options.org : parseOrg(options.org);
  let base = '';
  const calls: CallRecord[] = [];
  const tokens = createTokenStore(org.app, now);
  const enforceRateLimits = options.enforceRateLimits ?? false;
  const ctx = createEmulatorContext({
    org,
    tokens,
    enforceRateLimits,
    now,
    onCall: (record) => {
      calls.push(record);
      if (calls.length > MAX_CALLS) calls.splice(0, calls.length - MAX_CALLS);
    },
  });
  const hub = createStreamHub({
    appId: randomUUID(),
    now,
    newMessageIdOnRedelivery: options.newMessageIdOnRedelivery ?? false,
    disconnectCloseMs: options.disconnectCloseMs ?? 10_000,
    onProtocolError: (connectionId, problem) => ctx.recordCall('stream.protocol-error', { connectionId, problem }),
  });
  const gateway = createGateway({ orgApp: org.app, hub, now, wsEndpoint: () => base.replace(/^http/, 'ws') });
  const outbox = new Outbox(now);
  const postMessage = createRobotInbound({
    org,
    hub,
    outbox,
    now,
    baseUrl: () => base,
    redeliverAfterMs: options.redeliverAfterMs ?? 60_000,
    sessionWebhookTtlMs: options.sessionWebhookTtlMs ?? 90 * 60_000,
  });
  const clickCard = createCardClicks(org, hub, outbox, options.cardCallbackTimeoutMs ?? 2000);

  const control: EmulatorControl = {
    org: () => ({
      app: { clientId: org.app.clientId, clientSecret: org.app.clientSecret, robotCode: org.app.robotCode, corpId: org.app.corpId, name: org.app.name },
      departments: [...org.departments],
      users: org.users.map((u) => ({
        userId: u.userId,
        unionId: u.unionId,
        name: u.name,
        departments: [...u.departments],
        ...(u.managerUserId !== undefined ? { managerUserId: u.managerUserId } : {}),
        external: u.external,
        singleConversationId: singleConversationId(org.app.clientId, u.userId),
      })),
      chats: [...org.chats],
      tables: listTables(org.work),
    }),
    postMessage,
    clickCard,
    sent: (conversationId) => outbox.sent(conversationId),
    events: (after, conversationId) => outbox.events(after, conversationId),
    lastSeq: () => outbox.lastSeq(),
    notableRows: (b, sheet) => readSheetRows(org.work, b, sheet),
    userTasks: (userId) => userProjectTasks(org.work, userId),
    userTodos: (unionId) => userTodos(org.work, unionId),
    calls: () => [...calls],
    connections: () => hub.connections(),
    acks: () => hub.acks(),
    pendingCount: () => hub.pendingCount(),
    ping: (id, timeoutMs) => hub.ping(id, timeoutMs),
    disconnect: (id, reason) => hub.disconnect(id, reason),
    drop: (id) => hub.drop(id),
    zombie: (id) => hub.zombie(id),
    failConnectionsOpen: (failure, count = 1) => gateway.failOpens(failure, count),
    failTokenRequests: (count = 1) => tokens.failRequests(count),
    revokeTokens: () => tokens.revokeAll(),
    expireSessions: () => outbox.expireSessions(),
  };

  const app = new Hono();
  tokens.register(app, ctx);
  gateway.register(app, ctx);
  registerRobotSendRoutes(app, ctx, outbox);
  registerCardRoutes(app, ctx, outbox, { enforceRateLimits, now });
  registerContactRoutes(app, ctx);
  registerWorkRoutes(app, ctx);
  registerControlRoutes(app, control);
  app.notFound((c) => ctx.error(c, 404, 'InvalidAction.NotFound', `Specified api is not found, please check your url and method: ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    if (error instanceof ControlInputError) return c.json({ error: error.message }, 400);
    return ctx.error(c, 500, 'InternalError', `emulator error: ${error.message}`);
  });

  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  server.on('upgrade', (request, socket, head) => gateway.upgrade(request, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    control,
    async close() {
      hub.close();
      gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
