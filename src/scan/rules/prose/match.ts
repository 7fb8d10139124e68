// Finding instructions in prose without flagging prose ABOUT instructions. A phrase counts only
// when it is said, not quoted or taught: not under a heading that teaches about attacks, not in a
// paragraph that discusses attacks ("attackers may write…"), not in a sentence that gives an
// example or a warning sign, not inside quotes, not negated ("never share your recovery phrase"),
// and, for rules that ask for it, in a sentence in the imperative rather than one describing what a
// program does ("the script runs silently").
// Hidden text (HTML comments, hidden elements, decoded invisible channels) gets none of the teaching
// exemptions: nobody hides a lesson from the reader.
//
// Cost: every fact is read once (prepared.ts): its text is normalised and split into sentences
// once; a sentence's teaching check runs once; a phrase table's hits are cached per skill, so rules
// that ask about the same table (a rule and the combination rule) share the work. Matching is
// linear in the text. Before any regex runs, one pass over each text finds which tables' required
// literals it holds (common/required-literals.ts, literal-scan.ts); per skill and table the facts
// holding them are listed once (`proseFactsFor`), so a table is asked only of those few facts and
// costs nothing on the rest.

import type { FactIndex } from '../../types.ts';
import { isTeaching } from '../common/context.ts';
import { derivedProse } from './derived.ts';
import { negationI18n, sentenceCueI18n, teachingCueI18n, teachingHeadingI18n, withLanguages } from './phrases-i18n.ts';
import { mayMatch, prefilterOf, prepare, sentenceIndex, terminator, touches, type PatternKey, type Prepared, type ProseFact } from './prepared.ts';

export type { ProseFact } from './prepared.ts';

export interface ProseHit {
  fact: ProseFact;
  /** The matched text. */
  match: string;
  /** The sentence around the match. */
  sentence: string;
}

export interface MatchOptions {
  /** Keep only matches in imperative sentences (addressed to the agent), not descriptions. */
  imperative?: boolean;
  /** Keep matches preceded by a negation in their sentence (for phrases that are negative themselves). */
  allowNegated?: boolean;
  /** Also match prose inside fenced code blocks (e.g. ```text). Default: only when hidden. */
  includeCodeBlocks?: boolean;
  /** Count matches inside quotation marks too (text that is content to store, not a quotation). */
  quotedToo?: boolean;
}

/** Cues that a whole paragraph discusses attacks (checked over the paragraph). */
const teachingCue = withLanguages(/\b(?:attackers?|adversar(?:y|ies|ial)|malicious|prompt injections?|injection attacks?|jailbreaks?|phishing|scams?|scammers?|red[- ]team\w*|social engineering|legitimate \w+ (?:will|would) never)\b|攻击|恶意|注入|钓鱼|诈骗/i, teachingCueI18n);

/** Weaker cues that count only in the sentence of the match. */
const sentenceCue = withLanguages(/\b(?:such as|patterns?|flag(?:s|ged)?|beware|watch out|be careful|be wary|suspicious|threats?|guardrails?|defen[cs]es?|tricks?|warning signs?|dangerous|risky|unsafe|may (?:try|attempt)|might (?:try|attempt)|(?:try|attempt)s? to (?:trick|make|get)|detect(?:s|ed|ion|ors?|ing)?|scanners?|heuristics?|e\.g\.|for example|for instance|examples? of|(?<![\w.@/-])examples?:)\b|\b(?:skills?|text|prompts?|messages?|content|anything|tools?|pages?|documents?|files?)\s+(?:that|which)\s+(?:says?|tells?|asks?|contains?|instructs?|claims?)\b|警惕|示例|例如|检测/i, sentenceCueI18n);

/** Headings (beyond the shared teaching ones) under which prose describes risks rather than instructs. */
const teachingHeading = withLanguages(/\b(?:warnings?|injections?|defen[cs]es?|warning signs|red flags?|risks?|security (?:notes?|considerations|model)|safety|threat model|what to avoid|pitfalls|how (?:it|attacks?) works?)\b|警告|风险|注意事项|安全须知/i, teachingHeadingI18n);

