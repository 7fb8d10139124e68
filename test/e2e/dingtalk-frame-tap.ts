// A loopback tap between `warden serve` and the emulator: every HTTP request is forwarded to the
// emulator as it is, except that the Stream `connections/open` answer's endpoint is rewritten to the
// tap's own WebSocket, which relays frames both ways and lets a test push frames DingTalk never
// should send (not JSON, unknown topics, missing or oversized fields) to serve's real socket.

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

export interface FrameTap {
  /** The base URL to configure as `dingtalk.apiBaseUrl`. */
  url: string;
  /** Sends raw text to every client socket of serve; resolves with how many it reached. */
  inject(text: string): number;
  /** What serve sent back on the tapped sockets (ACKs of injected frames included). */
  upstream: string[];
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFrameTap(emulatorUrl: string): Promise<FrameTap> {
  const clients = new Set<WebSocket>();
  const upstream: string[] = [];
  let self = '';
  const server: Server = createServer((req, res) => {
    void (async () => {
      const payload = await body(req);
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k, v]) => typeof v === 'string' && !['host', 'content-length', 'connection'].includes(k))) as Record<string, string>;
      const answer = await fetch(new URL(req.url ?? '/', emulatorUrl), { method: req.method ?? 'GET', headers, ...(payload.length ? { body: payload } : {}) });
      let text = await answer.text();
      if (req.url?.startsWith('/v1.0/gateway/connections/open') && answer.ok) {
        const open = JSON.parse(text) as { endpoint: string };
        open.endpoint = `${self.replace(/^http/, 'ws')}/tap?to=${encodeURIComponent(open.endpoint)}`;
        text = JSON.stringify(open);
      }
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(text);
    })().catch((error: unknown) => {
      res.writeHead(502);
      res.end(String(error));
    });
  });
  const wss = new WebSocketServer({ server, path: '/tap' });
  wss.on('connection', (client, req) => {
    const url = new URL(req.url ?? '/', self);
    // The client appended ?ticket=… to our endpoint; carry it to the emulator's endpoint.
    const target = new URL(url.searchParams.get('to')!);
    for (const [k, v] of url.searchParams) if (k !== 'to') target.searchParams.set(k, v);
    const up = new WebSocket(target);
    const early: string[] = [];
    clients.add(client);
    up.on('message', (data) => client.readyState === WebSocket.OPEN && client.send(data.toString()));
    up.on('open', () => early.splice(0).forEach((m) => up.send(m)));
    client.on('message', (data) => {
      const text = data.toString();
      upstream.push(text);
      if (up.readyState === WebSocket.OPEN) up.send(text);
      else early.push(text);
    });
    up.on('close', () => client.close());
    up.on('error', () => client.terminate());
    client.on('close', () => {
      clients.delete(client);
      up.close();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  self = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: self,
    upstream,
    inject(text) {
      let n = 0;
      for (const c of clients) if (c.readyState === WebSocket.OPEN) (c.send(text), n++);
      return n;
    },
    async close() {
      for (const c of clients) c.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
