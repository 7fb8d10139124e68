// Facts are what analyzers see in a file, language-neutral: rules reason over facts, never over
// syntax. An analyzer emits one fact per observation with the line it came from; a rule can then
// ask "does anything read ~/.ssh", whichever language did it.

/**
 * `script`: Perl, Ruby, PHP, Lua, Tcl and awk, read by a tokenizer and IOC patterns (no grammar);
 * `recipe`: Makefile, justfile and Taskfile recipes, whose lines go to the shell analyzer.
 */
export type Lang = 'markdown' | 'shell' | 'powershell' | 'python' | 'javascript' | 'manifest' | 'text' | 'script' | 'recipe';

/** Where a fact was seen; lets rules tell an executed script from documentation about one. */
export interface FactContext {
  /** The language of the code (or prose) the fact came from. */
  lang: Lang;
  /**
   * `code`: a script file; `codeblock`: a fenced block in Markdown; `inline-code`: a `span` in prose;
   * `prose`: Markdown/text prose; `frontmatter`: the SKILL.md frontmatter; `decoded`: text obtained
   * by decoding a literal (base64, hex, …) and analysed again.
   */
  origin: 'code' | 'codeblock' | 'inline-code' | 'prose' | 'frontmatter' | 'decoded';
  /** Markdown heading path above the fact (outermost first), e.g. ["Setup", "Prerequisites"]. */
  headings: string[];
  /** Text is inside an HTML comment or otherwise hidden from a rendered view. */
  hidden?: boolean;
  /** The file is the skill's manifest (SKILL.md), rather than a reference or script. */
  inManifest?: boolean;
}

/** Where data comes from, for data-flow facts. */
export type Source =
  | { kind: 'file'; path: string }
  | { kind: 'env'; name: string }
  | { kind: 'env-all' }
  | { kind: 'clipboard' }
  | { kind: 'keychain' }
  | { kind: 'history' }
  | { kind: 'conversation' }
  | { kind: 'system-info' };

/** Where data goes, for data-flow facts. */
export type Sink =
  | { kind: 'network'; host?: string; url?: string; via: string }
  | { kind: 'encode'; encoding: string }
  | { kind: 'write'; path: string };

interface FactBase {
  /** Skill-relative path of the file. */
  file: string;
  /** 1-based line in that file. */
  line: number;
  /** A short excerpt of the source (one line, at most ~160 characters). */
  evidence: string;
  context: FactContext;
}

/** A program run from shell (or a string a Python/JS script hands to a shell or `subprocess`). */
export interface CommandFact extends FactBase {
  kind: 'command';
  /** Base name of the program, e.g. `curl` (after `sudo`, `env`, `nohup`, `exec` are stripped). */
  name: string;
  /** Arguments as literal strings where known; `$VAR`/`$(…)` kept as written. */
  args: string[];
  /** The command runs with `sudo`/`doas`/`su -c`. */
  elevated?: boolean;
  /** Programs after this one in the same pipeline. */
  pipedTo?: string[];
  /** The program before this one in the same pipeline. */
  pipedFrom?: string;
  /** Output redirections: `> file`, `>> file`, `>& /dev/tcp/...`. */
  redirects?: { op: string; target: string }[];
}

export interface FileReadFact extends FactBase {
  kind: 'file-read';
  /** Path as written, with `$HOME`/`os.homedir()`/`expanduser` normalised to `~`; `*` where dynamic. */
  path: string;
}

export interface FileWriteFact extends FactBase {
  kind: 'file-write';
  path: string;
  append?: boolean;
  /** Literal content written, when known (cut). */
  content?: string;
}

export interface EnvReadFact extends FactBase {
  kind: 'env-read';
  name: string;
}

/** The whole environment is read or copied (`env`, `printenv`, `os.environ`, `process.env` as a value). */
export interface EnvDumpFact extends FactBase {
  kind: 'env-dump';
}

/** An outbound network operation: HTTP, DNS, git push, mail, raw socket. */
export interface NetworkFact extends FactBase {
  kind: 'network';
  via: string;
  url?: string;
  host?: string;
  port?: number;
  method?: string;
  protocol?: 'http' | 'https' | 'tcp' | 'udp' | 'dns' | 'git' | 'smtp' | 'ftp' | 'ws' | 'other';
  /** The operation uploads data (POST body, -d, --data, -F, -T, query built from data, DNS label from data). */
  sendsData: boolean;
  /** Known sources of the data sent, from data flow. */
  dataSources?: Source[];
}

/** A dynamic string is executed: eval/exec/Function, `sh -c "$x"`, `bash <(…)`, `| sh`, `iex`. */
export interface DynamicExecFact extends FactBase {
  kind: 'exec-dynamic';
  via: string;
  /** What is executed: a literal, a decoded blob, content fetched from the network, or a variable. */
  input: 'literal' | 'decoded' | 'remote' | 'variable' | 'unknown';
  /** Remote URL, when `input` is `remote`. */
  url?: string;
}

