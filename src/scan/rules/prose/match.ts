// Finding instructions in prose without flagging prose ABOUT instructions. A phrase counts only
// when it is said, not quoted or taught: not under a heading that teaches about attacks, not in a
// paragraph that discusses attacks ("attackers may write…", "for example"), not inside quotes, not
// negated ("never share your recovery phrase"), and, for rules that ask for it, in a sentence in
// the imperative rather than one describing what a program does ("the script runs silently").
// Hidden text (HTML comments, hidden elements) gets none of the teaching exemptions: nobody hides
// a lesson from the reader.

import type { FactOf } from '../../facts.ts';
import type { FactIndex } from '../../types.ts';
import { isTeaching } from '../common/context.ts';

export type ProseFact = FactOf<'prose'>;

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
}

/** Cues that a whole paragraph discusses attacks (checked over the paragraph). */
const teachingCue = /\b(?:attackers?|adversar(?:y|ies|ial)|malicious|prompt injections?|injection attacks?|jailbreaks?|phishing|scams?|scammers?|red[- ]team\w*|detect(?:s|ed|ion|ors?|ing)?|scanners?|heuristics?|e\.g\.|for example|for instance|(?<![\w.@/-])examples?(?!\.?\w|-)|social engineering|legitimate \w+ (?:will|would) never)\b|攻击|恶意|注入|示例|例如|检测|钓鱼|诈骗/i;

/** Weaker cues that count only in the sentence of the match. */
const sentenceCue = /\b(?:such as|patterns?|flag(?:s|ged)?|beware|watch out|be careful|be wary|suspicious|threats?|guardrails?|defen[cs]es?|tricks?|warning signs?|dangerous|risky|unsafe|may (?:try|attempt)|might (?:try|attempt)|(?:try|attempt)s? to (?:trick|make|get))\b|警惕/i;

/** Headings (beyond the shared teaching ones) under which prose describes risks rather than instructs. */
const teachingHeading = /\b(?:warnings?|injections?|defen[cs]es?|warning signs|red flags?|risks?|security (?:notes?|considerations|model)|safety|threat model|what to avoid|pitfalls|how (?:it|attacks?) works?)\b|警告|风险|注意事项|安全须知/i;

const defensiveConditional = /\b(?:if|when|whenever)\s+(?:a|an|the|any|some)?\s*(?:web\s?page|page|document|website|site|email|message|content|input|text|file|tool(?: output)?|result|someone|anyone|third[- ]party)\b[^.]{0,80}\b(?:says?|tells?|asks?|contains?|instructs?|includes?|requests?)\b/i;

const negation = /\b(?:never|not|don'?t|doesn'?t|won'?t|shouldn'?t|mustn'?t|cannot|can'?t|no one|nobody|avoid|refuse|without)\b|不要|切勿|绝不|永远不|禁止|不会|不得/i;

const descriptiveSubject = /^(?:this|the|it|that|these|those|our|its|a|an|each|every|which|who)\b(?:\s+[\w.'`-]+){0,4}?\s+(?:runs?|works?|operates?|is|are|was|were|will|would|can|could|may|might|does|do|did|has|have|had|happens?|executes?|installs?|fails?|skips?|exits?|returns?|logs?|sends?|writes?|reads?|uses?|handles?|keeps?|stays?)\b/i;

const bullet = /^(?:[-*+•]|\d+[.)]|step\s+\d+[:.)]?|(?:\*\*)?(?:important|note|nb|system|instructions?|rule|task|todo)(?:\*\*)?\s*[:：])\s*/i;

/** The sentence of `text` that contains position `index`. */
export function sentenceAt(text: string, index: number): { sentence: string; offset: number } {
  let start = 0;
  for (const m of text.slice(0, index).matchAll(/[.!?。！？；;]\s+|[。！？；]/g)) start = m.index + m[0].length;
  const rest = /[.!?](?:\s|$)|[。！？；;]/.exec(text.slice(index));
  const end = rest ? index + rest.index + 1 : text.length;
  return { sentence: text.slice(start, end), offset: start };
}

