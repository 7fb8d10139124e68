// Python network calls: HTTP clients (requests, httpx, aiohttp, urllib, http.client), mail, FTP,
// DNS, raw sockets and downloads. Uploaded values become the network fact's data sources and `flow`
// facts; headers only add data sources (a declared token to its own API is the rules' call).

import type { FactDraft, NetworkFact } from '../facts.ts';
import { pathOf } from './python-calls-io.ts';
import { derive, exactText, someText, unknown, type Value } from './python-js-values.ts';
import type { CallHandler, CallSite, PyWalker } from './python-walk.ts';

const httpMethods = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];
const bodyKeys = ['data', 'json', 'files', 'params', 'content', 'body'];
const carriedKeys = ['headers', 'auth', 'cookies'];

/** The URL of a value when any of it is known (`*` for unknown parts); data in it counts as sent. */
function urlOf(v: Value | undefined): string | undefined {
  const text = someText(v);
  return text !== undefined && /^[a-z][\w+.-]*:\/\//i.test(text) ? text : undefined;
}

function protocolOf(url: string | undefined, fallback: NetworkFact['protocol'] = 'http'): NonNullable<NetworkFact['protocol']> {
  const scheme = url?.match(/^([a-z][\w+.-]*):/i)?.[1]?.toLowerCase();
  if (scheme === 'https') return 'https';
  if (scheme === 'ws' || scheme === 'wss') return 'ws';
  if (scheme === 'ftp') return 'ftp';
  return fallback ?? 'http';
}

interface HttpCall {
  via: string;
  method: string;
  url: Value | undefined;
  body: Value[];
  carried: Value[];
}

function httpSend(w: PyWalker, c: CallSite, call: HttpCall): Value {
  const url = urlOf(call.url);
  const sent = [...call.body];
  if (call.url && call.url.sources.length > 0) sent.push(call.url);
  w.rec.network({
    line: c.line, via: call.via, method: call.method, protocol: protocolOf(url), sent, carried: call.carried,
    uploads: /^(?:POST|PUT|PATCH)$/i.test(call.method), ...(url ? { url } : {}),
  });
  return { sources: [], type: 'response', remote: url ?? '' };
}

function kwValues(c: CallSite, keys: string[]): Value[] {
  return keys.map((k) => c.kw.get(k)).filter((v): v is Value => v !== undefined);
}

/** `requests.post(url, data=…)`, `session.get(url)`, `requests.request('POST', url)`. */
function httpVerb(module: string, verb: string): CallHandler {
  return (w, c) => {
    const generic = verb === 'request' || verb === 'stream';
    const method = generic ? (exactText(c.args[0] ?? c.kw.get('method')) ?? 'GET') : verb;
    const url = generic ? (c.args[1] ?? c.kw.get('url')) : (c.args[0] ?? c.kw.get('url'));
    const positionalBody = !generic && (verb === 'post' || verb === 'put' || verb === 'patch') ? c.args.slice(1) : [];
    return httpSend(w, c, { via: module, method, url, body: [...positionalBody, ...kwValues(c, bodyKeys)], carried: kwValues(c, carriedKeys) });
  };
}

function request(_: PyWalker, c: CallSite): Value {
  const entries = new Map<string, Value>();
  const url = c.args[0] ?? c.kw.get('url');
  const data = c.args[1] ?? c.kw.get('data');
  if (url) entries.set('url', url);
  if (data) entries.set('data', data);
  const headers = c.args[2] ?? c.kw.get('headers');
  if (headers) entries.set('headers', headers);
  const method = c.kw.get('method');
  if (method) entries.set('method', method);
  return { ...derive(url, data, headers), type: 'request', entries };
}

function urlopen(w: PyWalker, c: CallSite): Value {
  const target = c.args[0] ?? c.kw.get('url');
  const req = target?.type === 'request' ? target.entries : undefined;
  const body = [req?.get('data'), c.args[1] ?? c.kw.get('data')].filter((v): v is Value => v !== undefined);
  const method = exactText(req?.get('method')) ?? (body.length ? 'POST' : 'GET');
  return httpSend(w, c, { via: 'urllib', method, url: req?.get('url') ?? target, body, carried: req?.get('headers') ? [req.get('headers')!] : [] });
}