/** A literal that decodes to something (base64, hex, char codes, reversed, rot13, zlib). */
export interface DecodeFact extends FactBase {
  kind: 'decode';
  encoding: string;
  /** Length of the encoded literal. */
  length: number;
  /** The decoded text is executed (piped to a shell, eval'd, exec'd). */
  executed: boolean;
  /** The decoded text, cut; analysed again with origin `decoded`. */
  decoded?: string;
  /** The decoded bytes look like an image/font/other media, not code. */
  media?: boolean;
}

/** Remote content is executed: `curl … | sh`, download + chmod + run, `iwr | iex`, `pip install git+…`. */
export interface DownloadExecFact extends FactBase {
  kind: 'download-exec';
  url?: string;
  host?: string;
  via: string;
  /** The download is checked against a pinned hash before it runs. */
  verified?: boolean;
}

/** A downloaded file saved to disk (without evidence that it is executed). */
export interface DownloadFact extends FactBase {
  kind: 'download';
  url?: string;
  host?: string;
  /** Destination path, when known. */
  path?: string;
  /** Archive that needs a password (`unzip -P`, `7z -p`). */
  passwordProtected?: boolean;
}

/** Every URL or bare host literal seen anywhere (code, prose, frontmatter). */
export interface UrlFact extends FactBase {
  kind: 'url';
  url: string;
  host: string;
  scheme: string;
}

/** A paragraph, list item, heading, table cell or HTML comment of prose (Markdown or text). */
export interface ProseFact extends FactBase {
  kind: 'prose';
  text: string;
  block: 'paragraph' | 'heading' | 'list-item' | 'blockquote' | 'table' | 'html-comment' | 'frontmatter' | 'other';
}

/** Invisible or deceptive Unicode. */
export interface UnicodeFact extends FactBase {
  kind: 'unicode';
  category: 'zero-width' | 'bidi' | 'tag' | 'variation-selector' | 'private-use' | 'homoglyph' | 'control';
  count: number;
  /** For tag characters: the ASCII text they spell. */
  decoded?: string;
  /** For zero-width characters that carry text: `bits` (a binary code; `decoded` is the message) or `interleaved` (between the letters of visible words; `decoded` is the text without them). */
  carrier?: 'bits' | 'interleaved';
}

/** A package dependency or a package install command. */
export interface DependencyFact extends FactBase {
  kind: 'dependency';
  ecosystem: 'npm' | 'pypi' | 'go' | 'brew' | 'apt' | 'gem' | 'cargo' | 'other';
  name: string;
  version?: string;
  /** Exact version or hash pin. */
  pinned: boolean;
  /** A non-default index/registry/URL/git source. */
  source?: string;
  via: 'manifest' | 'install-command' | 'openclaw-install';
}

/** A package lifecycle hook (npm `preinstall`/`install`/`postinstall`/`prepare`, setup.py cmdclass). */
export interface InstallHookFact extends FactBase {
  kind: 'install-hook';
  manager: string;
  hook: string;
  command: string;
}

/** Data from a source reaches a sink (within a file, or joined across files by the engine). */
export interface FlowFact extends FactBase {
  kind: 'flow';
  source: Source;
  sink: Sink;
  /** Joined across files of the skill (weaker than a flow seen within one file). */
  crossFile?: boolean;
}

/** A raw socket connection or listener. */
export interface SocketFact extends FactBase {
  kind: 'socket';
  host?: string;
  port?: number;
  protocol: 'tcp' | 'udp';
  /** A shell or interpreter's stdio is attached to the socket. */
  interactive?: boolean;
  listen?: boolean;
}

/** An import of a module (Python `import x`, JS `import`/`require`). */
export interface ImportFact extends FactBase {
  kind: 'import';
  module: string;
}

/** Something the loader noticed (symlink out, binary, nested archive, bomb, oversize, …). */
export interface LoadIssueFact extends FactBase {
  kind: 'load-issue';
  code: string;
}

export type Fact =
  | CommandFact
  | FileReadFact
  | FileWriteFact
  | EnvReadFact
  | EnvDumpFact
  | NetworkFact
  | DynamicExecFact
  | DecodeFact
  | DownloadExecFact
  | DownloadFact
  | UrlFact
  | ProseFact
  | UnicodeFact
  | DependencyFact
  | InstallHookFact
  | FlowFact
  | SocketFact
  | ImportFact
  | LoadIssueFact;

export type FactKind = Fact['kind'];
export type FactOf<K extends FactKind> = Extract<Fact, { kind: K }>;

/** A fact before the engine stamps its file: analyzers emit these. */
export type FactDraft = Fact extends infer F ? (F extends Fact ? Omit<F, 'file' | 'context'> & { context?: Partial<FactContext> } : never) : never;