/** URLs, e-mail addresses and host names: names, not words ("ops@attacker.invalid" is not about attackers). */
const address = /https?:\/\/\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b(?:[\w-]+\.)+[a-z]{2,}\b/gi;

/** `cue` is said in `text` outside its addresses (the second test runs only where the first matched). */
function cueIn(cue: RegExp, text: string): boolean {
  return cue.test(text) && cue.test(text.replace(address, ' '));
}

const defensiveConditional = /\b(?:if|when|whenever)\s+(?:a|an|the|any|some)?\s*(?:web\s?page|page|document|website|site|email|message|content|input|text|file|tool(?: output)?|result|someone|anyone|third[- ]party)\b[^.]{0,80}\b(?:says?|tells?|asks?|contains?|instructs?|includes?|requests?)\b/i;

const negation = withLanguages(/\b(?:never|not|don'?t|doesn'?t|won'?t|shouldn'?t|mustn'?t|cannot|can'?t|no one|nobody|avoid|refuse|without)\b|不要|切勿|绝不|永远不|禁止|不会|不得/i, negationI18n);

const descriptiveSubject = /^(?:this|the|it|that|these|those|our|its|a|an|each|every|which|who)\b(?:\s+[\w.'`-]+){0,4}?\s+(?:runs?|works?|operates?|is|are|was|were|will|would|can|could|may|might|does|do|did|has|have|had|happens?|executes?|installs?|fails?|skips?|exits?|returns?|logs?|sends?|writes?|reads?|uses?|handles?|keeps?|stays?)\b/i;

/** "Clients can run these without confirmation", "replacing would silently disable it": what may happen, not an order. */
const possibility = /\b(?!you\b|agents?\b|assistants?\b|claude\b|ai\b|models?\b)[a-z][\w'-]*\s+(?:would|could|might|may|can)\s+(?:[\w'-]+\s+){0,4}$/i;

const bullet = /^(?:[-*+•]|\d+[.)]|step\s+\d+[:.)]?|(?:\*\*)?(?:important|note|nb|system|instructions?|rule|task|todo)(?:\*\*)?\s*[:：])\s*/i;

/** The whole fact reads as teaching: under a teaching heading, or a paragraph about attacks. */
function paragraphTeaches(fact: ProseFact, p: Prepared): boolean {
  if (p.teaching === undefined) {
    p.teaching = !fact.context.hidden && (
      isTeaching(fact.context) || fact.context.headings.some((h) => teachingHeading.test(h)) ||
      defensiveConditional.test(p.text) || (p.text.length < 600 && cueIn(teachingCue, p.text))
    );
  }
  return p.teaching;
}

/** The sentence of `text` that contains position `index`. */
export function sentenceAt(text: string, index: number): { sentence: string; offset: number } {
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(terminator)) {
    const after = m.index + m[0].length;
    if (m.index >= index) {
      end = after;
      break;
    }
    start = after;
    while (start < text.length && /\s/.test(text[start]!)) start++;
  }
  return { sentence: text.slice(start, end), offset: start };
}

/** The match lies inside a quotation ("…", “…”, 「…」, «…», „…“, a `…` span with spaces, or '…' not used as an apostrophe). */
export function isQuoted(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 200), start);
  const after = text.slice(end, end + 300);
  const pairs: [RegExp, RegExp][] = [
    [/"[^"]*$/, /^[^"]*"/], [/“[^”]*$/, /^[^“]*”/], [/「[^」]*$/, /^[^「]*」/], [/『[^』]*$/, /^[^『]*』/],
    [/«[^»]*$/, /^[^«]*»/], [/„[^“”]*$/, /^[^„]*[“”]/],
    // Backticks quote only a phrase: `~/.ssh/id_rsa` in an instruction is a path, not a quotation.
    [/`[^`]*\s[^`]*$/, /^[^`]*`/], [/`[^`]*$/, /^[^`]*\s[^`]*`/], [/(?:^|[\s(:])'[^']*$/, /^[^']*'(?:[\s).,;:!?]|$)/],
  ];
  return pairs.some(([open, close]) => open.test(before) && close.test(after));
}

