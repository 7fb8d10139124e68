// A prose fact's text as the matcher reads it, prepared once per fact and shared by every rule:
// normalised (invisible format characters removed, NFKC), lower-cased and scanned for the literal
// prefilters on the first question, split into sentences only when a pattern matches in it (most
// texts match none), with a per-sentence memory of the teaching check.

import type { FactOf } from '../../facts.ts';
import { literalSetId, scanLiterals, type LiteralScan } from '../common/literal-scan.ts';
import { containsAny, lowerForLiterals, requiredLiterals, requiredLiteralsOfAll } from '../common/required-literals.ts';

export type ProseFact = FactOf<'prose'>;

export interface Prepared {
  text: string;
  /** Start offsets of sentences, ascending; the first is 0. Empty until split (`sentenceIndex`). */
  starts: number[];
  /** End offsets (exclusive) of the same sentences. */
  ends: number[];
  /** The whole paragraph reads as teaching (heading or a paragraph-level cue); undefined until asked. */
  teaching?: boolean;
  /** Per sentence: undefined until asked. */
  sentenceTeaching: (boolean | undefined)[];
  /** `text` lower-cased for the literal prefilters, and the literal sets it touches; undefined until asked. */
  lower?: string;
  scan?: LiteralScan;
}

/** Invisible format characters that split words without showing: removed before matching. */
const invisibleFormat = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufe00-\ufe0f]|[\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/gu;
const nonAscii = /[^\x00-\x7f]/;

/** Text without invisible format characters, in NFKC (full-width letters read as ASCII). */
export function normaliseProse(text: string): string {
  // Every invisible format character is outside ASCII, and NFKC leaves ASCII as it is: plain
  // ASCII text (most prose) is its own normal form, found with one scan.
  if (!nonAscii.test(text)) return text;
  const stripped = text.replace(invisibleFormat, '');
  return nonAscii.test(stripped) ? stripped.normalize('NFKC') : stripped;
}

const prepared = new WeakMap<ProseFact, Prepared>();

export function prepare(fact: ProseFact): Prepared {
  let p = prepared.get(fact);
  if (p) return p;
  p = { text: normaliseProse(fact.text), starts: [], ends: [], sentenceTeaching: [] };
  prepared.set(fact, p);
  return p;
}

/** A sentence ends at . ! ? ; before white space (or the end), or at a CJK terminator. */
export const terminator = /[.!?;](?=\s|$)|[。！？；]/g;

/** Splits the text into sentences, once, on the first match. */
function split(p: Prepared): void {
  const { text, starts, ends } = p;
  starts.push(0);
  terminator.lastIndex = 0;
  for (let m = terminator.exec(text); m !== null; m = terminator.exec(text)) {
    ends.push(m.index + m[0].length);
    let next = m.index + m[0].length;
    while (next < text.length && /\s/.test(text[next]!)) next++;
    starts.push(next);
  }
  ends.push(text.length);
}

/** Index of the sentence holding `index` (binary search over the starts); splits the text first if needed. */
export function sentenceIndex(p: Prepared, index: number): number {
  if (p.starts.length === 0) split(p);
  let lo = 0;
  let hi = p.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (p.starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface Prefilter {
  literals: readonly string[];
  /** The set's id in the literal scan; undefined when the scan's index is full. */
  id: number | undefined;
}

/** A pattern, or a table of patterns asked as one (a one-pattern table is asked as its pattern). */
export type PatternKey = RegExp | readonly RegExp[];

const prefilters = new WeakMap<PatternKey, Prefilter | null>();

/** The literal prefilter of one pattern or a table (see required-literals.ts), or null: always run it. */
export function prefilterOf(key: PatternKey): Prefilter | null {
  let f = prefilters.get(key);
  if (f === undefined) {
    const literals = key instanceof RegExp ? requiredLiterals(key) : requiredLiteralsOfAll(key);
    f = literals ? { literals, id: literalSetId(literals) } : null;
    prefilters.set(key, f);
  }
  return f;
}

/** The text holds one of the prefilter's literals (exact: false only when no pattern behind it can match). */
export function touches(p: Prepared, f: Prefilter): boolean {
  p.lower ??= lowerForLiterals(p.text);
  if (f.id === undefined) return containsAny(p.lower, f.literals);
  // One pass finds every registered table's literals; a table first seen after it needs another.
  if (!p.scan || f.id >= p.scan.version) p.scan = scanLiterals(p.lower);
  return p.scan.touched[f.id] === 1;
}

/** The text may hold a match of `key`: false only when it lacks every literal the patterns require. */
export function mayMatch(p: Prepared, key: PatternKey): boolean {
  const f = prefilterOf(key);
  return !f || touches(p, f);
}
