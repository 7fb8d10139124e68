// The Stream side of the emulated DingTalk: open WebSocket connections, what each subscribed to,
// downstream frames (research §1.3), ACK tracking by frame messageId and redelivery of what was not
// acknowledged. Each message goes to ONE eligible connection, chosen at random as DingTalk does.
// A message with no eligible connection waits and goes out when one appears (DingTalk keeps
// retrying within its window; the emulator keeps it until the emulator closes).

import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { frameMessageId } from './ids.ts';

export type FrameType = 'SYSTEM' | 'EVENT' | 'CALLBACK';

export interface Subscription {
  readonly type: string;
  readonly topic: string;
}

export type ConnectionState = 'open' | 'disconnecting' | 'zombie' | 'closed';

export interface StreamConnection {
  readonly id: string;
  readonly appKey: string;
  readonly subscriptions: readonly Subscription[];
  readonly openedAt: number;
  state: ConnectionState;
}

/** What the client answered to a frame (research §1.4). */
export interface AckRecord {
  readonly messageId: string;
  readonly topic: string;
  readonly connectionId: string;
  readonly code: number;
  readonly message?: string;
  /** The ACK's `data` parsed from its JSON string (undefined when absent or not JSON). */
  readonly data: unknown;
  readonly at: number;
  /** For robot messages: the payload's msgId (the same across redeliveries). */
  readonly msgId?: string;
}

export interface DeliverOptions {
  type: FrameType;
  topic: string;
  /** The payload object; sent as a JSON string in `data`. */
  payload: unknown;
  /** Redeliver after this many ms while unacknowledged (undefined: deliver once). */
  redeliverAfterMs?: number;
  /** Robot messages: the payload msgId, kept in ACK records. */
  msgId?: string;
  /** Called once with the first ACK (any code). */
  onAck?: (ack: AckRecord) => void;
  extraHeaders?: Record<string, string>;
}

export interface StreamHubOptions {
  appId: string;
  now: () => number;
  newMessageIdOnRedelivery: boolean;
  /** How long a `disconnect`ed socket stays open before the server closes it (DingTalk: ~10 s). */
  disconnectCloseMs: number;
  onProtocolError: (connectionId: string, problem: string) => void;
}

interface Pending {
  readonly options: DeliverOptions;
  messageId: string;
  readonly frameIds: Set<string>;
  attempts: number;
  timer?: NodeJS.Timeout;
  done: boolean;
}

interface Live {
  readonly info: StreamConnection;
  readonly socket: WebSocket;
}

export interface StreamHub {
  attach(socket: WebSocket, appKey: string, subscriptions: readonly Subscription[]): StreamConnection;
  /** Queues a frame for one eligible connection; returns the frame's (first) messageId. */
  deliver(options: DeliverOptions): string;
  connections(): StreamConnection[];
  acks(): AckRecord[];
  /** Frames waiting for an eligible connection or an ACK. */
  pendingCount(): number;
  /** SYSTEM ping to a connection; resolves with whether the echo came back in time. */
  ping(connectionId: string, timeoutMs?: number): Promise<boolean>;
  /** SYSTEM disconnect: no more deliveries there, socket closed after disconnectCloseMs. */
  disconnect(connectionId: string, reason?: string): void;
  /** Drops the TCP connection without a close frame. */
  drop(connectionId: string): void;
  /** Keeps the socket open but delivers nothing and answers no pings. */
  zombie(connectionId: string): void;
  close(): void;
}

function subscribed(conn: StreamConnection, type: FrameType, topic: string): boolean {
  if (type === 'SYSTEM') return true;
  return conn.subscriptions.some((s) => s.type === type && (s.topic === topic || (type === 'EVENT' && s.topic === '*')));
}

