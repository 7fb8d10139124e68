// JavaScript network calls: fetch/node-fetch/undici, axios, got, http(s).request/get, XMLHttpRequest,
// WebSocket, net/dgram sockets and dns. Bodies and URLs built from data are uploads (flow facts);
// headers only add data sources.

import type { NetworkFact } from '../facts.ts';
import type { JsCall, JsHandler, JsWalker } from './javascript-walk.ts';
import { derive, exactText, someText, unknown, type Value } from './python-js-values.ts';

type Protocol = NonNullable<NetworkFact['protocol']>;

function urlText(v: Value | undefined): string | undefined {
  const text = someText(v);
  return text !== undefined && /^[a-z][\w+.-]*:\/\//i.test(text) ? text : undefined;
}

function protocolOf(url: string | undefined, fallback: Protocol = 'http'): Protocol {
  const scheme = url?.match(/^([a-z][\w+.-]*):/i)?.[1]?.toLowerCase();
  return scheme === 'https' ? 'https' : scheme === 'ws' || scheme === 'wss' ? 'ws' : scheme === 'http' ? 'http' : fallback;
}

interface Send {
  via: string;
  url: Value | undefined;
  method?: string;
  body: (Value | undefined)[];
  headers?: Value | undefined;
  protocol?: Protocol;
}

function send(w: JsWalker, c: JsCall, s: Send): Value {
  const url = urlText(s.url);
  const body = s.body.filter((v): v is Value => v !== undefined);
  if (s.url && s.url.sources.length > 0) body.push(s.url);
  const method = s.method ?? (body.length ? 'POST' : 'GET');
  w.rec.network({
    line: c.line, via: s.via, method, protocol: s.protocol ?? protocolOf(url), sent: body, carried: s.headers ? [s.headers] : [],
    uploads: /^(?:POST|PUT|PATCH)$/i.test(method), ...(url ? { url } : {}),
  });
  return { sources: [], type: 'response', remote: url ?? '' };
}

function fetchCall(via: string): JsHandler {
  return (w, c) => {
    const init = c.args[1]?.entries;
    return send(w, c, { via, url: c.args[0], method: exactText(init?.get('method')), body: [init?.get('body')], headers: init?.get('headers') });
  };
}

/** axios(config) / axios(url, config) / axios.post(url, data, config) / got.post(url, {json}). */
function client(via: string, verb: string | undefined): JsHandler {
  return (w, c) => {
    const first = c.args[0];
    const config = first?.entries && !first.text ? first.entries : c.args[verb && /^(?:post|put|patch)$/.test(verb) && via === 'axios' ? 2 : 1]?.entries;
    const url = first?.entries && !first.text ? config?.get('url') : first;
    const data = verb && /^(?:post|put|patch)$/.test(verb) && via === 'axios' ? c.args[1] : undefined;
    const body = [data, config?.get('data'), config?.get('body'), config?.get('json'), config?.get('form'), config?.get('params'), config?.get('searchParams')];
    return send(w, c, { via, url, method: verb?.toUpperCase() ?? exactText(config?.get('method')), body, headers: config?.get('headers') });
  };
}

/** http(s).request(url | options, cb) / get: the request object carries the target for `write`. */
function httpRequest(via: string, get: boolean): JsHandler {
  return (w, c) => {
    const first = c.args[0];
    const opts = first?.entries ?? c.args[1]?.entries;
    let url = first?.entries ? undefined : first;
    if (!url && opts) {
      const host = exactText(opts.get('hostname') ?? opts.get('host'));
      const path = someText(opts.get('path')) ?? '/';
      if (host) url = { ...derive(opts.get('path')), text: `${via}://${host}${path.startsWith('/') ? path : `/${path}`}` };
    }
    const method = get ? 'GET' : (exactText(opts?.get('method')) ?? 'GET');
    const response = send(w, c, { via, url, method, body: [], headers: opts?.get('headers') });
    return { ...response, type: 'http-req', text: urlText(url) ?? '' };
  };
}

function requestWrite(w: JsWalker, c: JsCall): Value {
  if (c.args[0] === undefined || c.args[0].qname) return unknown;
  const url = c.recv?.text || undefined;
  w.rec.network({ line: c.line, via: 'http', protocol: protocolOf(url), uploads: true, sent: c.args.slice(0, 1), ...(url ? { url } : {}) });
  return unknown;
}

function xhrOpen(_: JsWalker, c: JsCall): Value {
  if (c.recv) c.recv.entries = new Map([['method', c.args[0] ?? unknown], ['url', c.args[1] ?? unknown]]);
  return unknown;
}

function webSocket(w: JsWalker, c: JsCall): Value {
  const url = urlText(c.args[0]);
  w.rec.network({ line: c.line, via: 'WebSocket', protocol: 'ws', sent: c.args[0]?.sources.length ? [c.args[0]] : [], ...(url ? { url } : {}) });
  return { sources: [], type: 'ws', ...(url ? { text: url } : {}) };
}

