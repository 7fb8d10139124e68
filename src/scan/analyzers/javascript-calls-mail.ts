// JavaScript mail: nodemailer's createTransport(options) and transport.sendMail(message). A message
// is an upload of its text, html and subject; each attachment given by `path` is a file read whose
// data travels in the mail (a kubeconfig or key attached is the whole secret sent).

import { normalisePath } from './common/index.ts';
import type { JsCall, JsHandler, JsWalker } from './javascript-walk.ts';
import { exactText, someText, unknown, type Value } from './python-js-values.ts';

function createTransport(_: JsWalker, c: JsCall): Value {
  const opts = c.args[0]?.entries;
  const host = exactText(opts?.get('host')) ?? exactText(opts?.get('service'));
  const port = exactText(opts?.get('port'));
  return { sources: [], type: 'mail-transport', ...(host ? { host } : {}), ...(port && /^\d+$/.test(port) ? { port: Number(port) } : {}) };
}

function sendMail(w: JsWalker, c: JsCall): Value {
  const message = c.args[0];
  const entries = message?.entries;
  const sent: Value[] = [];
  for (const key of ['text', 'html', 'subject', 'raw']) {
    const v = entries?.get(key);
    if (v) sent.push(v);
  }
  for (const a of entries?.get('attachments')?.items ?? []) {
    const path = someText(a.entries?.get('path'));
    if (path !== undefined && !/^[a-z][\w+.-]*:\/\//i.test(path)) sent.push({ sources: [w.rec.read(c.line, normalisePath(path))] });
    const content = a.entries?.get('content');
    if (content) sent.push(content);
  }
  if (!entries && message) sent.push(message);
  const t = c.recv;
  w.rec.network({
    line: c.line, via: 'nodemailer', protocol: 'smtp', uploads: true, sent,
    ...(t?.host ? { host: t.host } : {}), ...(t?.port ? { port: t.port } : {}),
  });
  return unknown;
}

export const mailHandlers: [string, JsHandler][] = [
  ['nodemailer.createTransport', createTransport],
  ['nodemailer.default.createTransport', createTransport],
  ['mail-transport#sendMail', sendMail],
];