export function createStreamHub(options: StreamHubOptions): StreamHub {
  const { now } = options;
  const live = new Map<string, Live>();
  const pending = new Map<string, Pending>(); // by every frame messageId it was sent under
  const waiting: Pending[] = []; // no eligible connection yet
  const ackLog: AckRecord[] = [];
  const pingWaiters = new Map<string, (ok: boolean) => void>();
  const timers = new Set<NodeJS.Timeout>();
  let sequence = 0;

  const later = (ms: number, fn: () => void): NodeJS.Timeout => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timer.unref();
    timers.add(timer);
    return timer;
  };

  const frame = (conn: StreamConnection, type: FrameType, topic: string, messageId: string, data: string, extra?: Record<string, string>): string =>
    JSON.stringify({
      specVersion: '1.0',
      type,
      headers: {
        appId: options.appId,
        connectionId: conn.id,
        contentType: 'application/json',
        messageId,
        time: String(now()),
        topic,
        ...extra,
      },
      data,
    });

  const send = (item: Pending): boolean => {
    const { type, topic } = item.options;
    const eligible = [...live.values()].filter(
      (l) => l.info.state === 'open' && l.socket.readyState === l.socket.OPEN && subscribed(l.info, type, topic),
    );
    if (eligible.length === 0) return false;
    const target = eligible[Math.floor(Math.random() * eligible.length)]!;
    if (item.attempts > 0 && options.newMessageIdOnRedelivery) {
      sequence += 1;
      item.messageId = frameMessageId(sequence, now());
    }
    item.frameIds.add(item.messageId);
    pending.set(item.messageId, item);
    item.attempts += 1;
    target.socket.send(frame(target.info, type, topic, item.messageId, JSON.stringify(item.options.payload), item.options.extraHeaders));
    return true;
  };

  const schedule = (item: Pending): void => {
    const delay = item.options.redeliverAfterMs;
    if (delay === undefined) return;
    item.timer = later(delay, () => {
      if (item.done) return;
      if (!send(item)) waiting.push(item);
      schedule(item);
    });
  };

  const flushWaiting = (): void => {
    for (let i = 0; i < waiting.length; ) {
      const item = waiting[i]!;
      if (item.done) waiting.splice(i, 1);
      else if (send(item)) waiting.splice(i, 1);
      else i += 1;
    }
  };

  const onMessage = (conn: StreamConnection, raw: string): void => {
    let ack: { code?: unknown; headers?: { messageId?: unknown }; message?: unknown; data?: unknown };
    try {
      ack = JSON.parse(raw) as typeof ack;
    } catch {
      options.onProtocolError(conn.id, 'upstream frame is not JSON');
      return;
    }
    const messageId = typeof ack?.headers?.messageId === 'string' ? ack.headers.messageId : undefined;
    if (messageId === undefined) {
      options.onProtocolError(conn.id, 'upstream frame has no headers.messageId');
      return;
    }
    let data: unknown;
    if (typeof ack.data === 'string') {
      try {
        data = JSON.parse(ack.data);
      } catch {
        data = ack.data;
      }
    }
    const waiter = pingWaiters.get(messageId);
    if (waiter !== undefined) {
      pingWaiters.delete(messageId);
      waiter(true);
    }
    const item = pending.get(messageId);
    const code = typeof ack.code === 'number' ? ack.code : Number(ack.code);
    const record: AckRecord = {
      messageId,
      topic: item?.options.topic ?? 'SYSTEM',
      connectionId: conn.id,
      code,
      message: typeof ack.message === 'string' ? ack.message : undefined,
      data,
      at: now(),
      msgId: item?.options.msgId,
    };
    ackLog.push(record);
    if (item === undefined || item.done) return;
    const askedLater = item.options.type === 'EVENT' && (data as { status?: unknown } | undefined)?.status === 'LATER';
    if (code === 200 && !askedLater) {
      item.done = true;
      if (item.timer !== undefined) clearTimeout(item.timer);
      for (const id of item.frameIds) pending.delete(id);
    }
    item.options.onAck?.(record);
  };

  return {
    attach(socket, appKey, subscriptions) {
      const info: StreamConnection = { id: randomUUID(), appKey, subscriptions, openedAt: now(), state: 'open' };
      live.set(info.id, { info, socket });
      socket.on('message', (data, isBinary) => {
        if (info.state === 'zombie') return;
        if (isBinary) options.onProtocolError(info.id, 'binary upstream frame');
        else onMessage(info, data.toString());
      });
      socket.on('ping', (data) => {
        if (info.state !== 'zombie') socket.pong(data);
      });
      socket.on('close', () => {
        info.state = 'closed';
        live.delete(info.id);
      });
      socket.on('error', () => socket.terminate());
      queueMicrotask(flushWaiting);
      return info;
    },
    deliver(deliverOptions) {
      sequence += 1;
      const item: Pending = { options: deliverOptions, messageId: frameMessageId(sequence, now()), frameIds: new Set(), attempts: 0, done: false };
      const id = item.messageId;
      if (!send(item)) waiting.push(item);
      schedule(item);
      return id;
    },
    connections: () => [...live.values()].map((l) => ({ ...l.info })),
    acks: () => [...ackLog],
    pendingCount: () => new Set([...pending.values(), ...waiting].filter((p) => !p.done)).size,
    ping(connectionId, timeoutMs = 5000) {
      const target = live.get(connectionId);
      if (target === undefined) return Promise.resolve(false);
      sequence += 1;
      const messageId = frameMessageId(sequence, now());
      return new Promise((resolve) => {
        pingWaiters.set(messageId, resolve);
        later(timeoutMs, () => {
          if (pingWaiters.delete(messageId)) resolve(false);
        });
        target.socket.send(frame(target.info, 'SYSTEM', 'ping', messageId, JSON.stringify({ opaque: randomUUID() })));
      });
    },
    disconnect(connectionId, reason = 'persistent connection is timeout') {
      const target = live.get(connectionId);
      if (target === undefined) return;
      sequence += 1;
      target.socket.send(frame(target.info, 'SYSTEM', 'disconnect', frameMessageId(sequence, now()), JSON.stringify({ reason })));
      target.info.state = 'disconnecting';
      later(options.disconnectCloseMs, () => target.socket.close(1000, 'disconnect'));
    },
    drop(connectionId) {
      live.get(connectionId)?.socket.terminate();
    },
    zombie(connectionId) {
      const target = live.get(connectionId);
      if (target !== undefined) target.info.state = 'zombie';
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const l of live.values()) l.socket.terminate();
      live.clear();
    },
  };
}
