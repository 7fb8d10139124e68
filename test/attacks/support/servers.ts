// Loopback servers for the attack suite: an "attacker" that records every byte it gets (TCP and
// UDP), and an HTTPS "API" bound to a secret that records what it receives and has an endpoint
// that echoes the body back (the reflection oracle an attacker would look for).

import { createSocket } from 'node:dgram';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo } from 'node:net';

export interface Attacker {
  port: number;
  udpPort: number;
  received(): Buffer;
  close(): Promise<void>;
}

export async function startAttacker(): Promise<Attacker> {
  const chunks: Buffer[] = [];
  const tcp = createNetServer((socket) => {
    socket.on('data', (d) => {
      chunks.push(d);
      if (/^[A-Z]+ \S+ HTTP\/1/.test(d.toString('latin1'))) socket.end('HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok');
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', r));
  const udp = createSocket('udp4');
  udp.on('message', (m, from) => (chunks.push(m), udp.send('ok', from.port, from.address)));
  await new Promise<void>((r) => udp.bind(0, '127.0.0.1', r));
  return {
    port: (tcp.address() as AddressInfo).port,
    udpPort: udp.address().port,
    received: () => Buffer.concat(chunks),
    close: async () => {
      await new Promise<void>((r) => tcp.close(() => r()));
      await new Promise<void>((r) => udp.close(() => r()));
    },
  };
}

export interface ApiRecord {
  method: string;
  path: string;
  authorization?: string;
  body: string;
}

export interface Api {
  port: number;
  records: ApiRecord[];
  close(): Promise<void>;
}

export async function startApi(cert: Buffer, key: Buffer): Promise<Api> {
  const records: ApiRecord[] = [];
  const server = createHttpsServer({ cert, key }, (req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', () => {
      const body = Buffer.concat(parts).toString();
      records.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, body });
      res.setHeader('content-type', 'application/json');
      if (req.url?.startsWith('/echo')) res.end(JSON.stringify({ echo: body, query: req.url }));
      else res.end(JSON.stringify({ ok: true, path: req.url }));
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    records,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}
