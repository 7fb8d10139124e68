// Python calls that touch files, the environment and local data sources: open/pathlib/shutil/
// tarfile/zipfile/glob, os.environ/getenv, clipboard, keyring, host facts, and encoders.

import type { Source } from '../facts.ts';
import { normalisePath } from './common/index.ts';
import { derive, exactText, literal, unknown, type Value } from './python-js-values.ts';
import { joinPath } from './python-strings.ts';
import type { CallHandler, CallSite, PyWalker } from './python-walk.ts';

/** A path argument as the analyzers report it (`~` for home, `*` for unknown parts). */
export function pathOf(v: Value | undefined): string | undefined {
  if (!v) return undefined;
  if (v.type === 'path' && v.path) return v.path;
  if (v.text !== undefined) return normalisePath(v.text);
  return undefined;
}

function arg(c: CallSite, index: number, key: string): Value | undefined {
  return c.args[index] ?? c.kw.get(key);
}

function readValue(w: PyWalker, line: number, path: string, extra: Partial<Value> = {}): Value {
  const source = w.rec.read(line, path);
  return { sources: [source], ...extra };
}

/** `open(path, mode)`: a read or a write depending on the mode; returns a file handle value. */
export function openFile(w: PyWalker, c: CallSite, pathValue: Value | undefined, modeValue: Value | undefined): Value {
  const path = pathOf(pathValue) ?? '*';
  const mode = exactText(modeValue) ?? (modeValue ? '*' : 'r');
  if (/[wax]/.test(mode)) {
    const handle = w.rec.write(c.line, path, mode.includes('a'));
    return { sources: [], type: 'file', path, mode, handle };
  }
  return readValue(w, c.line, path, { type: 'file', path, mode });
}

function readPath(w: PyWalker, c: CallSite): Value {
  return readValue(w, c.line, c.recv?.path ?? '*');
}

function writePath(w: PyWalker, c: CallSite): Value {
  w.rec.write(c.line, c.recv?.path ?? '*', false, arg(c, 0, 'data') ?? unknown);
  return unknown;
}

function pathValue(...parts: (Value | undefined)[]): Value {
  const texts = parts.filter((p): p is Value => p !== undefined).map((p) => (p.type === 'path' ? (p.path ?? '*') : (p.text ?? '*')));
  return { ...derive(...parts), type: 'path', path: texts.length ? joinPath(...texts) : '.' };
}

function copy(w: PyWalker, c: CallSite): Value {
  const from = pathOf(arg(c, 0, 'src'));
  const to = pathOf(arg(c, 1, 'dst'));
  const data = from ? readValue(w, c.line, from) : unknown;
  if (to) w.rec.write(c.line, to, false, data);
  return unknown;
}

function archive(w: PyWalker, c: CallSite): Value {
  const path = pathOf(arg(c, 0, 'name')) ?? pathOf(c.kw.get('fileobj')) ?? '*';
  const mode = exactText(arg(c, 1, 'mode')) ?? 'r';
  const handle = /[wax]/.test(mode) ? w.rec.write(c.line, path, mode.includes('a')) : undefined;
  if (!handle) w.rec.read(c.line, path);
  return { sources: [], type: 'archive', path, mode, ...(handle ? { handle } : {}) };
}

function archiveAdd(w: PyWalker, c: CallSite): Value {
  const path = pathOf(arg(c, 0, 'name')) ?? pathOf(arg(c, 0, 'filename'));
  if (path) {
    const data = readValue(w, c.line, path);
    w.rec.addContent(c.recv?.handle, data, c.line);
  }
  return unknown;
}

function listing(w: PyWalker, c: CallSite): Value {
  const path = pathOf(arg(c, 0, 'pathname')) ?? pathOf(arg(c, 0, 'top')) ?? pathOf(arg(c, 0, 'path'));
  return path && path !== '.' ? readValue(w, c.line, path) : unknown;
}

function envGet(w: PyWalker, c: CallSite): Value {
  const name = exactText(c.args[0] ?? c.kw.get('key'));
  if (name === undefined) {
    w.rec.emit({ kind: 'env-dump', line: c.line });
    return { sources: [{ kind: 'env-all' }] };
  }
  // `environ.get("KUBECONFIG", "~/.kube/config")`: the default is the path the script usually opens.
  const fallback = exactText(c.args[1] ?? c.kw.get('default'));
  const value = w.envRead(name, c.line);
  return fallback !== undefined && /^(?:~|\$HOME|\/)/.test(fallback) ? { ...value, text: fallback } : value;
}

function source(s: Source): CallHandler {
  return () => ({ sources: [s] });
}

