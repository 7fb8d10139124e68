// Data flow through a script: what a command's output carries (sources, a decoded literal, remote
// content), what its stdin carries, and decoders that turn a literal into text.

import type { FactDraft, Source } from '../facts.ts';
import { decodeBase64, decodeEscapes, decodeHex, hostOf, type Decoded, type SyntaxNode } from './common/index.ts';
import { flagValue, hasFlag, operandsOf, type ShellCommand } from './shell-command.ts';
import { isEnvDump, readsOf } from './shell-files.ts';
import { printedCredential } from './shell-secrets-cli.ts';
import { functionOutput } from './shell-functions.ts';
import { dedupeSources, stageNodes, type Carried, type ShellScan } from './shell-scan.ts';
import { isLiteral, literalOf } from './shell-words.ts';

/** Programs whose output is (a transform of) their input. */
const passThrough = new Set([
  'cat', 'tac', 'base64', 'base32', 'basenc', 'gzip', 'gunzip', 'bzip2', 'xz', 'zstd', 'xxd', 'od', 'hexdump', 'tr', 'sed', 'awk',
  'gawk', 'cut', 'head', 'tail', 'sort', 'uniq', 'grep', 'egrep', 'jq', 'openssl', 'gpg', 'tee', 'rev', 'tar', 'zip', 'column', 'fold',
  'paste', 'iconv', 'uuencode', 'cat-file', 'nl', 'fmt', 'strings', 'dd', 'pv', 'xargs',
]);
/** Programs that encode what they read (a flow into an encoder). */
export const encoders: Readonly<Record<string, string>> = {
  base64: 'base64', base32: 'base32', basenc: 'base64', gzip: 'gzip', bzip2: 'bzip2', xz: 'xz', zstd: 'zstd', xxd: 'hex', od: 'hex',
  hexdump: 'hex', tar: 'tar', zip: 'zip', '7z': '7z', gpg: 'gpg', openssl: 'openssl', uuencode: 'uuencode',
};
const systemInfo = new Set(['uname', 'hostname', 'whoami', 'id', 'ifconfig', 'sw_vers', 'system_profiler', 'hostnamectl', 'lsb_release', 'ipconfig', 'systeminfo', 'groups']);
const clipboard = new Set(['pbpaste', 'wl-paste', 'xsel', 'xclip']);
const fetchers = new Set(['curl', 'wget', 'fetch', 'http', 'https', 'aria2c', 'lwp-download']);

const outputs = new WeakMap<ShellCommand, Carried>();
const empty: Carried = { sources: [] };

/** The decoder a command is (base64 -d, xxd -r, openssl … -d, rev), or undefined. */
export function decoderOf(cmd: ShellCommand): 'base64' | 'hex' | 'reversed' | undefined {
  const { name, args } = cmd;
  if ((name === 'base64' || name === 'base32' || name === 'basenc') && (hasFlag(args, 'd', '--decode') || hasFlag(args, 'D'))) return 'base64';
  if (name === 'xxd' && hasFlag(args, 'r', '--revert')) return 'hex';
  if (name === 'openssl' && (args[0] === 'base64' || args[0] === 'enc') && hasFlag(args, 'd') && (args[0] === 'base64' || args.includes('-base64') || args.includes('-a'))) return 'base64';
  if (name === 'rev') return 'reversed';
  return undefined;
}

function decodeWith(kind: 'base64' | 'hex' | 'reversed', literal: string): Decoded | undefined {
  const s = literal.trim();
  if (kind === 'reversed') return s.length >= 8 ? { encoding: 'escape', length: s.length, text: [...s].reverse().join('') } : undefined;
  return kind === 'hex' ? decodeHex(s) : decodeBase64(s);
}

/** The literal text fed to a command's stdin, when it is one (echo/printf 'x' |, <<<, heredoc, "$LIT"). */
export function literalInput(scan: ShellScan, cmd: ShellCommand): { text: string; node: SyntaxNode } | undefined {
  if (cmd.herestring) {
    const text = wordLiteral(scan, cmd.herestring);
    return text === undefined ? undefined : { text, node: cmd.herestring };
  }
  if (cmd.heredoc) return { text: cmd.heredoc.body, node: cmd.heredoc.node };
  const prev = cmd.index > 0 ? cmd.stages[cmd.index - 1] : undefined;
  if (!prev || (prev.name !== 'echo' && prev.name !== 'printf')) return undefined;
  const words = prev.argNodes.filter((_, i) => !/^-[neE]+$/.test(prev.args[i]!));
  const texts = words.map((w) => wordLiteral(scan, w));
  if (words.length === 0 || texts.some((t) => t === undefined)) return undefined;
  return { text: texts.join(' '), node: words[0]! };
}

