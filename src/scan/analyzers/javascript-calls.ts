// JavaScript calls by qualified name: fs, path/os, local data sources, child_process, eval/Function/
// vm/require, encoders and decoders (Buffer, atob, String.fromCharCode, array joins). Network calls
// are in javascript-calls-net.ts.

import { isMostlyPrintable, mediaKind, minEncodedLength, normalisePath } from './common/index.ts';
import { netHandlers } from './javascript-calls-net.ts';
import { mailHandlers } from './javascript-calls-mail.ts';
import type { JsCall, JsHandler, JsWalker } from './javascript-walk.ts';
import { derive, exactText, literal, unknown, type Value } from './python-js-values.ts';
import type { Source } from '../facts.ts';

export function jsPath(v: Value | undefined): string | undefined {
  return v?.text !== undefined ? normalisePath(v.text) : undefined;
}

function pathJoin(_: JsWalker, c: JsCall): Value {
  const parts = c.args.map((a) => a.text ?? '*');
  const joined = parts.reduce((acc, p) => (p.startsWith('/') || p.startsWith('~') ? p : acc ? `${acc.replace(/\/$/, '')}/${p}` : p), '');
  return { ...derive(...c.args), text: normalisePath(joined), exact: c.args.every((a) => a.exact) };
}

function readFile(w: JsWalker, c: JsCall): Value {
  const path = jsPath(c.args[0]) ?? '*';
  return { sources: [w.rec.read(c.line, path)] };
}

function writeFile(append: boolean): JsHandler {
  return (w, c) => {
    const path = jsPath(c.args[0]) ?? '*';
    const data = c.args[1] ?? unknown;
    w.rec.write(c.line, path, append, data);
    if (data.remote !== undefined) w.rec.download(c.line, path, data.remote || undefined);
    return unknown;
  };
}

function copyFile(w: JsWalker, c: JsCall): Value {
  const data = readFile(w, c);
  w.rec.write(c.line, jsPath(c.args[1]) ?? '*', false, data);
  return unknown;
}

function writeStream(w: JsWalker, c: JsCall): Value {
  const path = jsPath(c.args[0]) ?? '*';
  const handle = w.rec.write(c.line, path, exactText(c.args[1]?.entries?.get('flags'))?.startsWith('a') ?? false);
  return { sources: [], type: 'file', path, handle };
}

/** `src.pipe(dest)`: a download saved to a file, or a socket wired to a shell. */
function pipe(w: JsWalker, c: JsCall): Value {
  const dest = c.args[0];
  if (c.recv?.remote !== undefined && dest?.type === 'file' && dest.path) w.rec.download(c.line, dest.path, c.recv.remote || undefined);
  if (dest?.handle?.kind === 'file-write') w.rec.addContent(dest.handle, derive(c.recv), c.line);
  w.attach(c.recv, dest);
  return dest ?? unknown;
}

function source(s: Source): JsHandler {
  return () => ({ sources: [s] });
}

function encoder(encoding: string): JsHandler {
  return (w, c) => {
    const data = c.args[0] ?? unknown;
    w.rec.encode(c.line, encoding, data);
    return derive(data);
  };
}

/** Records a decode of a literal; printable text (or media) only, as the common decoders define it. */
function decoded(w: JsWalker, c: JsCall, encoding: string, length: number, bytes: Uint8Array): Value {
  const media = mediaKind(bytes);
  const text = media ? undefined : Buffer.from(bytes).toString('utf8');
  if (length < minEncodedLength || (!media && !isMostlyPrintable(text ?? ''))) return { sources: [], bytes };
  const draft = w.rec.decode({ kind: 'decode', line: c.line, encoding, length, ...(text !== undefined ? { decoded: text } : {}), ...(media ? { media: true } : {}) });
  return { ...(text !== undefined ? literal(text) : { sources: [] }), decoded: draft, bytes };
}

/** `Buffer.from(x, 'base64' | 'hex')`; other encodings keep the value. */
function bufferFrom(w: JsWalker, c: JsCall): Value {
  const input = c.args[0] ?? unknown;
  const encoding = (exactText(c.args[1]) ?? 'utf8').toLowerCase();
  const text = exactText(input);
  if (!['base64', 'base64url', 'hex'].includes(encoding)) return { ...derive(input), ...(input.text !== undefined ? { text: input.text, exact: input.exact ?? false } : {}) };
  if (text === undefined) return { ...derive(input), viaDecoder: true };
  const clean = text.replace(/\s+/g, '');
  if (encoding === 'hex' ? !/^(?:[0-9a-f]{2})*$/i.test(clean) : !/^[\w+/-]*={0,2}$/.test(clean)) return unknown;
  return decoded(w, c, encoding === 'hex' ? 'hex' : 'base64', clean.length, Buffer.from(clean, encoding as BufferEncoding));
}

