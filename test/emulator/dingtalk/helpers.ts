// Plain-protocol helpers for the emulator tests: a token, a Stream connection that records frames
// and answers as the test says, JSON calls.

import { WebSocket } from 'ws';

export const APP = { clientId: 'dingdemoapp0001', clientSecret: 'demo-secret-not-for-production' } as const;
export const ROBOT_TOPIC = '/v1.0/im/bot/messages/get';
export const CARD_TOPIC = '/v1.0/card/instances/callback';

export interface Frame {
  specVersion: string;
  type: string;
  headers: Record<string, string>;
  data: string;
}

export async function call(url: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

export async function token(url: string): Promise<string> {
  const { body } = await call(url, 'POST', '/v1.0/oauth2/accessToken', { appKey: APP.clientId, appSecret: APP.clientSecret });
  return body.accessToken as string;
}

export async function openTicket(url: string, topics: string[] = [ROBOT_TOPIC, CARD_TOPIC]): Promise<{ endpoint: string; ticket: string }> {
  const { status, body } = await call(url, 'POST', '/v1.0/gateway/connections/open', {
    ...APP,
    subscriptions: topics.map((topic) => ({ type: 'CALLBACK', topic })),
  });
  if (status !== 200) throw new Error(`open failed: ${status} ${JSON.stringify(body)}`);
  return body;
}

export interface TestClient {
  socket: WebSocket;
  frames: Frame[];
  /** Resolves with the next frame matching `pred` (already received ones count). */
  next(pred?: (f: Frame) => boolean, timeoutMs?: number): Promise<Frame>;
  ack(frame: Frame, data?: unknown, code?: number): void;
  close(): void;
}

export async function connect(url: string, topics?: string[]): Promise<TestClient> {
  const { endpoint, ticket } = await openTicket(url, topics);
  const socket = new WebSocket(`${endpoint}?ticket=${ticket}`);
  const frames: Frame[] = [];
  const waiters: (() => void)[] = [];
  let taken = 0;
  socket.on('message', (data) => {
    frames.push(JSON.parse(data.toString()) as Frame);
    for (const w of waiters.splice(0)) w();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const seen = new Set<Frame>();
  return {
    socket,
    frames,
    async next(pred = () => true, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = frames.find((f) => !seen.has(f) && pred(f));
        if (found !== undefined) {
          seen.add(found);
          taken += 1;
          return found;
        }
        if (Date.now() > deadline) throw new Error(`no matching frame within ${timeoutMs} ms (${frames.length} received, ${taken} taken)`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    ack(frame, data = { response: null }, code = 200) {
      socket.send(JSON.stringify({ code, headers: { contentType: 'application/json', messageId: frame.headers.messageId }, message: 'OK', data: JSON.stringify(data) }));
    },
    close() {
      socket.close();
    },
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns true or the timeout passes. */
export async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(20);
  }
}
