// Scans one loaded skill: every file through the analyzer of its language (embedded code through
// the analyzer of its own), load issues as facts, then every rule over the whole skill's facts
// (so a read in one script and a send in another meet), then the verdict.

import type { LoadedSkill, SkillFile } from '../skills/index.ts';
import { analyzers, scanUnicode } from './analyzers/index.ts';
import { countNewlines, findUrls, LineMap } from './analyzers/common/index.ts';
import type { Fact, FactContext, FactDraft, FactKind, FactOf, Lang } from './facts.ts';
import { memoizedFileFacts } from './file-memo.ts';
import { focusCode, isFocusLang, minFocusChars } from './focus/index.ts';
import { languageOfFile } from './language.ts';
import { rules as builtinRules } from './rules/index.ts';
import type { AnalyzerSink, Finding, FactIndex, Rule, SkillInfo, SkillReport } from './types.ts';
import { decideVerdict } from './verdict.ts';

export interface ScanSkillOptions {
  /** Rules to run; default: all built-in rules. */
  rules?: readonly Rule[];
  /** Per-rule options by rule id. */
  ruleOptions?: Readonly<Record<string, Record<string, unknown>>>;
  /**
   * Deep-analyse large scripts only in the blocks that can do something (src/scan/focus). Default
   * true; false parses and analyses every block of every file, up to the per-file budget.
   */
  focus?: boolean;
}

const maxNesting = 4;
/** Facts kept per file; past it the rest are dropped and the cut is reported (`analysis-cut`). */
const maxFactsPerFile = 5_000;
/**
 * Characters of code one file may hand to the code analyzers (shell, Python, JS/TS, PowerShell,
 * manifests), its Markdown blocks included: a 1 MiB script costs seconds of parsing and walking, so
 * code past the budget is only searched for URLs, and the cut is reported (`analysis-cut`).
 */
const maxDeepChars = 256 * 1024;
const codeLangs: ReadonlySet<Lang> = new Set<Lang>(['shell', 'python', 'javascript', 'powershell', 'manifest']);
const prepared = new Map<Lang, Promise<void>>();

/** Loads the parsers for the given languages once per process. */
export function prepareAnalyzers(langs: Iterable<Lang>): Promise<void> {
  const waits: Promise<void>[] = [];
  for (const lang of langs) {
    let ready = prepared.get(lang);
    if (!ready) {
      ready = analyzers[lang].prepare?.() ?? Promise.resolve();
      prepared.set(lang, ready);
    }
    waits.push(ready);
  }
  return Promise.all(waits).then(() => undefined);
}

/** Where to cut `text` so at most `budget` characters are analysed: after the last newline within it. */
function cutPoint(text: string, budget: number): number {
  const newline = text.lastIndexOf('\n', budget - 1);
  return newline > 0 ? newline + 1 : budget;
}

