// The fact side of the Python and JavaScript analyzers: turns what a walk observed (a read, a send,
// an exec of a value) into facts, including `flow` facts from a value's sources to the sink it
// reaches. Facts are buffered until the walk ends because some are completed later: a decode is
// `executed` once its result reaches exec, a socket becomes `interactive` once a shell is attached.

import type { FactDraft, Lang, NetworkFact, Sink, Source } from '../facts.ts';
import type { AnalyzerSink } from '../types.ts';
import { findUrls, hostAndPortOf, LineMap } from './common/index.ts';
import { literalProse } from './text.ts';
import { argvToShell, exactText, unionSources, type DecodeDraft, type Value } from './python-js-values.ts';

type Protocol = NonNullable<NetworkFact['protocol']>;

export interface NetworkSend {
  line: number;
  via: string;
  url?: string;
  host?: string;
  port?: number;
  method?: string;
  protocol: Protocol;
  /** Values uploaded: body, form, JSON, files, query parameters, a DNS label built from data. */
  sent: readonly Value[];
  /** Values that travel along but are not the payload (headers, auth): data sources, no flow. */
  carried?: readonly Value[];
  /** The operation uploads even when no body value is known (POST, sendmail…). */
  uploads?: boolean;
}

type CodeLang = 'python' | 'javascript';

/** A fact draft whose evidence may be left out (it defaults to the source line). */
export type FactInput = FactDraft extends infer F ? (F extends FactDraft ? Omit<F, 'evidence'> & { evidence?: string } : never) : never;

/** What decoded or literal code runs as, when it reaches an exec. */
export type RunAs = 'python' | 'javascript' | 'shell';

interface PendingDecode {
  draft: DecodeDraft;
  /** The whole decoded text (the fact keeps a cut one). */
  text?: string;
  runAs?: RunAs;
}

const maxDecodedInFact = 400;

