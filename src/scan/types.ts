// The scanner's vocabulary beyond facts: analyzers, rules, findings and reports.

import type { LoadedSkill, SkillManifest } from '../skills/index.ts';
import type { Fact, FactContext, FactDraft, FactKind, FactOf, Lang } from './facts.ts';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export type Verdict = 'clean' | 'suspicious' | 'malicious';

export type Category =
  | 'remote-exec'
  | 'credential-access'
  | 'exfiltration'
  | 'obfuscation'
  | 'reverse-shell'
  | 'persistence'
  | 'prompt-injection'
  | 'hidden-unicode'
  | 'destructive'
  | 'privilege'
  | 'supply-chain'
  | 'suspicious-endpoint'
  | 'declared-mismatch'
  | 'bundle';

// ---- analyzers ----

export interface AnalyzeInput {
  /** Skill-relative path of the file. */
  file: string;
  text: string;
  lang: Lang;
  /** Context every fact of this input inherits (origin, headings, hidden…). */
  context: FactContext;
  /**
   * The text is a focused view of a larger one (src/scan/focus): an analyzer whose parse of it has
   * errors must emit nothing and call `sink.refuse()`, and the engine analyses the whole text.
   */
  mustParse?: boolean;
}

export interface AnalyzerSink {
  /** Report a fact; `line` is 1-based within the input text (the engine maps it to the file). */
  emit(fact: FactDraft): void;
  /**
   * Hand embedded text to the analyzer of its language: a fenced block, a string given to `sh -c`
   * or `subprocess`, a decoded payload. `line` is where it starts in the current input (1-based).
   * Nesting is capped by the engine.
   */
  analyze(embedded: { text: string; lang: Lang; line: number; context?: Partial<FactContext> }): void;
  /** Facts this file may still add before the engine's per-file cap drops the rest; an analyzer may stop there. */
  factsLeft?(): number;
  /** The analyzer refuses a `mustParse` input that does not parse cleanly (it emitted nothing). */
  refuse?(): void;
}

export interface Analyzer {
  readonly lang: Lang;
  /** Load parsers (WASM grammars…); called once before this analyzer's first `analyze`. */
  prepare?(): Promise<void>;
  /** Synchronous and total: a parse error yields fewer facts, never a throw. */
  analyze(input: AnalyzeInput, sink: AnalyzerSink): void;
}

// ---- rules ----

export interface RuleMeta {
  /** Equal to the rule's file name. */
  id: string;
  category: Category;
  /** Default severity of a report; a report may lower or raise it with a reason in its message. */
  severity: Severity;
  title: string;
  /** What the rule looks for and why it matters; the help text in SARIF. */
  description: string;
  references: string[];
  /** Message templates by id; `{{key}}` is filled from the report's data. */
  messages: Record<string, string>;
  options?: Record<string, unknown>;
}

/** What a rule knows about the skill beyond facts: what it declares. */
export interface SkillInfo {
  name: string;
  description: string;
  homepage?: string;
  manifest: SkillManifest;
  /** `requires.env`, `primaryEnv` and `envVars[].name`. */
  declaredEnv: ReadonlySet<string>;
  /** `requires.bins`, `requires.anyBins`, `install[].bins`. */
  declaredBins: ReadonlySet<string>;
  /** Hosts of the homepage and of URLs in the frontmatter (lower case). */
  declaredHosts: ReadonlySet<string>;
  files: readonly { path: string; kind: string; size: number }[];
}

export interface FactIndex {
  readonly all: readonly Fact[];
  of<K extends FactKind>(kind: K): readonly FactOf<K>[];
}

export interface ReportDescriptor {
  messageId: string;
  data?: Record<string, string | number>;
  /** The fact that shows it; gives file, line and evidence unless they are given explicitly. */
  fact?: Fact;
  file?: string;
  line?: number;
  evidence?: string;
  /** Overrides `meta.severity` for this report. */
  severity?: Severity;
}

export interface RuleContext {
  readonly skill: SkillInfo;
  readonly options: Readonly<Record<string, unknown>>;
  report(descriptor: ReportDescriptor): void;
}

export interface Rule {
  meta: RuleMeta;
  /** Pure: reports only through `context.report`, no I/O. */
  check(facts: FactIndex, context: RuleContext): void;
}

// ---- results ----

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  file: string;
  line: number;
  message: string;
  evidence: string;
  /** Accepted by a baseline entry (kept in reports, ignored by the verdict). */
  baselined?: boolean;
}

export interface SkillReport {
  /** The skill's folder or bundle as given or found. */
  path: string;
  name: string;
  hash: string;
  verdict: Verdict;
  score: number;
  findings: Finding[];
}

export interface ScanError {
  path: string;
  message: string;
}

export interface ScanReport {
  version: 1;
  skills: SkillReport[];
  errors: ScanError[];
}

export type { Fact, FactContext, FactDraft, FactKind, FactOf, Lang, LoadedSkill };