function atob(w: JsWalker, c: JsCall): Value {
  const text = exactText(c.args[0]);
  if (text === undefined) return { ...derive(...c.args), viaDecoder: true };
  if (!/^[\w+/=\s-]+$/.test(text)) return derive(...c.args);
  return decoded(w, c, 'base64', text.length, Buffer.from(text, 'base64'));
}

/** `buf.toString('base64')` encodes; `.toString()` keeps the value (a decoded buffer's text). */
function toString(w: JsWalker, c: JsCall): Value {
  const recv = c.recv ?? unknown;
  const enc = exactText(c.args[0])?.toLowerCase();
  if (enc === 'base64' || enc === 'hex' || enc === 'base64url') {
    w.rec.encode(c.line, enc, recv);
    return derive(recv);
  }
  return { ...derive(recv), ...(recv.text !== undefined ? { text: recv.text, exact: recv.exact ?? false } : {}) };
}

/** A string rebuilt piece by piece (`String.fromCharCode(…)`, `[…].join('')`): a decode when it is long. */
function built(w: JsWalker, c: JsCall, encoding: string, text: string, length: number): Value {
  if (text.length < 8) return literal(text);
  const draft = w.rec.decode({ kind: 'decode', line: c.line, encoding, length, decoded: text });
  return { ...literal(text), decoded: draft };
}

function fromCharCode(w: JsWalker, c: JsCall): Value {
  const codes = (c.args.length === 1 && c.args[0]!.items ? c.args[0]!.items : c.args).map((a) => exactText(a));
  if (codes.length === 0 || codes.some((x) => x === undefined || !/^\d+$/.test(x))) return derive(...c.args);
  return built(w, c, 'charcodes', String.fromCharCode(...codes.map((x) => Number(x) & 0xffff)), c.node.end - c.node.start);
}

function join(w: JsWalker, c: JsCall): Value {
  const items = c.recv?.items;
  const sep = exactText(c.args[0]) ?? ',';
  if (!items || !items.every((i) => i.exact && i.text !== undefined)) return derive(c.recv, ...c.args);
  const text = items.map((i) => i.text).join(sep);
  return items.length >= 3 ? built(w, c, c.recv?.text === 'reversed' ? 'reverse' : 'concat', text, c.node.end - c.node.start) : literal(text);
}

function split(_: JsWalker, c: JsCall): Value {
  const text = exactText(c.recv);
  const sep = exactText(c.args[0]);
  if (text === undefined || sep === undefined) return derive(c.recv);
  return { sources: [], items: text.split(sep).map(literal) };
}

function reverse(_: JsWalker, c: JsCall): Value {
  const items = c.recv?.items;
  return items ? { sources: [], items: [...items].reverse(), text: 'reversed' } : derive(c.recv);
}

function runCode(via: string, codeArg: 'first' | 'last'): JsHandler {
  return (w, c) => {
    const v = (codeArg === 'last' ? c.args[c.args.length - 1] : c.args[0]) ?? unknown;
    w.rec.runCode(c.line, via, v, 'javascript');
    return unknown;
  };
}

function runCommand(via: string, argv: boolean): JsHandler {
  return (w, c) => {
    const opts = c.args.find((a, i) => i > 0 && a.entries !== undefined);
    const shell = opts?.entries?.has('shell') ?? false;
    const list = argv ? c.args[1]?.items : undefined;
    const v = argv && !shell ? { sources: [], items: [c.args[0] ?? unknown, ...(list ?? [])] } : c.args[0];
    const program = w.rec.runCommand(c.line, via, v);
    const isShell = program !== undefined && /^(?:\/(?:usr\/)?bin\/)?(?:ba|z|da)?sh$|^cmd(?:\.exe)?$/.test(program);
    const proc: Value = { sources: [], type: isShell ? 'shell-proc' : 'process' };
    const stdio = opts?.entries?.get('stdio');
    for (const s of stdio?.items ?? []) w.attach(proc, s);
    return proc;
  };
}

function requireCall(w: JsWalker, c: JsCall): Value {
  const spec = exactText(c.args[0]);
  if (spec !== undefined) {
    w.rec.emit({ kind: 'import', line: c.line, module: spec });
    return { sources: [], qname: spec.replace(/^node:/, '').replace(/\/promises$/, '.promises') };
  }
  w.rec.exec(c.line, 'require', c.args[0] ?? unknown, 'javascript');
  return unknown;
}