function socketFact(w: JsWalker, c: JsCall, sock: Value, protocol: 'tcp' | 'udp'): void {
  const opts = c.args[0]?.entries;
  const port = exactText(opts?.get('port') ?? c.args[0]);
  const host = exactText(opts?.get('host') ?? (opts ? undefined : c.args[1]));
  const fact = w.rec.emit({
    kind: 'socket', line: c.line, protocol, ...(host && !/^\d+$/.test(host) ? { host } : {}), ...(port && /^\d+$/.test(port) ? { port: Number(port) } : {}),
  });
  sock.handle = fact;
  if (host) sock.host = host;
  if (port && /^\d+$/.test(port)) sock.port = Number(port);
}

function netConnect(w: JsWalker, c: JsCall): Value {
  const sock: Value = { sources: [], type: 'socket' };
  socketFact(w, c, sock, 'tcp');
  return sock;
}

function socketConnect(w: JsWalker, c: JsCall): Value {
  if (c.recv) socketFact(w, c, c.recv, c.recv.text === 'udp' ? 'udp' : 'tcp');
  return c.recv ?? unknown;
}

function socketWrite(w: JsWalker, c: JsCall): Value {
  const s = c.recv ?? unknown;
  if (c.args[0] === undefined) return unknown;
  w.rec.network({ line: c.line, via: 'net', protocol: 'tcp', uploads: true, sent: c.args.slice(0, 1), ...(s.host ? { host: s.host } : {}), ...(s.port ? { port: s.port } : {}) });
  return unknown;
}

function udpSend(w: JsWalker, c: JsCall): Value {
  const port = exactText(c.args[1]) ?? exactText(c.args[3]);
  const host = exactText(c.args[2]) ?? exactText(c.args[4]);
  w.rec.network({ line: c.line, via: 'dgram', protocol: 'udp', uploads: true, sent: c.args.slice(0, 1), ...(host ? { host } : {}), ...(port && /^\d+$/.test(port) ? { port: Number(port) } : {}) });
  return unknown;
}

function dnsLookup(w: JsWalker, c: JsCall): Value {
  const name = c.args[0];
  const host = someText(name);
  w.rec.network({ line: c.line, via: 'dns', protocol: 'dns', sent: name && !name.exact ? [name] : [], ...(host ? { host: host.toLowerCase() } : {}) });
  return unknown;
}

const n = (names: string[], h: JsHandler): [string, JsHandler][] => names.map((name) => [name, h]);
const verbs = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

export const netHandlers: [string, JsHandler][] = [
  ...n(['fetch', 'globalThis.fetch', 'window.fetch', 'node-fetch', 'undici.fetch', 'cross-fetch', 'isomorphic-fetch'], fetchCall('fetch')),
  ...n(['undici.request'], client('undici', undefined)),
  ...n(['axios', 'axios.request', 'http-client#request'], client('axios', undefined)),
  ...verbs.flatMap((v) => n([`axios.${v}`, `http-client#${v}`], client('axios', v))),
  ...n(['got'], client('got', undefined)),
  ...verbs.flatMap((v) => n([`got.${v}`], client('got', v))),
  ...n(['axios.create', 'got.extend'], () => ({ sources: [], type: 'http-client' })),
  ...n(['#text', '#json', '#arrayBuffer', '#buffer', '#blob'], (_, c) => derive(c.recv)),
  ...n(['http.request', 'http.get'], (w, c) => httpRequest('http', c.name.endsWith('get'))(w, c)),
  ...n(['https.request', 'https.get'], (w, c) => httpRequest('https', c.name.endsWith('get'))(w, c)),
  ...n(['http-req#write', 'http-req#end'], requestWrite),
  ...n(['XMLHttpRequest'], () => ({ sources: [], type: 'xhr' })),
  ...n(['xhr#open'], xhrOpen),
  ...n(['xhr#send'], (w, c) => send(w, c, { via: 'XMLHttpRequest', url: c.recv?.entries?.get('url'), method: exactText(c.recv?.entries?.get('method')) ?? 'POST', body: c.args.slice(0, 1) })),
  ...n(['WebSocket', 'ws', 'ws.WebSocket'], webSocket),
  ...n(['ws#send'], (w, c) => {
    const url = c.recv?.text;
    w.rec.network({ line: c.line, via: 'WebSocket', protocol: 'ws', uploads: true, sent: c.args.slice(0, 1), ...(url ? { url } : {}) });
    return unknown;
  }),
  ...n(['net.connect', 'net.createConnection', 'tls.connect'], netConnect),
  ...n(['net.Socket', 'net.Stream'], () => ({ sources: [], type: 'socket' })),
  ...n(['socket#connect'], socketConnect),
  ...n(['socket#write', 'socket#end'], socketWrite),
  ...n(['dgram.createSocket'], () => ({ sources: [], type: 'udp-socket' })),
  ...n(['udp-socket#send'], udpSend),
  ...['resolve', 'resolve4', 'resolve6', 'resolveTxt', 'resolveAny', 'resolveCname', 'lookup'].flatMap((f) => n([`dns.${f}`, `dns.promises.${f}`], dnsLookup)),
];