/** The match lies inside a quotation ("…", “…”, 「…」, a `…` span with spaces, or '…' not used as an apostrophe). */
export function isQuoted(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 200), start);
  const after = text.slice(end, end + 300);
  const pairs: [RegExp, RegExp][] = [
    [/"[^"]*$/, /^[^"]*"/], [/“[^”]*$/, /^[^“]*”/], [/「[^」]*$/, /^[^「]*」/], [/『[^』]*$/, /^[^『]*』/],
    // Backticks quote only a phrase: `~/.ssh/id_rsa` in an instruction is a path, not a quotation.
    [/`[^`]*\s[^`]*$/, /^[^`]*`/], [/`[^`]*$/, /^[^`]*\s[^`]*`/], [/(?:^|[\s(:])'[^']*$/, /^[^']*'(?:[\s).,;:!?]|$)/],
  ];
  return pairs.some(([open, close]) => open.test(before) && close.test(after));
}

/** The clause of a sentence that holds position `index`: after the last comma, semicolon or "so/and/then/but". */
export function clauseBefore(text: string, sentenceStart: number, index: number): string {
  const prefix = text.slice(sentenceStart, index);
  let cut = 0;
  for (const m of prefix.matchAll(/[,;:—]\s*|\b(?:so|and|then|but)\s+/gi)) cut = m.index + m[0].length;
  return text.slice(sentenceStart + cut);
}

/** The sentence tells someone to do something, rather than describing what a program does. */
export function isImperative(sentence: string): boolean {
  let s = sentence.trim().replace(/^[*_>#\s]+/, '');
  for (let i = 0; i < 3 && bullet.test(s); i++) s = s.replace(bullet, '').replace(/^[*_\s]+/, '');
  return !descriptiveSubject.test(s);
}

/** The text around a fact reads as teaching or defence rather than as an instruction. */
export function readsAsTeaching(fact: ProseFact, sentence: string): boolean {
  if (fact.context.hidden) return false;
  if (isTeaching(fact.context) || fact.context.headings.some((h) => teachingHeading.test(h))) return true;
  return teachingCue.test(sentence) || sentenceCue.test(sentence) || defensiveConditional.test(fact.text) || (fact.text.length < 600 && teachingCue.test(fact.text));
}

/** Prose facts a prose rule should read. */
export function proseFacts(facts: FactIndex, options: MatchOptions = {}): ProseFact[] {
  return facts.of('prose').filter((f) => f.context.hidden || options.includeCodeBlocks || (f.context.origin !== 'codeblock' && f.context.origin !== 'decoded'));
}

/** The first match of any pattern in one fact that survives the teaching/quote/negation/mood checks. */
export function matchFact(fact: ProseFact, patterns: readonly RegExp[], options: MatchOptions = {}): ProseHit | undefined {
  for (const pattern of patterns) {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
    for (const m of fact.text.matchAll(global)) {
      const { sentence, offset } = sentenceAt(fact.text, m.index);
      if (!fact.context.hidden) {
        if (readsAsTeaching(fact, sentence)) return undefined;
        if (isQuoted(fact.text, m.index, m.index + m[0].length)) continue;
      }
      if (!options.allowNegated && negation.test(fact.text.slice(offset, m.index))) continue;
      if (options.imperative && !isImperative(clauseBefore(fact.text, offset, m.index))) continue;
      return { fact, match: m[0], sentence: sentence.trim() };
    }
  }
  return undefined;
}

/** Every fact's first surviving match. */
export function findProse(facts: FactIndex, patterns: readonly RegExp[], options: MatchOptions = {}): ProseHit[] {
  const hits: ProseHit[] = [];
  for (const fact of proseFacts(facts, options)) {
    const hit = matchFact(fact, patterns, options);
    if (hit) hits.push(hit);
  }
  return hits;
}

/** A short quote of the match for messages. */
export function quote(hit: ProseHit): string {
  const s = hit.match.replace(/\s+/g, ' ').trim();
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
