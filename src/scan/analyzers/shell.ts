// The shell analyzer: parses a script once with tree-sitter-bash, walks the tree once in source
// order (so assignments are known before their uses) and turns every simple command into facts:
// the command itself, files, environment, network, execution, decoding, dependencies and the data
// flow between them. Facts are emitted at the end, so a later `eval "$x"` can still mark an earlier
// decode as executed.

import type { AnalyzeInput, Analyzer, AnalyzerSink } from '../types.ts';
import { findUrls, loadParser, normalisePath, plainTree, type SyntaxNode } from './common/index.ts';
import type { ShellCommand } from './shell-command.ts';
import { dependencyFacts } from './shell-deps.ts';
import { execFacts, heredocToFile } from './shell-exec.ts';
import { isEnvDump, readsOf, writesOf } from './shell-files.ts';
import { commandInput, commandOutput, decoderOf, encoders, substitutionOutput } from './shell-flow.ts';
import { devTcp, networkFacts } from './shell-network.ts';
import { dedupeSources, ShellScan, type Carried } from './shell-scan.ts';
import { isLiteral, isShellInternal, literalOf } from './shell-words.ts';
import { schedulerInput } from './shell-schedulers.ts';
import { boundNames } from './shell-bound-names.ts';

type Parser = Awaited<ReturnType<typeof loadParser>>;
let parser: Parser | undefined;

function commandFact(scan: ShellScan, cmd: ShellCommand): void {
  if (!cmd.name) return;
  const later = cmd.stages.slice(cmd.index + 1).map((s) => s.name).filter(Boolean);
  const before = cmd.index > 0 ? cmd.stages[cmd.index - 1]!.name : undefined;
  scan.fact({
    kind: 'command', line: cmd.line, name: cmd.name, args: cmd.args,
    ...(cmd.elevated ? { elevated: true } : {}),
    ...(later.length ? { pipedTo: later } : {}),
    ...(before ? { pipedFrom: before } : {}),
    ...(cmd.redirects.length ? { redirects: cmd.redirects.map((r) => ({ op: r.op, target: r.target })) } : {}),
  });
}

function writtenContent(scan: ShellScan, cmd: ShellCommand): string | undefined {
  if (cmd.heredoc) return cmd.heredoc.body.slice(0, 2000);
  if (cmd.herestring && isLiteral(cmd.herestring)) return literalOf(cmd.herestring);
  if (cmd.name === 'echo' || cmd.name === 'printf') return commandOutput(scan, cmd).literal ?? cmd.args.filter((a) => !/^-[neE]+$/.test(a)).join(' ');
  return undefined;
}

function fileFacts(scan: ShellScan, cmd: ShellCommand): void {
  if (isEnvDump(cmd)) scan.fact({ kind: 'env-dump', line: cmd.line });
  if (cmd.name === 'printenv') for (const name of cmd.args.filter((a) => !a.startsWith('-'))) scan.fact({ kind: 'env-read', line: cmd.line, name });
  const reads = readsOf(cmd).map(normalisePath);
  for (const path of reads) {
    scan.fact({ kind: 'file-read', line: cmd.line, path });
    if (/^\/proc\/[^/]+\/environ$/.test(path)) scan.fact({ kind: 'env-dump', line: cmd.line });
  }
  const writes = writesOf(cmd);
  if (writes.length) {
    const carried = cmd.name === 'cp' || cmd.name === 'mv' ? { sources: reads.flatMap((p) => scan.fileSources(p)) } : commandOutput(scan, cmd);
    const content = writtenContent(scan, cmd);
    for (const w of writes) {
      const path = normalisePath(w.path);
      scan.fact({ kind: 'file-write', line: cmd.line, path, ...(w.append ? { append: true } : {}), ...(content !== undefined ? { content } : {}) });
      scan.files.set(path, dedupeSources([...(scan.files.get(path) ?? []), ...carried.sources]));
      if (carried.sources.length) scan.flow(cmd.line, carried.sources, { kind: 'write', path });
      heredocToFile(scan, cmd, path);
    }
  }
  const encoding = encoders[cmd.name];
  if (encoding && !decoderOf(cmd) && !(cmd.name === 'tar' && !/c/.test(cmd.args[0] ?? '')) && !(cmd.name === 'openssl' && cmd.args.includes('-d'))) {
    const sources = dedupeSources([...reads.flatMap((p) => scan.fileSources(p)), ...commandInput(scan, cmd).sources]);
    if (sources.length) scan.flow(cmd.line, sources, { kind: 'encode', encoding });
  }
  const password = cmd.name === 'unzip' ? cmd.args.indexOf('-P') : /^7za?$/.test(cmd.name) ? cmd.args.findIndex((a) => /^-p./.test(a)) : -1;
  if (password >= 0) {
    const archive = cmd.args.find((a, i) => i > password + (cmd.name === 'unzip' ? 1 : 0) && !a.startsWith('-') && a !== 'x' && a !== 'e');
    const record = archive ? scan.downloads.get(archive) : undefined;
    scan.fact({ kind: 'download', line: cmd.line, passwordProtected: true, ...(archive ? { path: normalisePath(archive) } : {}), ...(record?.url ? { url: record.url } : {}), ...(record?.host ? { host: record.host } : {}) });
  }
}

