// A small loopback DingTalk for channel tests that need to push frames the emulator would never
// send (malformed JSON, unknown topics, the same msgId under two frame ids) or to observe exactly
// when an ACK arrives. It serves connections/open, the access token, user/get and listparentbyuser,
// the robot send APIs, and a WebSocket on /connect. Everything else is the emulator's job.

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface FakeGateway {
  url: string;
  /** Sockets in the order they connected. */
  sockets: WebSocket[];
  /** Every text frame a client sent, parsed. */
  upstream: Array<Record<string, unknown>>;
  /** HTTP calls: method and path. */
  calls: Array<{ method: string; path: string; body: unknown }>;
  /** Sends raw text on the newest socket. */
  sendRaw(text: string): void;
  /** Sends a robot message frame; resolves with its frame messageId. */
  pushRobot(data: Record<string, unknown>, frameMessageId?: string): string;
  waitFor<T>(probe: () => T | undefined, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

let counter = 0;

export function robotData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  const now = Date.now();
  return {
    conversationId: 'cid1', conversationType: '1', msgId: `msg${counter}`, msgtype: 'text', text: { content: ` hello ${counter}` },
    senderStaffId: 'user0001', senderId: '$:LWCP_v1:$u1', senderNick: '张三', senderCorpId: 'corp1', chatbotCorpId: 'corp1',
    robotCode: 'app1', createAt: now, sessionWebhookExpiredTime: now + 5_400_000, ...overrides,
  };
}

async function body(request: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of request) text += chunk;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function startFakeGateway(): Promise<FakeGateway> {
  const sockets: WebSocket[] = [];
  const upstream: Array<Record<string, unknown>> = [];
  const calls: FakeGateway['calls'] = [];
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const parsed = await body(request);
    calls.push({ method: request.method ?? '', path: url.pathname, body: parsed });
    const json = (status: number, value: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(value));
    };
    switch (url.pathname) {
      case '/v1.0/gateway/connections/open':
        return json(200, { endpoint: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/connect`, ticket: `t${Date.now()}` });
      case '/v1.0/oauth2/accessToken':
        return json(200, { accessToken: 'tok', expireIn: 7200 });
      case '/topapi/v2/user/get':
        return json(200, { errcode: 0, result: { userid: (parsed as { userid: string }).userid, unionid: 'union1', name: '张三', dept_id_list: [2] } });
      case '/topapi/v2/department/listparentbyuser':
        return json(200, { errcode: 0, result: { parent_list: [{ parent_dept_id_list: [2, 1] }] } });
      default:
        return json(200, { processQueryKey: 'pqk', errcode: 0 });
    }
  });
  const wss = new WebSocketServer({ server, path: '/connect' });
  wss.on('connection', (socket) => {
    sockets.push(socket);
    socket.on('message', (data) => upstream.push(JSON.parse(data.toString()) as Record<string, unknown>));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let frames = 0;
  const newest = () => sockets.at(-1)!;
  return {
    url,
    sockets,
    upstream,
    calls,
    sendRaw: (text) => newest().send(text),
    pushRobot(data, frameMessageId = `frame${++frames}_${Date.now()}`) {
      newest().send(JSON.stringify({ specVersion: '1.0', type: 'CALLBACK', headers: { messageId: frameMessageId, topic: '/v1.0/im/bot/messages/get', contentType: 'application/json', time: String(Date.now()) }, data: JSON.stringify(data) }));
      return frameMessageId;
    },
    async waitFor(probe, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const value = probe();
        if (value !== undefined && value !== false) return value;
        if (Date.now() > until) throw new Error('waitFor: timed out');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async close() {
      for (const socket of sockets) socket.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
