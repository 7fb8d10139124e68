// Test helper for the Python, JavaScript and manifest analyzers: runs one analyzer over a text with a
// recording sink and returns the facts it emitted and the embedded texts it handed on (not analysed
// further, so each analyzer is tested on its own).

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

/** Deterministic pseudo-random generator (mulberry32) for fuzz inputs. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` garbled inputs built from `corpus`: random bytes, truncations, token shuffles, deep
 * nesting, and splices of corpus pieces; deterministic for a seed.
 */
export function fuzzInputs(corpus: readonly string[], count: number, seed: number): string[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const base = pick(corpus);
    switch (i % 6) {
      case 0:
        out.push(Array.from({ length: Math.floor(rnd() * 400) }, () => String.fromCharCode(Math.floor(rnd() * 0x3000))).join(''));
        break;
      case 1:
        out.push(base.slice(0, Math.floor(rnd() * base.length)));
        break;
      case 2: {
        const tokens = base.split(/(\s+|[()[\]{},.'"`])/);
        for (let j = 0; j < tokens.length; j++) {
          const k = Math.floor(rnd() * tokens.length);
          [tokens[j], tokens[k]] = [tokens[k]!, tokens[j]!];
        }
        out.push(tokens.join(''));
        break;
      }
      case 3: {
        const depth = 50 + Math.floor(rnd() * 3000);
        const open = pick(['(', '[', '{', 'f(', 'a.b(', '"${', '`${', 'x + ']);
        out.push(open.repeat(depth) + base + pick([')', ']', '}', '']).repeat(depth));
        break;
      }
      case 4:
        out.push(Array.from({ length: 5 }, () => pick(corpus).slice(Math.floor(rnd() * 50))).join(pick(['\n', ';', ' ', '\\\n'])));
        break;
      default: {
        const chars = [...base];
        for (let j = 0; j < 10; j++) chars[Math.floor(rnd() * chars.length)] = pick(['\0', '\\', '"', "'", '\n', '{', '}', '\u202e', '\uFFFD', '#']);
        out.push(chars.join(''));
      }
    }
  }
  return out;
}
