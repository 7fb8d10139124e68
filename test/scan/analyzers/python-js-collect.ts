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