function encoder(encoding: string): CallHandler {
  return (w, c) => {
    const data = c.args[0] ?? unknown;
    w.rec.encode(c.line, encoding, data);
    return derive(data);
  };
}

const systemInfo = source({ kind: 'system-info' });

/** Methods whose result keeps the receiver's string value. */
function sameText(_: PyWalker, c: CallSite): Value {
  const r = c.recv ?? unknown;
  return { ...derive(r, ...c.args), ...(r.text !== undefined ? { text: r.text, exact: r.exact ?? false } : {}), ...(r.bytes ? { bytes: r.bytes } : {}) };
}

function charOf(v: Value | undefined): Value {
  const code = exactText(v);
  return code !== undefined && /^\d+$/.test(code) ? literal(String.fromCharCode(Number(code) & 0xffff)) : unknown;
}

/** `sep.join([...])`; a string rebuilt from `chr()` codes is a `chr` decode. */
function strJoin(w: PyWalker, c: CallSite): Value {
  const sep = exactText(c.recv);
  const items = c.args[0]?.items;
  if (sep === undefined || !items) return derive(c.recv, ...c.args);
  const out = derive(...items);
  const known = items.every((i) => i.exact && i.text !== undefined);
  const text = items.map((i) => i.text ?? '*').join(sep);
  if (known && text.length >= 8 && /\bchr\b/.test(c.node.text)) {
    const decoded = w.rec.decode({ kind: 'decode', line: c.line, encoding: 'chr', length: c.node.text.length, decoded: text });
    return { ...out, text, exact: true, decoded };
  }
  return { ...out, text, exact: known };
}