/** `p.then(eval)` / `.then(Function)`: the resolved value runs as code. */
function then(w: JsWalker, c: JsCall): Value | undefined {
  const fn = c.args[0]?.qname;
  if (fn === 'eval' || fn === 'Function' || fn === 'vm.runInThisContext' || fn === 'vm.runInNewContext') {
    w.rec.runCode(c.line, fn, c.recv ?? unknown, 'javascript');
    return unknown;
  }
  return undefined;
}

const n = (names: string[], h: JsHandler): [string, JsHandler][] => names.map((name) => [name, h]);
const fsNames = (fns: string[]) => fns.flatMap((f) => [`fs.${f}`, `fs.promises.${f}`, `fs-extra.${f}`]);

export const callHandlers: ReadonlyMap<string, JsHandler> = new Map<string, JsHandler>([
  ...n(fsNames(['readFileSync', 'readFile', 'createReadStream', 'readdirSync', 'readdir', 'opendirSync', 'opendir', 'readJson', 'readJsonSync']), readFile),
  ...n(fsNames(['writeFileSync', 'writeFile', 'outputFile', 'outputFileSync', 'writeJson', 'writeJsonSync']), writeFile(false)),
  ...n(fsNames(['appendFileSync', 'appendFile']), writeFile(true)),
  ...n(fsNames(['copyFileSync', 'copyFile', 'cpSync', 'cp', 'copy', 'copySync', 'renameSync', 'rename']), copyFile),
  ...n(fsNames(['createWriteStream']), writeStream),
  ...n(['#pipe'], pipe),
  ...n(['file#write', 'file#end'], (w, c) => {
    w.rec.addContent(c.recv?.handle, c.args[0] ?? unknown, c.line);
    return unknown;
  }),
  ...n(['path.join', 'path.resolve', 'path.posix.join', 'path.normalize', 'path.win32.join'], pathJoin),
  ...n(['os.homedir'], () => literal('~')),
  ...n(['os.tmpdir'], () => literal('/tmp')),
  ...n(['clipboardy.read', 'clipboardy.readSync', 'clipboardy.default.read', 'clipboardy.default.readSync', 'copy-paste.paste'], source({ kind: 'clipboard' })),
  ...n(['keytar.getPassword', 'keytar.findCredentials', 'keytar.findPassword'], source({ kind: 'keychain' })),
  ...n(['os.hostname', 'os.userInfo', 'os.networkInterfaces', 'os.platform', 'os.type', 'os.release', 'os.arch', 'os.cpus', 'os.version'], source({ kind: 'system-info' })),
  ...n(['btoa'], encoder('base64')),
  ...n(['zlib.gzipSync', 'zlib.deflateSync', 'zlib.brotliCompressSync'], encoder('zlib')),
  ...n(['encodeURIComponent', 'encodeURI', 'escape'], (_, c) => derive(...c.args)),
  ...n(['Buffer.from'], bufferFrom),
  ...n(['atob', 'Buffer.atob'], atob),
  ...n(['#toString'], toString),
  ...n(['String.fromCharCode', 'String.fromCodePoint'], fromCharCode),
  ...n(['#join'], join),
  ...n(['#split'], split),
  ...n(['#reverse'], reverse),
  ...n(['#then'], then),
  ...n(['eval', 'globalThis.eval', 'window.eval', 'vm.runInThisContext', 'vm.runInNewContext', 'vm.runInContext', 'vm.Script', 'vm.compileFunction'], runCode('eval', 'first')),
  ...n(['Function'], runCode('Function', 'last')),
  ...n(['setTimeout', 'setInterval'], (w, c) => (c.args[0]?.text !== undefined ? (w.rec.runCode(c.line, 'setTimeout', c.args[0], 'javascript'), unknown) : undefined)),
  ...n(['require', 'module.require'], requireCall),
  ...(['exec', 'execSync'] as const).flatMap((f) => n([`child_process.${f}`], runCommand(`child_process.${f}`, false))),
  ...(['spawn', 'spawnSync', 'execFile', 'execFileSync', 'fork'] as const).flatMap((f) => n([`child_process.${f}`], runCommand(`child_process.${f}`, true))),
  ...n(['execa', 'execa.execa', 'execa.$'], runCommand('execa', true)),
  ...n(['execa.execaCommand', 'execa.command'], runCommand('execa', false)),
  ...n(['shelljs.exec'], runCommand('shelljs.exec', false)),
  ...netHandlers,
  ...mailHandlers,
]);