/** A word's literal value, resolving `"$X"` when X holds a literal. */
function wordLiteral(scan: ShellScan, node: SyntaxNode): string | undefined {
  if (isLiteral(node)) return literalOf(node);
  const m = /^\$\{?([A-Za-z_]\w*)\}?$/.exec(literalOf(node));
  return m ? scan.vars.get(m[1]!)?.literal : undefined;
}

function decodeFact(scan: ShellScan, line: number, decoded: Decoded, encoding: string): FactDraft & { kind: 'decode' } {
  return scan.fact({
    kind: 'decode' as const, line, encoding, length: decoded.length, executed: false,
    ...(decoded.text !== undefined ? { decoded: decoded.text.slice(0, 2000) } : {}), ...(decoded.media ? { media: true } : {}),
  });
}

/** What a command writes to stdout. Cached: decode facts are created once. */
export function commandOutput(scan: ShellScan, cmd: ShellCommand): Carried {
  const cached = outputs.get(cmd);
  if (cached) return cached;
  outputs.set(cmd, empty); // guards against cycles through odd trees
  const result = computeOutput(scan, cmd);
  outputs.set(cmd, result);
  return result;
}

function computeOutput(scan: ShellScan, cmd: ShellCommand): Carried {
  const { name, args } = cmd;
  const sources: Source[] = [];
  const argSources = () => cmd.argNodes.flatMap((n) => scan.wordSources(n, (inner) => substitutionOutput(scan, inner)));
  if (isEnvDump(cmd)) return { sources: [{ kind: 'env-all' }] };
  if (name === 'printenv') return { sources: args.filter((a) => !a.startsWith('-')).map((n) => ({ kind: 'env', name: n }) as Source) };
  if (clipboard.has(name) && !(name === 'xclip' && !hasFlag(args, 'o')) && !(name === 'xsel' && hasFlag(args, 'i'))) return { sources: [{ kind: 'clipboard' }] };
  if (name === 'security' && /^(?:find-(?:generic|internet)-password|dump-keychain|export)$/.test(args[0] ?? '')) return { sources: [{ kind: 'keychain' }] };
  if (name === 'secret-tool' && args[0] === 'lookup') return { sources: [{ kind: 'keychain' }] };
  const printed = printedCredential(cmd);
  if (printed.length) return { sources: printed };
  const wrapped = functionOutput(scan.input.text, name);
  if (wrapped.length) return { sources: [...wrapped] };
  if (systemInfo.has(name)) return { sources: [{ kind: 'system-info' }] };
  if (name === 'history' || (name === 'fc' && hasFlag(args, 'l'))) return { sources: [{ kind: 'history' }] };
  if (fetchers.has(name) && !flagValue(args, '-o', '--output') && !hasFlag(args, 'O', '--remote-name')) {
    const urls = operandsOf(args).map((i) => args[i]!).filter((a) => /^[a-z]+:\/\/|^[\w-]+(?:\.[\w-]+)+\//i.test(a));
    if (name !== 'wget' || flagValue(args, '-O', '--output-document') === '-') {
      const url = urls[0];
      return { sources: argSources(), remote: { via: name, ...(url ? { url, host: hostOf(/:\/\//.test(url) ? url : `http://${url}`) } : {}) } };
    }
  }
  if (name === 'echo' || name === 'printf') {
    const lits = cmd.argNodes.filter((_, i) => !/^-[neE]+$/.test(args[i]!)).map((n) => wordLiteral(scan, n));
    const literal = lits.every((l) => l !== undefined) ? lits.join(' ') : undefined;
    const carried: Carried = { sources: argSources(), ...(literal !== undefined ? { literal } : {}) };
    if (name === 'printf' && cmd.argNodes[0] && literal !== undefined) {
      const decoded = decodeEscapes(literalOf(cmd.argNodes[0]));
      if (decoded) carried.decoded = decodeFact(scan, cmd.line, decoded, 'escape');
    }
    // `echo "$X"` passes on what X carries (decoded or remote content included).
    const only = /^\$\{?([A-Za-z_]\w*)\}?$/.exec(args.join(' '));
    const v = only ? scan.vars.get(only[1]!) : undefined;
    if (v?.decoded) carried.decoded = v.decoded;
    if (v?.remote) carried.remote = v.remote;
    return carried;
  }
  for (const path of readsOf(cmd)) sources.push(...scan.fileSources(path));
  const decoder = decoderOf(cmd);
  const input = commandInput(scan, cmd);
  if (decoder) {
    const lit = literalInput(scan, cmd);
    const decoded = lit ? decodeWith(decoder, lit.text) : undefined;
    const carried: Carried = { sources: dedupeSources([...sources, ...input.sources]) };
    if (decoded) carried.decoded = decodeFact(scan, cmd.line, decoded, decoder === 'base64' ? (decoded.encoding === 'base64url' ? 'base64url' : 'base64') : decoder);
    else if (input.decoded) carried.decoded = input.decoded;
    else if (!input.remote) carried.decoded = decodeFact(scan, cmd.line, { encoding: 'base64', length: 0 }, decoder);
    if (input.remote) carried.remote = input.remote;
    return carried;
  }
  if (passThrough.has(name) || cmd.wrappers.includes('xargs')) {
    return { sources: dedupeSources([...sources, ...input.sources]), ...(input.remote ? { remote: input.remote } : {}), ...(input.decoded ? { decoded: input.decoded } : {}) };
  }
  return { sources };
}

/** What a command reads on stdin: the previous stage, `<` files, heredoc, herestring. */
export function commandInput(scan: ShellScan, cmd: ShellCommand): Carried {
  const sources: Source[] = [];
  let remote: Carried['remote'];
  let decoded: Carried['decoded'];
  const prev = cmd.index > 0 ? cmd.stages[cmd.index - 1] : undefined;
  if (prev) {
    const out = commandOutput(scan, prev);
    sources.push(...out.sources);
    remote = out.remote;
    decoded = out.decoded;
  }
  for (const r of cmd.redirects) if (r.op === '<') sources.push(...scan.fileSources(r.target));
  const sub = (inner: SyntaxNode) => substitutionOutput(scan, inner);
  if (cmd.herestring) {
    sources.push(...scan.wordSources(cmd.herestring, sub));
    const only = /^\$\{?([A-Za-z_]\w*)\}?$/.exec(literalOf(cmd.herestring));
    const v = only ? scan.vars.get(only[1]!) : undefined;
    remote ??= v?.remote;
    decoded ??= v?.decoded;
  }
  if (cmd.heredoc) sources.push(...scan.wordSources(cmd.heredoc.node, sub));
  return { sources: dedupeSources(sources), ...(remote ? { remote } : {}), ...(decoded ? { decoded } : {}) };
}

/** The output of `$(…)`, `` `…` `` or `<(…)`: its last command's output (`$(< f)` reads f). */
export function substitutionOutput(scan: ShellScan, node: SyntaxNode): Carried {
  const body = node.namedChildren.filter((c) => c !== null);
  if (body.length === 0) return empty;
  if (body.every((c) => c.type === 'file_redirect')) {
    const target = body[0]!.namedChildren.find((c) => c && c.type !== 'file_descriptor');
    return target ? { sources: scan.fileSources(literalOf(target)) } : empty;
  }
  const last = body.at(-1)!;
  const cmd = lastCommandIn(scan, last);
  return cmd ? commandOutput(scan, cmd) : empty;
}

/** The command whose output a statement ends with (last pipeline stage, last of a list). */
export function lastCommandIn(scan: ShellScan, node: SyntaxNode): ShellCommand | undefined {
  switch (node.type) {
    case 'command':
      return scan.command(node);
    case 'redirected_statement': {
      const body = node.childForFieldName('body');
      return body ? lastCommandIn(scan, body) : undefined;
    }
    case 'pipeline': {
      const stages = stageNodes(node);
      return stages.length ? scan.command(stages.at(-1)!) : undefined;
    }
    case 'list':
    case 'subshell':
    case 'compound_statement': {
      const kids = node.namedChildren.filter((c) => c !== null && c.type !== 'comment');
      return kids.length ? lastCommandIn(scan, kids.at(-1)!) : undefined;
    }
    default:
      return undefined;
  }
}