/** The facts of one file: its analyzer, embedded code through theirs, hidden Unicode, and the caps. */
function fileFacts(file: SkillFile & { text: string }, inManifest: boolean, out: Fact[], focus: boolean): void {
  const lang = languageOfFile(file.path, file.text);
  const base: FactContext = { lang, origin: lang === 'markdown' || lang === 'text' ? 'prose' : 'code', headings: [], inManifest };
  let count = 0;
  let deepLeft = maxDeepChars;
  let firstCut: number | undefined;
  // An analyzer may stop on its own at the cap (`factsLeft`), so reaching it counts as a cut.
  let lastKept = 1;
  let droppedAt: number | undefined;
  const push = (fact: Fact) => {
    if (count++ < maxFactsPerFile) {
      out.push(fact);
      lastKept = fact.line;
    } else droppedAt ??= fact.line;
  };
  const factsLeft = () => Math.max(0, maxFactsPerFile - count);
  // `parent` is the language that handed this text over; code inside code (`sh -c '…'`, a decoded
  // payload) lies within its parent's budget, so only code from the file itself or from prose is charged.
  const run = (text: string, lang: Lang, lineOffset: number, context: FactContext, depth: number, parent?: Lang, whole = false) => {
    const charged = codeLangs.has(lang) && !(parent && codeLangs.has(parent));
    const emit = (draft: FactDraft) => {
      const line = Math.max(1, Math.trunc(draft.line || 1)) + lineOffset;
      // Facts without a context of their own share their input's (never mutated downstream).
      const ctx: FactContext = draft.context ? { ...context, ...draft.context, headings: draft.context.headings ?? context.headings } : context;
      push({ ...draft, file: file.path, line, context: ctx } as Fact);
    };
    // A large script is deep-analysed in the blocks that can do something (src/scan/focus); the
    // rest was lexed there and is searched for URLs here, once the analyzer accepted the focused
    // text. An analyzer refuses a focused text that does not parse cleanly: then the whole text is
    // analysed, as if focus were off.
    const original = text;
    const focused = !whole && focus && charged && isFocusLang(lang) && text.length >= minFocusChars ? focusCode(text, lang) : undefined;
    const skippedUrls = () => {
      for (const s of focused?.skipped ?? []) urlsOnly(original.slice(s.start, s.end), s.line, emit);
    };
    if (focused?.kept === 0) return skippedUrls();
    if (focused) text = focused.text;
    const before = { deepLeft, firstCut, facts: out.length, count };
    if (charged && text.length > deepLeft) {
      const at = cutPoint(text, deepLeft);
      const linesBefore = countNewlines(text, at);
      firstCut ??= lineOffset + linesBefore + 1;
      urlsOnly(text.slice(at), linesBefore, emit);
      text = text.slice(0, at);
      deepLeft = 0;
      if (text.trim().length === 0) return skippedUrls();
    } else if (charged) {
      deepLeft -= text.length;
    }
    let refused = false;
    const sink: AnalyzerSink = {
      emit,
      analyze(embedded) {
        if (depth >= maxNesting || embedded.text.length === 0) return;
        const ctx: FactContext = {
          ...context, lang: embedded.lang, ...embedded.context,
          headings: embedded.context?.headings ?? context.headings,
        };
        run(embedded.text, embedded.lang, lineOffset + Math.max(1, embedded.line) - 1, ctx, depth + 1, lang);
      },
      factsLeft,
      refuse() {
        refused = true;
      },
    };
    try {
      analyzers[lang].analyze({ file: file.path, text, lang, context, ...(focused ? { mustParse: true } : {}) }, sink);
    } catch (error) {
      // An analyzer must never take the scan down; a crash is a bug that the fuzz tests catch.
      push({
        kind: 'load-issue', code: 'analyzer-error', file: file.path, line: lineOffset + 1,
        evidence: `${lang} analyzer failed: ${(error as Error).message}`.slice(0, 160), context,
      });
    }
    if (focused && refused) {
      // Undo what the focused attempt recorded and spent, then analyse the whole text.
      out.length = before.facts;
      count = before.count;
      deepLeft = before.deepLeft;
      firstCut = before.firstCut;
      return run(original, lang, lineOffset, context, depth, parent, true);
    }
    skippedUrls();
  };
  run(file.text, lang, 0, base, 0);
  scanUnicode(file.text, {
    emit(draft) {
      push({ ...draft, file: file.path, line: Math.max(1, draft.line), context: { ...base, ...draft.context } } as Fact);
    },
  });
  // The cut itself is always reported, past the cap too: it says what was not analysed.
  const why: string[] = [];
  if (firstCut !== undefined) why.push(`code past ${maxDeepChars} characters was only searched for URLs (from line ${firstCut})`);
  if (count >= maxFactsPerFile) why.push(`analysis stopped at the cap of ${maxFactsPerFile} facts (near line ${droppedAt ?? lastKept})`);
  if (why.length > 0) {
    out.push({
      kind: 'load-issue', code: 'analysis-cut', file: file.path, line: 1,
      evidence: `${file.path}: ${why.join('; ')}`, context: { lang: 'text', origin: 'code', headings: [] },
    });
  }
}

/** URL facts for code past the deep-analysis budget; `lineOffset` is the lines before `text`. */
function urlsOnly(text: string, lineOffset: number, emit: (draft: FactDraft) => void): void {
  if (!text.includes('://') && !text.includes('@') && !/\d:\d/.test(text)) return;
  const lines = new LineMap(text);
  for (const m of findUrls(text)) {
    const line = lines.lineOf(m.index);
    emit({ kind: 'url', line: line + lineOffset, url: m.url, host: m.host, scheme: m.scheme, evidence: lines.excerpt(line) });
  }
}