export const ioHandlers: [string, CallHandler][] = [
  ...['open', 'io.open', 'codecs.open', 'builtins.open'].map((n): [string, CallHandler] => [n, (w, c) => openFile(w, c, arg(c, 0, 'file') ?? c.kw.get('filename'), arg(c, 1, 'mode'))]),
  ['path#open', (w, c) => openFile(w, c, c.recv, arg(c, 0, 'mode'))],
  ...['file#read', 'file#readlines', 'file#readline', 'file#__iter__'].map((n): [string, CallHandler] => [n, (_, c) => derive(c.recv)]),
  ...['file#write', 'file#writelines'].map((n): [string, CallHandler] => [n, (w, c) => {
    const data = c.args[0] ?? unknown;
    w.rec.addContent(c.recv?.handle, data, c.line);
    if (data.remote !== undefined && c.recv?.path) {
      w.rec.download(c.line, c.recv.path, data.remote || undefined);
    }
    return unknown;
  }]),
  ...['pathlib.Path', 'Path', 'pathlib.PurePath', 'pathlib.PosixPath', 'PosixPath', 'pathlib.WindowsPath'].map((n): [string, CallHandler] => [n, (_, c) => pathValue(...c.args)]),
  ...['pathlib.Path.home', 'Path.home'].map((n): [string, CallHandler] => [n, () => ({ sources: [], type: 'path', path: '~' })]),
  ...['pathlib.Path.cwd', 'Path.cwd'].map((n): [string, CallHandler] => [n, () => ({ sources: [], type: 'path', path: '.' })]),
  ...['path#expanduser', 'path#resolve', 'path#absolute'].map((n): [string, CallHandler] => [n, (_, c) => c.recv ?? unknown]),
  ['path#joinpath', (_, c) => pathValue(c.recv, ...c.args)],
  ...['path#read_text', 'path#read_bytes'].map((n): [string, CallHandler] => [n, readPath]),
  ...['path#write_text', 'path#write_bytes'].map((n): [string, CallHandler] => [n, writePath]),
  ...['path#glob', 'path#rglob'].map((n): [string, CallHandler] => [n, (w, c) => readValue(w, c.line, joinPath(c.recv?.path ?? '*', c.args[0]?.text ?? '*'))]),
  ['path#iterdir', (w, c) => readValue(w, c.line, c.recv?.path ?? '*')],
  // Config readers load a file into the parser object: `cfg.read("~/.aws/credentials")`, then
  // `cfg[profile]` carries what the file held. Constructed fresh per call, so the receiver may grow.
  ...['configparser.ConfigParser', 'configparser.RawConfigParser', 'configparser.SafeConfigParser', 'ConfigParser', 'RawConfigParser', 'netrc.netrc', 'dotenv.dotenv_values', 'dotenv_values'].map((n): [string, CallHandler] => [n, (w, c) => {
    const file = c.args[0];
    if (file && /netrc|dotenv/.test(n)) return readValue(w, c.line, pathOf(file) ?? '*', { type: 'config' });
    return { sources: [], type: 'config' };
  }]),
  ...['config#read', 'config#read_file'].map((n): [string, CallHandler] => [n, (w, c) => {
    const first = c.args[0];
    const paths = first?.items ?? (first ? [first] : []);
    for (const p of paths) {
      const read = readValue(w, c.line, pathOf(p) ?? '*');
      if (c.recv) c.recv.sources = [...c.recv.sources, ...read.sources];
    }
    return unknown;
  }]),
  ...['os.path.expanduser', 'os.path.expandvars', 'os.path.abspath', 'os.path.realpath', 'os.path.normpath'].map((n): [string, CallHandler] => [n, (_, c) => {
    const p = c.args[0];
    return p?.text !== undefined ? { ...derive(p), text: normalisePath(p.text), exact: p.exact ?? false } : derive(p);
  }]),
  ['os.path.join', (_, c) => {
    const v = pathValue(...c.args);
    return { ...v, type: undefined, text: v.path, exact: c.args.every((a) => a.exact || a.type === 'path') } as Value;
  }],
  ...['shutil.copy', 'shutil.copy2', 'shutil.copyfile', 'shutil.copytree', 'shutil.move', 'os.rename', 'os.replace'].map((n): [string, CallHandler] => [n, copy]),
  ['shutil.make_archive', (w, c) => {
    const root = pathOf(arg(c, 2, 'root_dir')) ?? '.';
    const data = readValue(w, c.line, root);
    const base = pathOf(arg(c, 0, 'base_name')) ?? '*';
    w.rec.write(c.line, `${base}.${exactText(arg(c, 1, 'format')) ?? '*'}`, false, data);
    return { sources: data.sources };
  }],
  ...['tarfile.open', 'tarfile.TarFile', 'zipfile.ZipFile', 'zipfile.PyZipFile'].map((n): [string, CallHandler] => [n, archive]),
  ...['archive#add', 'archive#write'].map((n): [string, CallHandler] => [n, archiveAdd]),
  // Listing names (os.listdir/walk/scandir) is not a read; a glob is how payloads sweep folders.
  ...['glob.glob', 'glob.iglob'].map((n): [string, CallHandler] => [n, listing]),
  ...['sqlite3.connect'].map((n): [string, CallHandler] => [n, (w, c) => { const p = pathOf(c.args[0]); return p && p !== ':memory:' ? readValue(w, c.line, p) : unknown; }]),
  ...['os.getenv', 'os.environ.get', 'environ#get', 'os.getenvb', 'environ#__getitem__'].map((n): [string, CallHandler] => [n, envGet]),
  ...['environ#setdefault', 'environ#pop', 'environ#__contains__', 'environ#update', 'environ#__setitem__'].map((n): [string, CallHandler] => [n, () => unknown]),
  ['pyperclip.paste', source({ kind: 'clipboard' })],
  ['clipboard.paste', source({ kind: 'clipboard' })],
  ...['keyring.get_password', 'keyring.get_credential'].map((n): [string, CallHandler] => [n, source({ kind: 'keychain' })]),
  ...['platform.node', 'platform.uname', 'platform.platform', 'platform.system', 'platform.version', 'platform.machine', 'platform.processor',
    'getpass.getuser', 'socket.gethostname', 'socket.getfqdn', 'os.getlogin', 'os.uname', 'os.getuid', 'uuid.getnode'].map((n): [string, CallHandler] => [n, systemInfo]),
  ...([['base64.b64encode', 'base64'], ['base64.urlsafe_b64encode', 'base64'], ['base64.b32encode', 'base32'], ['base64.b16encode', 'hex'],
    ['base64.b85encode', 'base85'], ['base64.a85encode', 'ascii85'], ['base64.encodebytes', 'base64'], ['binascii.b2a_base64', 'base64'],
    ['binascii.hexlify', 'hex'], ['zlib.compress', 'zlib'], ['gzip.compress', 'gzip'], ['bz2.compress', 'bzip2'], ['lzma.compress', 'xz'],
    ['codecs.encode', 'codecs']] as const).map(([n, e]): [string, CallHandler] => [n, encoder(e)]),
  ...['#encode', '#decode', '#strip', '#lstrip', '#rstrip', 'str', 'bytes', 'bytearray'].map((n): [string, CallHandler] => [n, (w, c) => (c.recv ? sameText(w, c) : sameText(w, { ...c, recv: c.args[0] ?? unknown }))]),
  ['#join', strJoin],
  ['chr', (_, c) => charOf(c.args[0])],
  ['map', (_, c) => (c.args[0]?.qname === 'chr' && c.args[1]?.items ? { sources: [], items: c.args[1].items.map(charOf) } : derive(...c.args))],
];
