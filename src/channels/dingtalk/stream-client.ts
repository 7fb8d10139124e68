// The Stream-mode connection over `ws` (research/dingtalk.md §1): POST /v1.0/gateway/connections/open
// for a one-use ticket, then the WebSocket. System pings are echoed, WebSocket pings keep the socket
// honest (no pong by the next ping: the socket is dead, terminate and reconnect), a dropped socket
// is reopened with exponential back-off and jitter, and a `disconnect` frame opens the new
// connection BEFORE the old one is closed, so nothing pushed in DingTalk's ~10 s window is lost.

import WebSocket from 'ws';
import { ackFrame, parseFrame, pingReply, type DownstreamFrame } from './frames.ts';

export interface StreamClientOptions {
  apiBaseUrl: string;
  clientId: string;
  clientSecret: string;
  /** CALLBACK topics to subscribe to (no EVENT subscription). */
  topics: string[];
  /**
   * Called for each CALLBACK frame; `ack` answers it on the socket it came in on (a no-op once that
   * socket is gone: DingTalk then redelivers). Errors thrown here are logged and the frame is left
   * unacknowledged.
   */
  onCallback(frame: DownstreamFrame, ack: (code: 200 | 404 | 500, data: unknown) => void): Promise<void> | void;
  log: (line: string) => void;
  fetch?: typeof fetch;
  random?: () => number;
  /** Interval of WebSocket pings (default 20 s). */
  pingIntervalMs?: number;
  /** First reconnect delay; doubles per failed attempt up to maxBackoffMs (defaults 1 s and 60 s). */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface StreamClient {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Connections currently open (one, or two during a make-before-break switch). */
  openConnections(): number;
}

interface Connection {
  socket: WebSocket;
  /** Callback frames received on it whose handler has not finished. */
  inFlight: number;
  draining: boolean;
  onIdle?: () => void;
}

const DRAIN_LIMIT_MS = 10_000;

export function createStreamClient(options: StreamClientOptions): StreamClient {
  const doFetch = options.fetch ?? fetch;
  const random = options.random ?? Math.random;
  const pingIntervalMs = options.pingIntervalMs ?? 20_000;
  const minBackoff = options.minBackoffMs ?? 1000;
  const maxBackoff = options.maxBackoffMs ?? 60_000;
  const connections = new Set<Connection>();
  let current: Connection | undefined;
  let stopped = true;
  let failures = 0;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let connecting: Promise<void> | undefined;

  async function openTicket(): Promise<string> {
    const url = `${options.apiBaseUrl.replace(/\/+$/, '')}/v1.0/gateway/connections/open`;
    const response = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        subscriptions: options.topics.map((topic) => ({ type: 'CALLBACK', topic })),
        ua: 'warden-dingtalk/0.1',
      }),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // reported below with the status
    }
    if (!response.ok || typeof body.endpoint !== 'string' || typeof body.ticket !== 'string') {
      throw new Error(`${url} answered ${response.status}${body.code ? ` ${String(body.code)}` : ''}${body.message ? `: ${String(body.message)}` : ''} (no endpoint and ticket)`);
    }
    return `${body.endpoint}${body.endpoint.includes('?') ? '&' : '?'}ticket=${encodeURIComponent(body.ticket)}`;
  }

  function closeConnection(connection: Connection, why: string): void {
    if (!connections.delete(connection)) return;
    options.log(`dingtalk stream: closing a connection (${why})`);
    connection.socket.close(1000, why.slice(0, 100));
    setTimeout(() => connection.socket.terminate(), 2000).unref();
  }

  /** Closes a connection once its in-flight frames are acknowledged (at most DRAIN_LIMIT_MS). */
  function drain(connection: Connection): void {
    if (connection.inFlight === 0) return closeConnection(connection, 'replaced after disconnect');
    const timer = setTimeout(() => closeConnection(connection, 'replaced after disconnect, drain timed out'), DRAIN_LIMIT_MS);
    connection.onIdle = () => {
      clearTimeout(timer);
      closeConnection(connection, 'replaced after disconnect');
    };
  }

  function handleText(connection: Connection, text: string): void {
    const parsed = parseFrame(text);
    if (!parsed.ok) {
      options.log(`dingtalk stream: ignored a bad frame: ${parsed.reason}`);
      if (parsed.messageId) send(connection, ackFrame(parsed.messageId, 500, { message: parsed.reason }));
      return;
    }
    const frame = parsed.frame;
    if (frame.type === 'SYSTEM') {
      if (frame.topic === 'ping') send(connection, pingReply(frame));
      else if (frame.topic === 'disconnect') {
        options.log(`dingtalk stream: DingTalk asked to disconnect (${frame.data.slice(0, 120)}); opening a new connection first`);
        connection.draining = true;
        if (current === connection) current = undefined;
        void reconnectNow().then(() => drain(connection));
      }
      return;
    }
    if (frame.type === 'EVENT') {
      // Not subscribed; acknowledged so DingTalk does not push it again.
      send(connection, ackFrame(frame.messageId, 200, { status: 'SUCCESS', message: 'not handled' }));
      return;
    }
    connection.inFlight++;
    let acked = false;
    const ack = (code: 200 | 404 | 500, data: unknown) => {
      if (acked) return;
      acked = true;
      send(connection, ackFrame(frame.messageId, code, data));
    };
    Promise.resolve()
      .then(() => options.onCallback(frame, ack))
      .catch((error: unknown) => options.log(`dingtalk stream: handler failed for frame ${frame.messageId} (${frame.topic}): ${(error as Error)?.message ?? String(error)}; left unacknowledged for redelivery`))
      .finally(() => {
        connection.inFlight--;
        if (connection.inFlight === 0) connection.onIdle?.();
      });
  }

  function send(connection: Connection, text: string): void {
    if (connection.socket.readyState === WebSocket.OPEN) connection.socket.send(text);
  }

  async function connectOnce(): Promise<void> {
    const url = await openTicket();
    const socket = new WebSocket(url, { maxPayload: 8 * 1024 * 1024, handshakeTimeout: 10_000 });
    const connection: Connection = { socket, inFlight: 0, draining: false };
    let alive = true;
    // Listening before 'open' resolves: DingTalk pushes waiting frames right after the handshake,
    // and ws can emit them before an awaiting caller resumes; without a listener they would be lost
    // (left unacknowledged until DingTalk redelivers them, after newer messages).
    socket.on('message', (data, isBinary) => {
      alive = true;
      if (isBinary) return options.log('dingtalk stream: ignored a binary frame');
      handleText(connection, data.toString());
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
      socket.once('unexpected-response', (_req, res) => reject(new Error(`WebSocket handshake refused: HTTP ${res.statusCode}`)));
    });
    if (stopped) {
      socket.terminate();
      return;
    }
    connections.add(connection);
    current = connection;
    failures = 0;
    const pinger = setInterval(() => {
      if (!alive) {
        options.log('dingtalk stream: no pong since the last ping; the socket is dead, reconnecting');
        socket.terminate();
        return;
      }
      alive = false;
      socket.ping();
    }, pingIntervalMs);
    socket.on('pong', () => {
      alive = true;
    });
    socket.on('error', (error) => options.log(`dingtalk stream: socket error: ${error.message}`));
    socket.on('close', (code) => {
      clearInterval(pinger);
      connections.delete(connection);
      if (current === connection) {
        current = undefined;
        if (!stopped) {
          options.log(`dingtalk stream: connection closed (code ${code}); reconnecting`);
          scheduleReconnect();
        }
      }
    });
    options.log('dingtalk stream: connected');
  }

  function scheduleReconnect(): void {
    if (stopped || reconnectTimer || connecting) return;
    const delay = Math.min(minBackoff * 2 ** failures + random() * minBackoff, maxBackoff);
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      void reconnectNow();
    }, failures === 0 ? random() * minBackoff : delay);
  }

  function reconnectNow(): Promise<void> {
    connecting ??= connectOnce()
      .catch((error: unknown) => {
        failures++;
        options.log(`dingtalk stream: cannot connect (attempt ${failures}): ${(error as Error)?.message ?? String(error)}`);
      })
      .finally(() => {
        connecting = undefined;
        if (!current) scheduleReconnect();
      });
    return connecting;
  }

  return {
    async start() {
      if (!stopped) return;
      stopped = false;
      failures = 0;
      await reconnectNow();
    },
    async stop() {
      stopped = true;
      clearTimeout(reconnectTimer);
      reconnectTimer = undefined;
      await connecting;
      const closing = [...connections].map((c) => new Promise<void>((resolve) => {
        if (c.socket.readyState === WebSocket.CLOSED) return resolve();
        c.socket.once('close', () => resolve());
        c.socket.close(1000, 'stopping');
        setTimeout(() => {
          c.socket.terminate();
          resolve();
        }, 2000).unref();
      }));
      connections.clear();
      current = undefined;
      await Promise.all(closing);
    },
    openConnections: () => connections.size,
  };
}
