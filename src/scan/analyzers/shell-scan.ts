// The state of one shell analysis: facts collected before they are emitted (so a later `eval "$x"`
// can still mark an earlier decode as executed), what each variable and written file carries (data
// flow), downloads awaiting execution, and ranges handed to nested analyzers.

import type { FactDraft, Lang, Sink, Source } from '../facts.ts';
import type { AnalyzeInput, AnalyzerSink } from '../types.ts';
import { LineMap, normalisePath, type SyntaxNode } from './common/index.ts';
import { addRedirect, baseName, buildCommand, type ShellCommand } from './shell-command.ts';
import { expansionsOf, isShellInternal } from './shell-words.ts';

/** A fact draft whose evidence the scan fills in from its line. */
export type DraftWithoutEvidence = FactDraft extends infer F ? (F extends FactDraft ? Omit<F, 'evidence'> & { evidence?: string } : never) : never;

/** What a variable or a command's output is known to hold. */
export interface Carried {
  sources: Source[];
  /** Literal value, when the whole value is one. */
  literal?: string;
  /**
   * The value as written with the literal variables it uses filled in (`"$HOME"`, `"h""t""tps://$d"`,
   * `"$h$d?r=$(…)"`): what a later `$X` in a command stands for, even where it is not all literal.
   */
  text?: string;
  /** Decoded content: the decode fact to mark executed when it runs. */
  decoded?: FactDraft & { kind: 'decode' };
  /** Content fetched from this URL. */
  remote?: { url?: string; host?: string; via: string };
}

export interface DownloadRecord {
  url?: string;
  host?: string;
  line: number;
  verified: boolean;
}