function processCommand(scan: ShellScan, node: SyntaxNode, parentType: string): void {
  const cmd = scan.command(node, parentType);
  for (const child of cmd.assignments) assign(scan, child);
  commandFact(scan, cmd);
  if (!cmd.name) return;
  if (decoderOf(cmd) || cmd.name === 'printf') commandOutput(scan, cmd);
  fileFacts(scan, cmd);
  networkFacts(scan, cmd);
  devTcp(scan, cmd);
  execFacts(scan, cmd);
  dependencyFacts(scan, cmd);
  schedulerInput(scan, cmd);
  if (cmd.name === 'su') {
    const at = cmd.args.findIndex((a) => a === '-c' || a === '--command');
    const code = at >= 0 ? cmd.argNodes[at + 1] : undefined;
    if (code && isLiteral(code)) scan.nested(literalOf(code), 'shell', code);
  }
}

function assign(scan: ShellScan, node: SyntaxNode): void {
  const name = node.childForFieldName('name')?.text;
  const value = node.childForFieldName('value');
  if (!name) return;
  if (!value) {
    scan.vars.set(name, { sources: [], literal: '' });
    return;
  }
  const sub = (inner: SyntaxNode) => substitutionOutput(scan, inner);
  const carried: Carried = { sources: scan.wordSources(value, sub) };
  if (isLiteral(value)) carried.literal = literalOf(value);
  else if (value.type !== 'command_substitution') {
    const text = scan.resolve(literalOf(value));
    if (!/[$`]/.test(text)) carried.literal = text;
    else carried.text = text;
  }
  const inner = value.type === 'command_substitution' ? value : value.type === 'string' && value.namedChildCount === 1 && value.firstNamedChild?.type === 'command_substitution' ? value.firstNamedChild : undefined;
  if (inner) {
    const out = substitutionOutput(scan, inner);
    if (out.remote) carried.remote = out.remote;
    if (out.decoded) carried.decoded = out.decoded;
  }
  const only = /^\$\{?([A-Za-z_]\w*)\}?$/.exec(literalOf(value));
  const from = only ? scan.vars.get(only[1]!) : undefined;
  if (from) Object.assign(carried, { ...from, sources: carried.sources });
  scan.vars.set(name, carried);
}

/** `$X` / `${X…}` reading a variable the script never binds: an env read. */
function envRead(scan: ShellScan, node: SyntaxNode, seen: Set<string>): void {
  const name = node.namedChildren.find((c) => c.type === 'variable_name')?.text;
  if (!name || isShellInternal(name) || scan.vars.has(name) || boundNames(scan.input.text).has(name)) return;
  const line = node.startPosition.row + 1;
  const key = `${name}:${line}`;
  if (seen.has(key)) return;
  seen.add(key);
  scan.fact({ kind: 'env-read', line, name });
}

/** Named node types that never have children (tree-sitter-bash's node-types.json): nothing to enter. */
const leaves = new Set(['word', 'variable_name', 'string_content', 'raw_string', 'special_variable_name', 'file_descriptor', 'ansi_c_string', 'heredoc_start', 'heredoc_end', 'heredoc_content', 'regex', 'test_operator', 'extglob_pattern']);

/** Whether the engine would drop any further fact of this file (its per-file cap): the walk can stop. */
const full = (scan: ShellScan) => scan.facts.length >= (scan.sink.factsLeft?.() ?? Infinity);

/** What one named node yields; whether to go into its children, or `stop` to end the walk. */
function visit(scan: ShellScan, node: SyntaxNode, seen: Set<string>): boolean | 'stop' {
  const type = node.type;
  if (leaves.has(type)) return false;
  switch (type) {
    case 'comment':
    case 'heredoc_body':
      return false;
    case 'command':
      if (full(scan)) return 'stop';
      processCommand(scan, node, node.parent?.type ?? '');
      return true;
    case 'variable_assignment':
      if (node.parent?.type !== 'command') assign(scan, node);
      return true;
    case 'declaration_command':
      if (/^(?:export|declare|typeset)(?:\s+-[px]+)?\s*$/.test(node.text)) scan.fact({ kind: 'env-dump', line: node.startPosition.row + 1 });
      return true;
    case 'simple_expansion':
    case 'expansion':
      envRead(scan, node, seen);
      return true;
    default:
      return true;
  }
}

/**
 * Every named node in source order (preorder), anonymous ones neither visited nor entered, with an
 * explicit stack: a hostile script nests thousands deep.
 */
function walk(scan: ShellScan, root: SyntaxNode): void {
  const seen = new Set<string>();
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const enter = visit(scan, node, seen);
    if (enter === 'stop') return;
    if (!enter) continue;
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) if (children[i]!.isNamed) stack.push(children[i]!);
  }
}

function urlFacts(scan: ShellScan): void {
  const text = scan.input.text;
  if (!text.includes('://') && !text.includes('@') && !/\d:\d/.test(text)) return;
  for (const m of findUrls(text)) {
    if (scan.handed.some(([a, b]) => m.index >= a && m.index < b)) continue;
    const line = scan.lines.lineOf(m.index);
    scan.fact({ kind: 'url', line, url: m.url, host: m.host, scheme: m.scheme });
  }
}

/** Runs the analysis of one script; exported for tests that want the facts without the engine. */
export function analyzeShell(input: AnalyzeInput, sink: AnalyzerSink): void {
  if (!parser) throw new Error('shellAnalyzer.analyze() called before shellAnalyzer.prepare()');
  const tree = parser.parse(input.text);
  if (!tree) return;
  try {
    if (input.mustParse && tree.rootNode.hasError) return sink.refuse?.();
    const scan = new ShellScan(input, sink);
    walk(scan, plainTree(tree, input.text));
    if (!full(scan)) urlFacts(scan);
    scan.emitAll();
  } finally {
    tree.delete();
  }
}

export const shellAnalyzer: Analyzer = {
  lang: 'shell',
  async prepare() {
    parser ??= await loadParser('tree-sitter-bash/tree-sitter-bash.wasm');
  },
  analyze: analyzeShell,
};