function download(w: PyWalker, c: CallSite, via: string): Value {
  const url = urlOf(c.args[0] ?? c.kw.get('url'));
  const path = pathOf(c.args[1] ?? c.kw.get('filename') ?? c.kw.get('out'));
  w.rec.network({ line: c.line, via, method: 'GET', protocol: protocolOf(url), sent: [], ...(url ? { url } : {}) });
  w.rec.download(c.line, path, url);
  return { sources: [], ...(path ? { text: path, exact: true, downloadedFrom: url ?? '' } : {}) };
}

function connection(secure: boolean): CallHandler {
  return (_, c) => {
    const host = exactText(c.args[0] ?? c.kw.get('host'));
    const port = Number(exactText(c.args[1] ?? c.kw.get('port')) ?? (secure ? 443 : 80));
    return { sources: [], type: 'http-conn', ...(host ? { host } : {}), port, text: secure ? 'https' : 'http' };
  };
}

function connRequest(w: PyWalker, c: CallSite): Value {
  const conn = c.recv ?? unknown;
  const method = exactText(c.args[0] ?? c.kw.get('method')) ?? 'GET';
  const path = someText(c.args[1] ?? c.kw.get('url')) ?? '/';
  const url = conn.host ? `${conn.text ?? 'http'}://${conn.host}${path.startsWith('/') ? path : `/${path}`}` : undefined;
  return httpSend(w, c, { via: 'http.client', method, url: url ? { ...derive(c.args[1]), text: url } : undefined, body: [c.args[2] ?? c.kw.get('body')].filter((v): v is Value => v !== undefined), carried: kwValues(c, ['headers']) });
}

function server(type: string): CallHandler {
  return (_, c) => {
    const host = exactText(c.args[0] ?? c.kw.get('host'));
    const port = exactText(c.args[1] ?? c.kw.get('port'));
    return { sources: [], type, ...(host ? { host } : {}), ...(port ? { port: Number(port) } : {}) };
  };
}

function serverSend(protocol: 'smtp' | 'ftp', via: string, dataFrom: number): CallHandler {
  return (w, c) => {
    const r = c.recv ?? unknown;
    w.rec.network({
      line: c.line, via, protocol, uploads: true, sent: c.args.slice(dataFrom), ...(r.host ? { host: r.host } : {}), ...(r.port ? { port: r.port } : {}),
    });
    return unknown;
  };
}

function dnsLookup(via: string): CallHandler {
  return (w, c) => {
    const name = c.args[0] ?? c.kw.get('qname') ?? c.kw.get('host');
    const host = someText(name);
    w.rec.network({ line: c.line, via, protocol: 'dns', sent: name && !name.exact ? [name] : [], ...(host ? { host: host.toLowerCase() } : {}) });
    return unknown;
  };
}

/** `(host, port)` tuple of `connect`/`sendto`/`bind`. */
function address(v: Value | undefined): { host?: string; port?: number } {
  const host = exactText(v?.items?.[0]);
  const port = exactText(v?.items?.[1]);
  return { ...(host !== undefined ? { host } : {}), ...(port && /^\d+$/.test(port) ? { port: Number(port) } : {}) };
}

function socketNew(_: PyWalker, c: CallSite): Value {
  return { sources: [], type: 'socket', text: /SOCK_DGRAM/.test(c.node.text) ? 'udp' : 'tcp' };
}

function socketConnect(listen: boolean): CallHandler {
  return (w, c) => {
    const sock = c.recv;
    if (!sock) return unknown;
    const { host, port } = address(c.args[0]);
    const protocol = sock.text === 'udp' ? 'udp' : 'tcp';
    const fact: FactDraft = w.rec.emit({ kind: 'socket', line: c.line, protocol, ...(host ? { host } : {}), ...(port !== undefined ? { port } : {}), ...(listen ? { listen } : {}) });
    sock.handle = fact;
    if (host !== undefined) sock.host = host;
    if (port !== undefined) sock.port = port;
    return unknown;
  };
}