/** Well-known variables that name the user's own session, not secrets: read but never a source. */
const harmlessEnv = new Set(['PATH', 'HOME', 'PWD', 'USER', 'SHELL', 'TERM', 'LANG', 'LOGNAME', 'TMPDIR', 'HOSTNAME', 'OSTYPE', 'EDITOR', 'LC_ALL', 'COLUMNS', 'LINES', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_RUNTIME_DIR', 'DISPLAY', 'VISUAL', 'PAGER']);

export class ShellScan {
  readonly input: AnalyzeInput;
  readonly sink: AnalyzerSink;
  readonly lines: LineMap;
  readonly facts: FactDraft[] = [];
  readonly vars = new Map<string, Carried>();
  /** Paths written in this script, with the sources their content carries. */
  readonly files = new Map<string, Source[]>();
  readonly downloads = new Map<string, DownloadRecord>();
  readonly executable = new Set<string>();
  /** [start, end) offsets handed to a nested analyzer; URL facts there come from it. */
  readonly handed: [number, number][] = [];
  readonly #commands = new Map<number, ShellCommand>();
  #checksumSeen = false;

  constructor(input: AnalyzeInput, sink: AnalyzerSink) {
    this.input = input;
    this.sink = sink;
    this.lines = new LineMap(input.text);
  }

  evidence(line: number): string {
    return this.lines.excerpt(line);
  }

  add(fact: FactDraft): void {
    this.facts.push(fact);
  }

  /** Records a fact, with the evidence of its line unless given. */
  fact<D extends DraftWithoutEvidence>(draft: D): D & { evidence: string } {
    const f = { ...draft, evidence: draft.evidence ?? this.evidence(draft.line) };
    this.facts.push(f as FactDraft);
    return f;
  }

  flow(line: number, sources: readonly Source[], sink: Sink): void {
    for (const source of dedupeSources(sources)) this.fact({ kind: 'flow', line, source, sink });
  }

  /** Hands embedded code to the analyzer of `lang`, starting at `node`. */
  nested(text: string, lang: Lang, node: SyntaxNode, origin?: 'decoded'): void {
    if (!text.trim()) return;
    if (origin !== 'decoded') this.handed.push([node.startIndex, node.endIndex]);
    this.sink.analyze({ text, lang, line: node.startPosition.row + 1, ...(origin ? { context: { origin } } : {}) });
  }

  /**
   * The model of a `command` node, built once, linked with its pipeline neighbours. `parentType`,
   * when the caller knows it, spares asking the tree for the parent (tree-sitter finds a parent by
   * descending from the root) where it cannot be a pipeline or a redirected statement.
   */
  command(node: SyntaxNode, parentType?: string): ShellCommand {
    const known = this.#commands.get(node.id);
    if (known) return known;
    const parent = parentType !== undefined && parentType !== 'pipeline' && parentType !== 'redirected_statement' ? null : node.parent;
    const holder = parent?.type === 'redirected_statement' ? parent.parent : parent;
    const stages = holder?.type === 'pipeline' ? stagesOf(holder) : [{ node, parent }];
    const cmds = stages.map((s) => this.#build(s.node, s.parent));
    // `cat <<EOF | sh`: tree-sitter hangs the rest of the pipeline inside the heredoc redirect.
    const tail = cmds.at(-1)?.heredocPipe;
    if (tail) cmds.push(...stagesOf(tail).map((s) => this.#build(s.node, s.parent)));
    const models = cmds.map((c) => c.cmd);
    // `a | b > f`: tree-sitter hangs the redirect on the whole pipeline; it belongs to the last stage.
    const outer = holder?.type === 'pipeline' ? holder.parent : undefined;
    if (outer?.type === 'redirected_statement' && outer.childForFieldName('body')?.id === holder!.id) {
      for (const r of outer.childrenForFieldName('redirect')) if (r) addRedirect(models.at(-1)!, r);
    }
    models.forEach((m, index) => {
      m.stages = models;
      m.index = index;
    });
    return this.#commands.get(node.id) ?? this.#build(node).cmd;
  }

  /**
   * `text` with `$X` / `${X}` replaced by what the script assigned to X, where it knows; other
   * expansions stay as written. Strings built from fragments (`p1=cu; p2=rl; $p1$p2`) meet here.
   */
  resolve(text: string): string {
    if (!text.includes('$')) return text;
    const out = text.replace(/\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*)/g, (m, a: string | undefined, b: string | undefined) => {
      const known = this.vars.get((a ?? b)!);
      // `--base-url) BASE_URL="$2"`: a script argument says less than the variable's own name.
      if (known?.literal === undefined && known?.text !== undefined && /^(?:\$\{?[\d@*#]\}?)+$/.test(known.text)) return m;
      return known?.literal ?? known?.text ?? m;
    });
    return out.length > 2000 ? text : out;
  }

  /** A command whose name or arguments use variables the script filled with literals, spelled out. */
  #resolveWords(cmd: ShellCommand): void {
    if (!cmd.nameIsLiteral) {
      const name = this.resolve(cmd.written).trim().split(/\s+/)[0] ?? '';
      if (name && !/[$`]/.test(name)) {
        cmd.written = name;
        cmd.name = baseName(name);
        cmd.nameIsLiteral = true;
      }
    }
    cmd.args = cmd.args.map((a) => this.resolve(a));
  }

  /** `parent`: the node's parent when known, null when it is known to be neither pipeline nor redirect. */
  #build(node: SyntaxNode, known?: SyntaxNode | null): { cmd: ShellCommand; heredocPipe?: SyntaxNode } {
    const cmd = buildCommand(node);
    this.#resolveWords(cmd);
    this.#commands.set(node.id, cmd);
    let heredocPipe: SyntaxNode | undefined;
    const parent = known === undefined ? node.parent : known;
    if (parent?.type === 'redirected_statement' && parent.childForFieldName('body')?.id === node.id) {
      for (const r of parent.childrenForFieldName('redirect')) {
        if (!r) continue;
        addRedirect(cmd, r);
        if (r.type === 'heredoc_redirect') heredocPipe = r.namedChildren.find((c) => c?.type === 'pipeline' || c?.type === 'command') ?? undefined;
      }
    }
    return heredocPipe ? { cmd, heredocPipe } : { cmd };
  }

  noteChecksum(): void {
    this.#checksumSeen = true;
  }

  get checksumSeen(): boolean {
    return this.#checksumSeen;
  }

  /** A variable use: what the script put in it, or an env var it was given. */
  varSources(name: string): Source[] {
    const known = this.vars.get(name);
    if (known) return known.sources;
    if (isShellInternal(name) || harmlessEnv.has(name) || /^\d+$/.test(name)) return [];
    return [{ kind: 'env', name }];
  }

  /** Sources of everything a word expands to. `output` computes a substitution's output. */
  wordSources(node: SyntaxNode, output: (inner: SyntaxNode) => Carried): Source[] {
    const out: Source[] = [];
    for (const e of expansionsOf(node)) {
      if (e.kind === 'var') out.push(...this.varSources(e.name!));
      else out.push(...output(e.node).sources);
    }
    return out;
  }

  /** Sources a file carries: the file itself, plus what this script wrote into it. */
  fileSources(path: string): Source[] {
    const p = normalisePath(path);
    if (/^\/proc\/[^/]+\/environ$/.test(p)) return [{ kind: 'env-all' }];
    if (/(?:^|\/)\.(?:bash|zsh|sh)_history$|(?:^|\/)\.histfile$/.test(p)) return [{ kind: 'history' }, { kind: 'file', path: p }];
    return [{ kind: 'file', path: p }, ...(this.files.get(p) ?? [])];
  }

  emitAll(): void {
    for (const fact of this.facts) this.sink.emit(fact);
  }
}

/** The `command` nodes that are stages of a pipeline node (or the command itself). */
export function stageNodes(node: SyntaxNode): SyntaxNode[] {
  return stagesOf(node).map((s) => s.node);
}

/**
 * The stages with the parent each hangs on (the pipeline, or the redirected statement around it);
 * `parent` is undefined for a command given alone, whose parent is not known here.
 */
function stagesOf(node: SyntaxNode, out: { node: SyntaxNode; parent?: SyntaxNode }[] = []): { node: SyntaxNode; parent?: SyntaxNode }[] {
  if (node.type === 'command') {
    out.push({ node });
    return out;
  }
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'command') out.push({ node: child, parent: node });
    else if (child.type === 'redirected_statement') {
      const body = child.childForFieldName('body');
      if (body?.type === 'command') out.push({ node: body, parent: child });
      else if (body?.type === 'pipeline') stagesOf(body, out);
    }
  }
  return out;
}

export function dedupeSources(sources: readonly Source[]): Source[] {
  if (sources.length < 2) return [...sources];
  const seen = new Set<string>();
  return sources.filter((s) => {
    // A source is its kind and its one field (path or name): cheaper than JSON.stringify as a key.
    const key = s.kind === 'file' ? `file\0${s.path}` : s.kind === 'env' ? `env\0${s.name}` : s.kind;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