/** The clause of a sentence that holds position `index`: after the last comma, semicolon or "so/and/then/but". */
export function clauseBefore(text: string, sentenceStart: number, index: number): string {
  return text.slice(clauseStart(text, sentenceStart, index));
}

function clauseStart(text: string, sentenceStart: number, index: number): number {
  const prefix = text.slice(sentenceStart, index);
  let cut = 0;
  for (const m of prefix.matchAll(/[,;:—]\s*|\b(?:so|and|then|but)\s+/gi)) cut = m.index + m[0].length;
  return sentenceStart + cut;
}

/** The sentence tells someone to do something, rather than describing what a program does. */
export function isImperative(sentence: string): boolean {
  let s = sentence.trim().replace(/^[*_>#\s"“'‘]+/, '');
  for (let i = 0; i < 3 && bullet.test(s); i++) s = s.replace(bullet, '').replace(/^[*_\s]+/, '');
  return !descriptiveSubject.test(s) && !relativeSubject.test(s) && !gerundSubject.test(s);
}

/** "A fix agent that applies one side without checking…": a subject described by a relative clause. */
const relativeSubject = /^(?:a|an|the|any|each|every|some)\s+(?:[\w.'`-]+\s+){1,4}?(?:that|which|who)\s/i;
/** "Spawning subagents without approval" (a failure mode in a list): a gerund names an act, it orders nothing. */
const gerundSubject = /^(?!(?:bring|string|sing|ring|swing|sting|fling|cling|wring)\b)[a-z]{3,}ing\s+\S/i;

/** The text around a fact reads as teaching or defence rather than as an instruction. */
export function readsAsTeaching(fact: ProseFact, sentence: string): boolean {
  return paragraphTeaches(fact, prepare(fact)) || (!fact.context.hidden && (cueIn(teachingCue, sentence) || cueIn(sentenceCue, sentence)));
}

function sentenceTeaches(fact: ProseFact, p: Prepared, i: number): boolean {
  if (fact.context.hidden) return false;
  let t = p.sentenceTeaching[i];
  if (t === undefined) {
    const s = p.text.slice(p.starts[i], p.ends[i]);
    // An aside does not turn an instruction into a lesson: "(encrypted so antivirus heuristics don't…)".
    t = cueIn(teachingCue, s) || cueIn(sentenceCue, s.replace(/\([^()]*\)/g, ' '));
    p.sentenceTeaching[i] = t;
  }
  return t;
}

/** A command-line flag in code at the start of a cell or item: `--yes`, `-y, --yes`, `--force` / `-f`. */
const flagLead = /^`-{1,2}[a-z0-9][\w-]*/i;

/**
 * Visible table rows and list items that document a command-line option ("| `--yes` | Skip
 * confirmation dialog |", "- `--force`: bypass safety checks"): they say what a flag does, they
 * do not tell the agent to do it.
 */
function optionDocs(all: readonly ProseFact[]): Set<ProseFact> {
  const rows = new Set<string>();
  for (const f of all) if (f.block === 'table' && flagLead.test(f.text)) rows.add(`${f.file}\n${f.line}`);
  return new Set(all.filter((f) => !f.context.hidden && (
    (f.block === 'table' && rows.has(`${f.file}\n${f.line}`)) || (f.block === 'list-item' && flagLead.test(f.text))
  )));
}

/** A skill's prose facts, and per pattern or table the few of them whose text may match it. */
interface SkillProse {
  plain: ProseFact[];
  withCode: ProseFact[];
  /** Per fact of `withCode`: whether it is also in `plain`. */
  isPlain: Uint8Array;
  /** Per fact of `withCode`: its prepared text; empty until a table is first asked. */
  prepared: Prepared[];
  /** Per pattern key: ascending indices into `withCode` of the facts holding its literals; null when it has no prefilter. */
  mayMatchAt: Map<PatternKey, readonly number[] | null>;
}

const proseCache = new WeakMap<FactIndex, SkillProse>();

function skillProse(facts: FactIndex): SkillProse {
  let cached = proseCache.get(facts);
  if (!cached) {
    const read = [...facts.of('prose'), ...derivedProse(facts)];
    const options = optionDocs(read);
    const withCode = options.size > 0 ? read.filter((f) => !options.has(f)) : read;
    const isPlain = new Uint8Array(withCode.length);
    const plain: ProseFact[] = [];
    withCode.forEach((f, i) => {
      if (f.context.hidden || (f.context.origin !== 'codeblock' && f.context.origin !== 'decoded')) {
        isPlain[i] = 1;
        plain.push(f);
      }
    });
    cached = { plain, withCode, isPlain, prepared: [], mayMatchAt: new Map() };
    proseCache.set(facts, cached);
  }
  return cached;
}

/** Prose facts a prose rule should read: Markdown/text prose, prose in code strings and in files written. */
export function proseFacts(facts: FactIndex, options: MatchOptions = {}): ProseFact[] {
  const sp = skillProse(facts);
  return options.includeCodeBlocks ? sp.withCode : sp.plain;
}

/** How `matchFact` asks a table's prefilter: callers build one-pattern tables on the fly, so the pattern itself is the key then. */
function keyOf(patterns: readonly RegExp[]): PatternKey {
  return patterns.length === 1 ? patterns[0]! : patterns;
}

/** Indices of the skill's prose facts whose text holds a literal of `key` (one pass over the facts per key and skill). */
function indicesFor(sp: SkillProse, key: PatternKey): readonly number[] | null {
  let at = sp.mayMatchAt.get(key);
  if (at === undefined) {
    const f = prefilterOf(key);
    if (!f) {
      at = null;
    } else {
      if (sp.prepared.length < sp.withCode.length) sp.prepared = sp.withCode.map((fact) => prepare(fact));
      const list: number[] = [];
      for (let i = 0; i < sp.prepared.length; i++) if (touches(sp.prepared[i]!, f)) list.push(i);
      at = list;
    }
    sp.mayMatchAt.set(key, at);
  }
  return at;
}

/**
 * The facts of `proseFacts(facts, options)`, in order, that may match one of the tables: every
 * fact left out gets no hit from `matchFact` with any of them (its text lacks every literal the
 * tables require). A rule loops over these instead of every prose fact of the skill.
 */
export function proseFactsFor(facts: FactIndex, tables: readonly (readonly RegExp[])[], options: MatchOptions = {}): ProseFact[] {
  const sp = skillProse(facts);
  const lists: (readonly number[])[] = [];
  for (const table of tables) {
    const list = indicesFor(sp, keyOf(table));
    if (list === null) return proseFacts(facts, options);
    if (list.length > 0) lists.push(list);
  }
  const codeToo = options.includeCodeBlocks === true;
  const out: ProseFact[] = [];
  if (lists.length === 1) {
    for (const i of lists[0]!) if (codeToo || sp.isPlain[i] === 1) out.push(sp.withCode[i]!);
    return out;
  }
  if (lists.length === 0) return out;
  const marked = new Uint8Array(sp.withCode.length);
  for (const list of lists) for (const i of list) marked[i] = 1;
  for (let i = 0; i < marked.length; i++) if (marked[i] === 1 && (codeToo || sp.isPlain[i] === 1)) out.push(sp.withCode[i]!);
  return out;
}

function optionKey(o: MatchOptions): string {
  return `${o.imperative ? 'i' : ''}${o.allowNegated ? 'n' : ''}${o.quotedToo ? 'q' : ''}`;
}

const globalOf = new WeakMap<RegExp, RegExp>();

/** One pattern over one fact: the first surviving match, `teaching` when the match is taught, or null. */
function matchOne(fact: ProseFact, p: Prepared, pattern: RegExp, options: MatchOptions): ProseHit | 'teaching' | null {
  let global = globalOf.get(pattern);
  if (!global) {
    global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
    globalOf.set(pattern, global);
  }
  const hidden = fact.context.hidden === true;
  // A heading names a topic ("Bypass approvals (only in a sandboxed worker)"); it orders nothing.
  if (options.imperative && !hidden && fact.block === 'heading') return null;
  // exec on one shared global regex: matchAll would clone the regex on every call.
  global.lastIndex = 0;
  for (let m = global.exec(p.text); m !== null; m = global.exec(p.text)) {
    if (m[0].length === 0) global.lastIndex++;
    const i = sentenceIndex(p, m.index);
    const offset = p.starts[i]!;
    if (!hidden) {
      if (paragraphTeaches(fact, p) || sentenceTeaches(fact, p, i)) return 'teaching';
      if (!options.quotedToo && isQuoted(p.text, m.index, m.index + m[0].length)) continue;
    }
    if (!options.allowNegated && negation.test(p.text.slice(offset, m.index))) continue;
    if (options.imperative) {
      const start = clauseStart(p.text, offset, m.index);
      if (!isImperative(p.text.slice(start)) || possibility.test(p.text.slice(start, m.index))) continue;
    }
    return { fact, match: m[0], sentence: p.text.slice(offset, p.ends[i]).trim() };
  }
  return null;
}

/** The first match of any pattern in one fact that survives the teaching/quote/negation/mood checks. */
export function matchFact(fact: ProseFact, patterns: readonly RegExp[], options: MatchOptions = {}): ProseHit | undefined {
  const p = prepare(fact);
  // Substring tests first (exact: they skip only text no pattern can match), then one scan with the
  // whole table: most prose says none of it.
  return mayMatch(p, keyOf(patterns)) ? matchPrepared(fact, p, patterns, options) : undefined;
}

/** `matchFact` on a fact whose text holds the table's literals. */
function matchPrepared(fact: ProseFact, p: Prepared, patterns: readonly RegExp[], options: MatchOptions): ProseHit | undefined {
  const any = patterns.length > 1 ? anyOf(patterns) : undefined;
  if (any && !any.test(p.text)) return undefined;
  for (const pattern of patterns) {
    if (patterns.length > 1 && !mayMatch(p, pattern)) continue;
    const result = matchOne(fact, p, pattern, options);
    if (result === 'teaching') return undefined;
    if (result) return result;
  }
  return undefined;
}

/** The fact's text as the matcher reads it (normalised). */
export function proseText(fact: ProseFact): string {
  return prepare(fact).text;
}

const tableCache = new WeakMap<readonly RegExp[], RegExp | null>();

/** One regex that matches wherever any pattern of the table does (a superset: case is ignored). */
function anyOf(patterns: readonly RegExp[]): RegExp | undefined {
  let any = tableCache.get(patterns);
  if (any === undefined) {
    try {
      const unicode = patterns.some((r) => r.flags.includes('u'));
      any = new RegExp(patterns.map((r) => `(?:${r.source})`).join('|'), unicode ? 'iu' : 'i');
    } catch {
      any = null;
    }
    tableCache.set(patterns, any);
  }
  return any ?? undefined;
}

const findCache = new WeakMap<FactIndex, Map<readonly RegExp[], Map<string, ProseHit[]>>>();

/** Every fact's first surviving match (cached per skill for a given table and options). */
export function findProse(facts: FactIndex, patterns: readonly RegExp[], options: MatchOptions = {}): ProseHit[] {
  let byTable = findCache.get(facts);
  if (!byTable) findCache.set(facts, (byTable = new Map()));
  let byOptions = byTable.get(patterns);
  if (!byOptions) byTable.set(patterns, (byOptions = new Map()));
  const key = `${optionKey(options)}${options.includeCodeBlocks ? 'c' : ''}`;
  let hits = byOptions.get(key);
  if (!hits) {
    hits = [];
    const sp = skillProse(facts);
    const indices = indicesFor(sp, keyOf(patterns));
    const codeToo = options.includeCodeBlocks === true;
    if (indices === null) {
      for (const fact of codeToo ? sp.withCode : sp.plain) {
        const hit = matchFact(fact, patterns, options);
        if (hit) hits.push(hit);
      }
    } else {
      for (const i of indices) {
        if (!codeToo && sp.isPlain[i] !== 1) continue;
        const hit = matchPrepared(sp.withCode[i]!, sp.prepared[i]!, patterns, options);
        if (hit) hits.push(hit);
      }
    }
    byOptions.set(key, hits);
  }
  return hits;
}

/** A short quote of the match for messages. */
export function quote(hit: ProseHit): string {
  const s = hit.match.replace(/\s+/g, ' ').trim();
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
