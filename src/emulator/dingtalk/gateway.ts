// The Stream gateway: `POST /v1.0/gateway/connections/open` hands out one-use tickets (90 s) for the
// app's credentials and records the subscriptions; `GET /connect?ticket=` upgrades to the WebSocket
// only with a live, unused ticket (else HTTP 400 at the handshake) and attaches it to the hub.
// The control API can make the next opens fail (400, 5xx or a hang).

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Hono } from 'hono';
import { WebSocketServer } from 'ws';
import type { EmulatorContext, OrgApp } from './context.ts';
import type { StreamHub, Subscription } from './stream-hub.ts';

const TICKET_TTL_MS = 90_000;

export type OpenFailure = { kind: 'status'; status: 400 | 500 | 502 | 503 } | { kind: 'hang' };

export interface Gateway {
  register(app: Hono, ctx: EmulatorContext): void;
  /** Handles an HTTP upgrade on the shared server (only `/connect` is accepted). */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** The next `count` opens fail as described. */
  failOpens(failure: OpenFailure, count: number): void;
  close(): void;
}

interface Ticket {
  readonly appKey: string;
  readonly subscriptions: readonly Subscription[];
  readonly expiresAt: number;
}

export interface GatewayOptions {
  orgApp: OrgApp;
  hub: StreamHub;
  now: () => number;
  /** The ws:// base the open response names as `endpoint` (set once the server listens). */
  wsEndpoint: () => string;
}

function parseSubscriptions(value: unknown): Subscription[] | string {
  if (!Array.isArray(value) || value.length === 0) return 'subscriptions must be a non-empty array';
  const out: Subscription[] = [];
  for (const [i, s] of value.entries()) {
    const { type, topic } = (s ?? {}) as { type?: unknown; topic?: unknown };
    if (typeof type !== 'string' || !['EVENT', 'CALLBACK', 'SYSTEM'].includes(type)) return `subscriptions[${i}].type must be EVENT or CALLBACK`;
    if (typeof topic !== 'string' || topic === '') return `subscriptions[${i}].topic is required`;
    if (type === 'EVENT' && topic !== '*') return `subscriptions[${i}]: only "*" is allowed as an EVENT topic`;
    out.push({ type, topic });
  }
  return out;
}

function refuse(socket: Duplex, status: number, reason: string): void {
  const body = JSON.stringify({ code: 'invalidTicket', message: reason });
  socket.end(`HTTP/1.1 ${status} Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

export function createGateway(options: GatewayOptions): Gateway {
  const { orgApp, hub, now } = options;
  const tickets = new Map<string, Ticket>();
  const wss = new WebSocketServer({ noServer: true, autoPong: false, maxPayload: 1 << 20 });
  let failure: OpenFailure | undefined;
  let failuresLeft = 0;
  const hanging = new Set<() => void>();

  return {
    register(app, ctx) {
      app.post('/v1.0/gateway/connections/open', async (c) => {
        const body = (await c.req.json().catch(() => undefined)) as Record<string, unknown> | undefined;
        ctx.recordCall('gateway.connections.open', { clientId: body?.clientId, subscriptions: body?.subscriptions, ua: body?.ua });
        if (failure !== undefined && failuresLeft > 0) {
          failuresLeft -= 1;
          const f = failure;
          if (f.kind === 'hang') return new Promise<Response>((resolve) => hanging.add(() => resolve(c.body(null, 504))));
          return ctx.error(c, f.status, f.status === 400 ? 'invalidParameter' : 'ServiceUnavailable', 'connection open refused (injected by the emulator)');
        }
        if (body === undefined) return ctx.error(c, 400, 'invalidParameter', 'body must be JSON');
        if (body.clientId !== orgApp.clientId || body.clientSecret !== orgApp.clientSecret) {
          return ctx.error(c, 400, 'invalidParameter', 'clientId or clientSecret invalid');
        }
        if (body.ua !== undefined && typeof body.ua !== 'string') return ctx.error(c, 400, 'invalidParameter', 'ua invalid');
        const subscriptions = parseSubscriptions(body.subscriptions);
        if (typeof subscriptions === 'string') return ctx.error(c, 400, 'invalidParameter', subscriptions);
        const ticket = crypto.randomUUID();
        tickets.set(ticket, { appKey: orgApp.clientId, subscriptions, expiresAt: now() + TICKET_TTL_MS });
        return c.json({ endpoint: `${options.wsEndpoint()}/connect`, ticket });
      });
    },
    upgrade(request, socket, head) {
      const url = new URL(request.url ?? '/', 'http://emulator');
      if (url.pathname !== '/connect') return refuse(socket, 404, `no WebSocket at ${url.pathname}`);
      const ticketId = url.searchParams.get('ticket') ?? '';
      const ticket = tickets.get(ticketId);
      tickets.delete(ticketId); // one use, valid or not
      if (ticket === undefined) return refuse(socket, 400, 'ticket unknown or already used');
      if (ticket.expiresAt <= now()) return refuse(socket, 400, 'ticket expired');
      wss.handleUpgrade(request, socket, head, (ws) => {
        hub.attach(ws, ticket.appKey, ticket.subscriptions);
      });
    },
    failOpens(next, count) {
      failure = next;
      failuresLeft = Math.max(0, Math.floor(count));
    },
    close() {
      for (const release of hanging) release();
      hanging.clear();
      wss.close();
    },
  };
}
