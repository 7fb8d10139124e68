// Test helper for the Python, JavaScript and manifest analyzers: runs one analyzer over a text with a
// recording sink and returns the facts it emitted and the embedded texts it handed on (not analysed
// further, so each analyzer is tested on its own).

import fc from 'fast-check';
import type { FactDraft, Lang } from '../../../src/scan/facts.ts';
import type { Analyzer } from '../../../src/scan/types.ts';

export interface Embedded {
  text: string;
  lang: Lang;
  line: number;
  origin?: string;
}

export interface Collected {
  facts: FactDraft[];
  embedded: Embedded[];
  of<K extends FactDraft['kind']>(kind: K): Extract<FactDraft, { kind: K }>[];
}

export async function collect(analyzer: Analyzer, text: string, file = 'scripts/run.py'): Promise<Collected> {
  await analyzer.prepare?.();
  const facts: FactDraft[] = [];
  const embedded: Embedded[] = [];
  analyzer.analyze(
    { file, text, lang: analyzer.lang, context: { lang: analyzer.lang, origin: 'code', headings: [] } },
    {
      emit: (fact) => facts.push(fact),
      analyze: (e) => embedded.push({ text: e.text, lang: e.lang, line: e.line, ...(e.context?.origin ? { origin: e.context.origin } : {}) }),
    },
  );
  return { facts, embedded, of: (kind) => facts.filter((f) => f.kind === kind) as never };
}

/** Facts without evidence and context, for compact deep-equal assertions. */
export function strip<T extends object>(facts: readonly T[]): Omit<T, 'evidence' | 'context'>[] {
  return facts.map((f) => {
    const { evidence: _e, context: _c, ...rest } = f as T & { evidence?: unknown; context?: unknown };
    return rest;
  });
}

/** `actual` has every key of `expected` with a deep-equal value (other keys are ignored). */
export function matches(actual: unknown, expected: unknown): boolean {
  if (expected === null || typeof expected !== 'object') return Object.is(actual, expected);
  if (typeof actual !== 'object' || actual === null) return false;
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => matches(actual[i], e));
  }
  return Object.entries(expected).every(([k, v]) => matches((actual as Record<string, unknown>)[k], v));
}

export interface Case {
  name: string;
  code: string;
  file?: string;
  /** Facts that must be emitted (partial match). */
  facts?: object[];
  /** Facts that must not be emitted (partial match). */
  not?: object[];
  /** Embedded texts that must be handed on (partial match). */
  embedded?: Partial<Embedded>[];
}

/**
 * `count` garbled inputs built from `corpus` with fast-check (seeded, so runs repeat): random
 * Unicode, truncations, token shuffles, deep nesting and splices of corpus pieces.
 */
export function fuzzInputs(corpus: readonly string[], count: number, seed: number): string[] {
  const piece = fc.constantFrom(...corpus);
  const garbled = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc.tuple(piece, fc.nat()).map(([s, n]) => s.slice(0, n % (s.length + 1))),
    fc.tuple(piece, fc.array(fc.nat(), { maxLength: 40 })).map(([s, swaps]) => {
      const tokens = s.split(/(\s+|[()[\]{},.'"`])/);
      for (const k of swaps) {
        const a = k % tokens.length;
        const b = (k * 7 + 3) % tokens.length;
        [tokens[a], tokens[b]] = [tokens[b]!, tokens[a]!];
      }
      return tokens.join('');
    }),
    fc.tuple(piece, fc.integer({ min: 50, max: 3000 }), fc.constantFrom('(', '[', '{', 'f(', 'a.b(', '"${', '`${', 'x + ')).map(([s, depth, open]) => open.repeat(depth) + s + ')]}'.repeat(depth)),
    fc.array(fc.tuple(piece, fc.nat(60)).map(([s, n]) => s.slice(n)), { minLength: 2, maxLength: 6 }).map((xs) => xs.join('\n')),
    fc.tuple(piece, fc.array(fc.tuple(fc.nat(), fc.constantFrom('\0', '\\', '"', "'", '\n', '{', '}', '\u202e', '\uFFFD', '#')), { maxLength: 12 })).map(([s, edits]) => {
      const chars = [...s];
      for (const [at, ch] of edits) if (chars.length) chars[at % chars.length] = ch;
      return chars.join('');
    }),
  );
  return fc.sample(garbled, { numRuns: count, seed });
}