export function collectFacts(skill: LoadedSkill, options: { focus?: boolean } = {}): Fact[] {
  const facts: Fact[] = [];
  for (const issue of skill.issues) {
    facts.push({
      kind: 'load-issue', code: issue.code, file: issue.file ?? skill.manifest.file, line: 1,
      evidence: issue.message, context: { lang: 'text', origin: 'code', headings: [] },
    });
  }
  for (const file of skill.files) {
    if (file.kind !== 'text' || file.text === undefined) continue;
    const text = file as SkillFile & { text: string };
    const inManifest = file.path === skill.manifest.file;
    const focus = options.focus ?? true;
    memoizedFileFacts(text, inManifest, focus, facts, () => fileFacts(text, inManifest, facts, focus));
  }
  return facts;
}

export function indexFacts(all: readonly Fact[]): FactIndex {
  const byKind = new Map<FactKind, Fact[]>();
  for (const fact of all) {
    let list = byKind.get(fact.kind);
    if (!list) byKind.set(fact.kind, (list = []));
    list.push(fact);
  }
  return {
    all,
    of<K extends FactKind>(kind: K) {
      return (byKind.get(kind) ?? []) as unknown as readonly FactOf<K>[];
    },
  };
}

function hostOf(value: string): string | undefined {
  try {
    return new URL(value).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

export function skillInfo(skill: LoadedSkill): SkillInfo {
  const m = skill.manifest;
  const oc = m.openclaw;
  const declaredEnv = new Set<string>([...oc.requires.env, ...oc.envVars.map((v) => v.name)]);
  if (oc.primaryEnv) declaredEnv.add(oc.primaryEnv);
  const declaredBins = new Set<string>([...oc.requires.bins, ...oc.requires.anyBins, ...oc.install.flatMap((i) => i.bins)]);
  const declaredHosts = new Set<string>();
  for (const url of [m.homepage, oc.homepage, ...oc.install.map((i) => i.url)]) {
    const host = url ? hostOf(url) : undefined;
    if (host) declaredHosts.add(host);
  }
  return {
    name: skill.name,
    description: m.description ?? '',
    homepage: m.homepage ?? oc.homepage,
    manifest: m,
    declaredEnv,
    declaredBins,
    declaredHosts,
    files: skill.files.map((f) => ({ path: f.path, kind: f.kind, size: f.size })),
  };
}

function fill(template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => String(data?.[key] ?? `{{${key}}}`));
}

export function runRules(facts: FactIndex, info: SkillInfo, options: ScanSkillOptions = {}): Finding[] {
  const findings: Finding[] = [];
  for (const rule of options.rules ?? builtinRules) {
    const { meta } = rule;
    rule.check(facts, {
      skill: info,
      options: { ...meta.options, ...options.ruleOptions?.[meta.id] },
      report(d) {
        const template = meta.messages[d.messageId];
        if (template === undefined) throw new Error(`rule ${meta.id} reported unknown messageId "${d.messageId}"`);
        findings.push({
          ruleId: meta.id,
          category: meta.category,
          severity: d.severity ?? meta.severity,
          file: d.file ?? d.fact?.file ?? info.manifest.file,
          line: d.line ?? d.fact?.line ?? 1,
          message: fill(template, d.data),
          evidence: (d.evidence ?? d.fact?.evidence ?? '').slice(0, 200),
        });
      },
    });
  }
  return dedupe(findings);
}

/** One finding per rule, file and line. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}\0${f.file}\0${f.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const severityOrder = { critical: 0, high: 1, medium: 2, low: 3, info: 4 } as const;

export async function scanSkill(skill: LoadedSkill, options: ScanSkillOptions = {}): Promise<SkillReport> {
  const langs = new Set<Lang>(['markdown', 'text']);
  for (const file of skill.files) if (file.kind === 'text' && file.text !== undefined) langs.add(languageOfFile(file.path, file.text));
  // Markdown hands fenced blocks to every language.
  for (const lang of ['shell', 'python', 'javascript', 'powershell'] as const) langs.add(lang);
  await prepareAnalyzers(langs);
  const facts = indexFacts(collectFacts(skill, { focus: options.focus }));
  const info = skillInfo(skill);
  const findings = runRules(facts, info, options);
  findings.sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity] || a.file.localeCompare(b.file) || a.line - b.line);
  const { verdict, score } = decideVerdict(findings, info);
  return { path: skill.path, name: skill.name, hash: skill.hash, verdict, score, findings };
}