function createConnection(w: PyWalker, c: CallSite): Value {
  const sock: Value = { sources: [], type: 'socket', text: 'tcp' };
  socketConnect(false)(w, { ...c, recv: sock });
  return sock;
}

function socketSend(to: boolean): CallHandler {
  return (w, c) => {
    const sock = c.recv ?? unknown;
    const target = to ? address(c.args[c.args.length - 1]) : { ...(sock.host ? { host: sock.host } : {}), ...(sock.port ? { port: sock.port } : {}) };
    const protocol = to || sock.text === 'udp' ? 'udp' : 'tcp';
    w.rec.network({ line: c.line, via: 'socket', protocol, uploads: true, sent: c.args.slice(0, 1), ...target });
    return unknown;
  };
}

export const netHandlers: [string, CallHandler][] = [
  ...['requests', 'httpx', 'http-client'].flatMap((m) => [...httpMethods, 'request', 'stream'].map((v): [string, CallHandler] => [m === 'http-client' ? `http-client#${v}` : `${m}.${v}`, httpVerb(m === 'http-client' ? 'http' : m, v)])),
  ...['requests.Session', 'requests.session', 'httpx.Client', 'httpx.AsyncClient', 'aiohttp.ClientSession', 'urllib3.PoolManager'].map((n): [string, CallHandler] => [n, () => ({ sources: [], type: 'http-client' })]),
  ...['urllib.request.urlopen', 'urllib2.urlopen', 'urllib.urlopen'].map((n): [string, CallHandler] => [n, urlopen]),
  ...['urllib.request.Request', 'urllib2.Request'].map((n): [string, CallHandler] => [n, request]),
  ...['urllib.request.urlretrieve', 'urllib.urlretrieve'].map((n): [string, CallHandler] => [n, (w, c) => download(w, c, 'urllib')]),
  ['wget.download', (w, c) => download(w, c, 'wget')],
  ...['#read', '#json', '#iter_content', '#readlines'].map((n): [string, CallHandler] => [n, (_, c) => derive(c.recv)]),
  ['http.client.HTTPConnection', connection(false)],
  ['http.client.HTTPSConnection', connection(true)],
  ['http-conn#request', connRequest],
  ...['smtplib.SMTP', 'smtplib.SMTP_SSL'].map((n): [string, CallHandler] => [n, server('smtp')]),
  ...['smtp#sendmail', 'smtp#send_message'].map((n): [string, CallHandler] => [n, serverSend('smtp', 'smtplib', 0)]),
  ...['ftplib.FTP', 'ftplib.FTP_TLS'].map((n): [string, CallHandler] => [n, server('ftp')]),
  ...['ftp#storbinary', 'ftp#storlines'].map((n): [string, CallHandler] => [n, serverSend('ftp', 'ftplib', 1)]),
  ...['dns.resolver.Resolver', 'dns.resolver.get_default_resolver'].map((n): [string, CallHandler] => [n, () => ({ sources: [], type: 'resolver' })]),
  ...['dns.resolver.resolve', 'dns.resolver.query', 'resolver#resolve', 'resolver#query'].map((n): [string, CallHandler] => [n, dnsLookup('dns.resolver')]),
  ...['socket.gethostbyname', 'socket.gethostbyname_ex', 'socket.getaddrinfo'].map((n): [string, CallHandler] => [n, dnsLookup('socket')]),
  ['socket.socket', socketNew],
  ['socket.create_connection', createConnection],
  ['socket#connect', socketConnect(false)],
  ['socket#connect_ex', socketConnect(false)],
  ['socket#bind', socketConnect(true)],
  ...['socket#send', 'socket#sendall'].map((n): [string, CallHandler] => [n, socketSend(false)]),
  ['socket#sendto', socketSend(true)],
  ...['socket#fileno', 'socket#makefile'].map((n): [string, CallHandler] => [n, (_, c) => ({ sources: [], ...(c.recv?.handle ? { handle: c.recv.handle } : {}) })]),
];
