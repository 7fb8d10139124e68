// A simple command as the analyzer sees it: wrappers (`sudo`, `env`, `nohup`, `xargs`…) stripped,
// arguments as literal strings beside their syntax nodes, redirects (including the ones tree-sitter
// hangs on an enclosing statement), heredoc and herestring input, and its pipeline neighbours.

import type { SyntaxNode } from './common/index.ts';
import { isLiteral, literalOf } from './shell-words.ts';

export interface Redirect {
  /** `>`, `>>`, `<`, `&>`, `>&`, `<>`… */
  op: string;
  target: string;
  node: SyntaxNode;
}

export interface ShellCommand {
  node: SyntaxNode;
  /** Program base name after wrappers, e.g. `curl`; empty for a bare assignment. */
  name: string;
  /** The program as written (`/usr/bin/curl`, `$CMD`). */
  written: string;
  nameIsLiteral: boolean;
  args: string[];
  argNodes: SyntaxNode[];
  /** Wrappers stripped in front (`sudo`, `env`, `xargs`…). */
  wrappers: string[];
  elevated: boolean;
  redirects: Redirect[];
  /** Heredoc body fed to stdin, with its 1-based first line. */
  heredoc?: { body: string; line: number; node: SyntaxNode };
  /** `<<< word` fed to stdin. */
  herestring?: SyntaxNode;
  /** 1-based line. */
  line: number;
  /** `X=1` prefixes (`X=1 cmd`), in order. */
  assignments: SyntaxNode[];
  /** The pipeline this command is a stage of (itself alone when not in a pipeline). */
  stages: ShellCommand[];
  index: number;
}

const wrapperFlagsWithValue: Record<string, ReadonlySet<string>> = {
  sudo: new Set(['-u', '-g', '-h', '-p', '-C', '-D', '-r', '-t', '-U', '--user', '--group', '--host', '--prompt']),
  doas: new Set(['-u', '-C']),
  env: new Set(['-u', '--unset', '-C', '--chdir', '-S', '--split-string']),
  nice: new Set(['-n', '--adjustment']),
  timeout: new Set(['-s', '--signal', '-k', '--kill-after']),
  xargs: new Set(['-I', '-i', '-n', '-P', '-L', '-l', '-s', '-d', '-E', '-a', '--max-args', '--max-procs', '--delimiter', '--arg-file', '--replace']),
  stdbuf: new Set(['-i', '-o', '-e']),
  ionice: new Set(['-c', '-n', '-p']),
  time: new Set(['-f', '-o', '--format', '--output']),
};

const wrappers = new Set(['sudo', 'doas', 'env', 'nohup', 'exec', 'command', 'builtin', 'time', 'xargs', 'nice', 'timeout', 'stdbuf', 'ionice', 'setsid', 'caffeinate', 'unbuffer', 'torsocks', 'proxychains', 'proxychains4']);

export function baseName(program: string): string {
  return program.replace(/^.*\//, '');
}

/** How many words a wrapper takes before the wrapped program (flags, values, `VAR=x`, a duration). */
function wrapperArity(wrapper: string, words: readonly string[], from: number): number {
  const withValue = wrapperFlagsWithValue[wrapper];
  let i = from;
  while (i < words.length) {
    const word = words[i]!;
    if (word === '--') return i + 1 - from;
    if (wrapper === 'env' && /^[A-Za-z_]\w*=/.test(word)) { i++; continue; }
    if (wrapper === 'timeout' && /^\d+(?:\.\d+)?[smhd]?$/.test(word)) return i + 1 - from;
    if (wrapper === 'exec' && word === '-a') { i += 2; continue; }
    if (!word.startsWith('-') || word === '-') break;
    i += withValue?.has(word) ? 2 : 1;
  }
  return i - from;
}

/** Splits `sudo -u x env A=1 nohup curl …` into wrappers and the real program with its arguments. */
export function unwrap(words: readonly string[]): { wrappers: string[]; start: number } {
  const found: string[] = [];
  let i = 0;
  while (i < words.length && wrappers.has(baseName(words[i]!))) {
    const wrapper = baseName(words[i]!);
    // `command -v x` and `command -V x` look a program up; they do not run it.
    if (wrapper === 'command' && /^-[vV]$/.test(words[i + 1] ?? '')) break;
    const skip = wrapperArity(wrapper, words, i + 1);
    if (i + 1 + skip >= words.length) break;
    found.push(wrapper);
    i += 1 + skip;
  }
  return { wrappers: found, start: i };
}

function redirectOf(node: SyntaxNode): Redirect | undefined {
  if (node.type !== 'file_redirect') return undefined;
  let op = '';
  let target: SyntaxNode | undefined;
  for (const child of node.children) {
    if (!child) continue;
    if (!child.isNamed) op ||= child.type;
    else if (child.type !== 'file_descriptor' && !target) target = child;
  }
  if (!target) return undefined;
  return { op: op || '>', target: literalOf(target), node: target };
}

/** Collects redirects, heredoc and herestring from a `redirect` child. */
export function addRedirect(cmd: ShellCommand, node: SyntaxNode): void {
  if (node.type === 'file_redirect') {
    const r = redirectOf(node);
    if (r) cmd.redirects.push(r);
  } else if (node.type === 'herestring_redirect') {
    cmd.herestring = node.namedChildren.find((c) => c !== null) ?? undefined;
  } else if (node.type === 'heredoc_redirect') {
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'heredoc_body') cmd.heredoc = { body: child.text, line: child.startPosition.row + 1, node: child };
      else if (child.type === 'file_redirect') addRedirect(cmd, child);
    }
  }
}

