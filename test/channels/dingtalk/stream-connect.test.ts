// Frames DingTalk pushes the moment the WebSocket opens (what waited while Warden was down) reach
// the handler: none is dropped for want of a listener while the client is still finishing connect.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { WebSocketServer } from 'ws';
import { createStreamClient } from '../../../src/channels/dingtalk/stream-client.ts';

const FRAMES = 25;

function frame(i: number): string {
  return JSON.stringify({
    specVersion: '1.0',
    type: 'CALLBACK',
    headers: { messageId: `frame-${i}`, topic: '/v1.0/im/bot/messages/get', contentType: 'application/json', time: String(Date.now()) },
    data: JSON.stringify({ msgId: `msg-${i}` }),
  });
}

describe('dingtalk stream client at connect', () => {
  it('handles and acknowledges every frame sent right after the handshake', async () => {
    const server = createServer((request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ endpoint: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/connect`, ticket: 't1' }));
    });
    const acked: string[] = [];
    const wss = new WebSocketServer({ server, path: '/connect' });
    wss.on('connection', (socket) => {
      // In one write with the end of the handshake, as a gateway flushing its backlog would.
      for (let i = 0; i < FRAMES; i++) socket.send(frame(i));
      socket.on('message', (data) => acked.push(String((JSON.parse(data.toString()) as { headers: { messageId: string } }).headers.messageId)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const handled: string[] = [];
    const client = createStreamClient({
      apiBaseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      clientId: 'app1',
      clientSecret: 'secret1',
      topics: ['/v1.0/im/bot/messages/get'],
      log: () => {},
      onCallback(f, ack) {
        handled.push(f.messageId);
        ack(200, { response: null });
      },
    });
    try {
      await client.start();
      const deadline = Date.now() + 5000;
      while (acked.length < FRAMES && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.deepEqual(handled, Array.from({ length: FRAMES }, (_, i) => `frame-${i}`));
      assert.equal(new Set(acked).size, FRAMES);
    } finally {
      await client.stop();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