const pythonShape = /^\s*(?:import|from)\s+[\w.]+|\b(?:exec|eval|__import__|compile)\(|\bos\.(?:system|popen|environ)\b|\bsubprocess\.|\bsocket\.socket\(/m;
const jsShape = /\brequire\(|\bchild_process\b|\bprocess\.env\b|=>|\b(?:const|let|var)\s+\w+\s*=|\bnew Function\(/;
const shellShape = /^\s*(?:curl|wget|bash|sh|zsh|nc|ncat|chmod|echo|rm|cat|base64|mkdir|cd|export|sudo|python3?|perl|osascript|crontab|open)\b|\|\s*(?:ba|z)?sh\b|\/dev\/tcp\/|\$\(/m;

/** The language a decoded text looks like, when it looks like code at all. */
export function guessCodeLang(text: string): Lang | undefined {
  if (pythonShape.test(text)) return 'python';
  if (jsShape.test(text)) return 'javascript';
  if (shellShape.test(text)) return 'shell';
  return text.includes('://') ? 'text' : undefined;
}

export function sourceOfValueInput(v: Value): 'decoded' | 'remote' | 'literal' | 'variable' | 'unknown' {
  if (v.decoded || v.viaDecoder) return 'decoded';
  if (v.remote !== undefined) return 'remote';
  if (v.exact) return 'literal';
  return v.name ? 'variable' : 'unknown';
}

export class FactRecorder {
  readonly lang: CodeLang;
  readonly #lines: LineMap;
  readonly #sink: AnalyzerSink;
  readonly #facts: FactDraft[] = [];
  readonly #decodes: PendingDecode[] = [];
  readonly #embedded: { text: string; lang: Lang; line: number; decoded: boolean }[] = [];
  readonly #urlsSeen = new Set<string>();
  /** Files saved from the network: path → URL ('' when unknown). */
  readonly downloads = new Map<string, string>();

  constructor(lang: CodeLang, text: string, sink: AnalyzerSink) {
    this.lang = lang;
    this.#lines = new LineMap(text);
    this.#sink = sink;
  }

  evidence(line: number): string {
    return this.#lines.excerpt(line);
  }

  /** Records a fact; the returned object may still be completed until `flush`. */
  emit(fact: FactInput): FactDraft {
    const full = { ...fact, evidence: fact.evidence ?? this.evidence(fact.line) } as FactDraft;
    this.#facts.push(full);
    return full;
  }

  /** `url` facts for every URL in a string literal, and a prose fact when it reads as sentences. */
  urls(text: string, line: number): void {
    const prose = literalProse(text, line);
    if (prose && !this.#urlsSeen.has(`${line}\0${prose.text}`)) {
      this.#urlsSeen.add(`${line}\0${prose.text}`);
      this.emit(prose);
    }
    if (text.length < 8 || (!text.includes('://') && !text.includes('@') && !/\d:\d/.test(text))) return;
    for (const m of findUrls(text)) {
      const key = `${line}\0${m.url}`;
      if (this.#urlsSeen.has(key)) continue;
      this.#urlsSeen.add(key);
      this.emit({ kind: 'url', line, url: m.url, host: m.host, scheme: m.scheme });
    }
  }

  /** A file read; returns the source its data carries. */
  read(line: number, path: string): Source {
    this.emit({ kind: 'file-read', line, path });
    return { kind: 'file', path };
  }

  write(line: number, path: string, append: boolean, content?: Value): FactDraft {
    const fact = this.emit({
      kind: 'file-write', line, path, ...(append ? { append } : {}),
      ...(content?.exact && content.text !== undefined ? { content: content.text.slice(0, 400) } : {}),
    });
    if (content) this.flows(line, content.sources, { kind: 'write', path });
    return fact;
  }

  /** Adds literal content to a write fact recorded earlier (a later `f.write('…')`). */
  addContent(fact: FactDraft | undefined, content: Value, line: number): void {
    if (fact?.kind !== 'file-write') return;
    if (content.exact && content.text !== undefined) fact.content = ((fact.content ?? '') + content.text).slice(0, 400);
    this.flows(line, content.sources, { kind: 'write', path: fact.path });
  }

  network(send: NetworkSend): FactDraft {
    const parsed = send.url ? hostAndPortOf(send.url) : undefined;
    const host = send.host ?? parsed?.host;
    const port = send.port ?? parsed?.port;
    const sentSources = send.sent.flatMap((v) => v.sources);
    const carried = (send.carried ?? []).flatMap((v) => v.sources);
    const dataSources = [...unionSources(sentSources, carried)];
    const fact = this.emit({
      kind: 'network', line: send.line, via: send.via, protocol: send.protocol,
      sendsData: send.uploads === true || send.sent.some((v) => v.text !== undefined || v.sources.length > 0 || v.items !== undefined || v.entries !== undefined || v.name !== undefined),
      ...(send.url ? { url: send.url } : {}),
      ...(host ? { host } : {}),
      ...(port !== undefined ? { port } : {}),
      ...(send.method ? { method: send.method.toUpperCase() } : {}),
      ...(dataSources.length > 0 ? { dataSources } : {}),
    });
    this.flows(send.line, unionSources(sentSources), { kind: 'network', via: send.via, ...(host ? { host } : {}), ...(send.url ? { url: send.url } : {}) });
    return fact;
  }

  /** Data from `value` reaches an encoder. */
  encode(line: number, encoding: string, value: Value): void {
    this.flows(line, value.sources, { kind: 'encode', encoding });
  }

  flows(line: number, sources: readonly Source[], sink: Sink): void {
    for (const source of sources) this.emit({ kind: 'flow', line, source, sink });
  }

  decode(draft: Omit<DecodeDraft, 'evidence' | 'executed'>): DecodeDraft {
    const text = draft.decoded;
    const full: DecodeDraft = {
      ...draft, executed: false, evidence: this.evidence(draft.line),
      ...(text !== undefined ? { decoded: text.slice(0, maxDecodedInFact) } : {}),
    };
    this.#facts.push(full as FactDraft);
    this.#decodes.push({ draft: full, ...(text !== undefined ? { text } : {}) });
    return full;
  }

  /** `value` is executed as code of `runAs`: an exec-dynamic fact, and its decoded origin marked. */
  exec(line: number, via: string, value: Value, runAs: RunAs): void {
    const input = sourceOfValueInput(value);
    this.emit({ kind: 'exec-dynamic', line, via, input, ...(input === 'remote' && value.remote ? { url: value.remote } : {}) });
    if (value.decoded) this.markExecuted(value.decoded, runAs);
  }

  /** A file saved from `url` to `path`. */
  download(line: number, path: string | undefined, url: string | undefined): void {
    this.emit({ kind: 'download', line, ...(url ? { url, host: hostAndPortOf(url)?.host } : {}), ...(path ? { path } : {}) });
    if (path) this.downloads.set(path, url ?? '');
  }

  /**
   * `v` runs as a command line or argv list: literal text goes to the shell analyzer, anything else is
   * a dynamic exec; a downloaded file run here is a download-exec. Returns the program when known.
   */
  runCommand(line: number, via: string, v: Value | undefined): string | undefined {
    if (!v) return undefined;
    let text: string | undefined;
    let program: string | undefined;
    if (v.items && v.items.length > 0) {
      for (const item of v.items) if (!item.exact && (item.decoded || item.remote !== undefined)) this.exec(line, via, item, 'shell');
      text = argvToShell(v.items);
      program = exactText(v.items[0]);
    } else if (v.decoded) {
      // The decoded text is analysed as shell when the recorder flushes.
      this.exec(line, via, v, 'shell');
      return undefined;
    } else if (v.exact && v.text !== undefined) {
      text = v.text;
      program = v.text.trim().split(/\s+/)[0];
    } else {
      this.exec(line, via, v, 'shell');
      if (v.text !== undefined) text = v.text.replace(/\*/g, '"$X"');
    }
    if (text === undefined) return program;
    this.analyze(text, 'shell', line);
    for (const [path, url] of this.downloads) {
      if (path && text.includes(path)) {
        this.emit({ kind: 'download-exec', line, via, ...(url ? { url, host: hostAndPortOf(url)?.host } : {}) });
        break;
      }
    }
    return program;
  }

  /** `v` runs as code of `lang` (exec, eval, new Function): literal code is analysed again. */
  runCode(line: number, via: string, v: Value, lang: 'python' | 'javascript'): void {
    // Remote code run in-process stays an exec-dynamic with input `remote` (remote-code-eval judges
    // it); download-exec is for fetched files run as programs.
    this.exec(line, via, v, lang);
    if (v.exact && v.text !== undefined && !v.decoded) this.analyze(v.text, lang, line);
  }

  markExecuted(draft: DecodeDraft, runAs: RunAs): void {
    draft.executed = true;
    const pending = this.#decodes.find((d) => d.draft === draft);
    if (pending) pending.runAs = runAs;
  }

  /** Embedded code (a literal command, an exec'd literal) for the analyzer of its language. */
  analyze(text: string, lang: Lang, line: number): void {
    if (text.trim()) this.#embedded.push({ text, lang, line, decoded: false });
  }

  /** Hands every buffered fact to the sink, then the embedded and decoded texts. */
  flush(): void {
    for (const fact of this.#facts) this.#sink.emit(fact);
    for (const e of this.#embedded) this.#sink.analyze({ text: e.text, lang: e.lang, line: e.line });
    for (const { draft, text, runAs } of this.#decodes) {
      if (!text || draft.media) continue;
      const lang = runAs ?? guessCodeLang(text);
      if (lang) this.#sink.analyze({ text, lang, line: draft.line, context: { origin: 'decoded' } });
    }
  }

  /** Facts recorded so far (for the analyzer's own late fix-ups). */
  get facts(): readonly FactDraft[] {
    return this.#facts;
  }
}
