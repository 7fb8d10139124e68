// Python WebSocket clients: `websockets.connect(url)` (also `async with … as ws`) and websocket-client's
// `create_connection(url)` / `WebSocket().connect(url)`. The connection is a network contact; each
// `ws.send(data)` is an upload of that data to the connection's URL.

import { someText, unknown, type Value } from './python-js-values.ts';
import type { CallHandler } from './python-walk.ts';

function wsUrl(v: Value | undefined): string | undefined {
  const text = someText(v);
  return text !== undefined && /^wss?:\/\//i.test(text) ? text : undefined;
}

const connect: CallHandler = (w, c) => {
  const url = wsUrl(c.args[0] ?? c.kw.get('uri') ?? c.kw.get('url'));
  w.rec.network({ line: c.line, via: 'websocket', protocol: 'ws', sent: [], ...(url ? { url } : {}) });
  return { sources: [], type: 'ws', ...(url ? { text: url } : {}) };
};

const connectExisting: CallHandler = (w, c) => {
  const url = wsUrl(c.args[0]);
  if (c.recv && url) c.recv.text = url;
  w.rec.network({ line: c.line, via: 'websocket', protocol: 'ws', sent: [], ...(url ? { url } : {}) });
  return c.recv ?? unknown;
};

const send: CallHandler = (w, c) => {
  const url = wsUrl(c.recv);
  w.rec.network({ line: c.line, via: 'websocket', protocol: 'ws', uploads: true, sent: c.args.slice(0, 1), ...(url ? { url } : {}) });
  return unknown;
};

export const wsHandlers: [string, CallHandler][] = [
  ...['websockets.connect', 'websockets.client.connect', 'websockets.sync.client.connect', 'websocket.create_connection'].map((n): [string, CallHandler] => [n, connect]),
  ['websocket.WebSocket', () => ({ sources: [], type: 'ws' })],
  ['ws#connect', connectExisting],
  ...['ws#send', 'ws#send_text', 'ws#send_bytes', 'ws#send_binary'].map((n): [string, CallHandler] => [n, send]),
];