/** Builds the model of a `command` node (without pipeline neighbours). */
export function buildCommand(node: SyntaxNode): ShellCommand {
  const words: SyntaxNode[] = [];
  const cmd: ShellCommand = {
    node, name: '', written: '', nameIsLiteral: true, args: [], argNodes: [], wrappers: [], elevated: false,
    redirects: [], line: node.startPosition.row + 1, assignments: [], stages: [], index: 0,
  };
  // `children` fetches every child in one call into WASM; `child(i)` would make one call each.
  const children = node.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (!child) continue;
    if (child.type === 'variable_assignment') cmd.assignments.push(child);
    const field = node.fieldNameForChild(i);
    if (field === 'name') words.push(child.firstNamedChild ?? child);
    else if (field === 'argument') words.push(child);
    else if (field === 'redirect' || child.type.endsWith('_redirect')) addRedirect(cmd, child);
  }
  cmd.stages = [cmd];
  if (words.length === 0) return cmd;
  const texts = words.map(literalOf);
  const { wrappers: found, start } = unwrap(texts);
  cmd.wrappers = found;
  cmd.elevated = found.includes('sudo') || found.includes('doas');
  const nameNode = words[start] ?? words[0]!;
  cmd.written = texts[start] ?? texts[0]!;
  cmd.nameIsLiteral = isLiteral(nameNode);
  cmd.name = baseName(cmd.written);
  cmd.argNodes = words.slice(start + 1);
  cmd.args = texts.slice(start + 1);
  if (cmd.name === 'su' && cmd.args.some((a) => a === '-c' || a === '--command')) cmd.elevated = true;
  return cmd;
}

/** The operands of a command after skipping flags; `withValue` lists flags that take the next word. */
export function operandsOf(args: readonly string[], withValue: ReadonlySet<string> = new Set()): number[] {
  const out: number[] = [];
  let afterDashes = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (afterDashes || !a.startsWith('-') || a === '-') out.push(i);
    else if (a === '--') afterDashes = true;
    else if (withValue.has(a)) i++;
  }
  return out;
}

/** The value of a flag (`-o x`, `-ox`, `--output x`, `--output=x`), last one wins. */
export function flagValue(args: readonly string[], short: string | undefined, long?: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if ((short && a === short) || (long && a === long)) value = args[i + 1];
    else if (long && a.startsWith(long + '=')) value = a.slice(long.length + 1);
    else if (short && short.length === 2 && /^-[A-Za-z]/.test(a) && !a.startsWith('--')) {
      // A bundle of flags ending in this one (`-fsSLo out`, `-qO-`): the value follows it.
      const at = a.indexOf(short[1]!, 1);
      if (at > 0 && /^[A-Za-z]*$/.test(a.slice(1, at))) value = at + 1 < a.length ? a.slice(at + 1) : args[i + 1];
    }
  }
  return value;
}

/** Every value of a repeatable flag. */
export function flagValues(args: readonly string[], flags: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    if (flags.has(a) && i + 1 < args.length) out.push(args[++i]!);
    else if (a.startsWith('--') && eq > 0 && flags.has(a.slice(0, eq))) out.push(a.slice(eq + 1));
  }
  return out;
}

/** A short flag present alone or inside a bundle (`-l` in `-lvnp`), or a long flag. */
export function hasFlag(args: readonly string[], short: string | undefined, long?: string): boolean {
  return args.some((a) => (long !== undefined && (a === long || a.startsWith(long + '='))) || (short !== undefined && /^-[A-Za-z0-9]+$/.test(a) && a.slice(1).includes(short)));
}
