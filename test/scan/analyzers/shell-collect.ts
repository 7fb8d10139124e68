// Runs one analyzer over a text and returns its facts (nested analyses recorded, not run).

import type { FactDraft, Lang } from '../../../src/scan/facts.ts';
import type { Analyzer } from '../../../src/scan/types.ts';

export interface Collected {
  facts: FactDraft[];
  nested: { text: string; lang: Lang; line: number; origin?: string }[];
}

export async function collector(analyzer: Analyzer): Promise<(text: string) => Collected> {
  await analyzer.prepare?.();
  return (text: string) => {
    const out: Collected = { facts: [], nested: [] };
    analyzer.analyze(
      { file: 'x', text, lang: analyzer.lang, context: { lang: analyzer.lang, origin: 'code', headings: [] } },
      {
        emit: (f) => out.facts.push(f),
        analyze: (e) => out.nested.push({ text: e.text, lang: e.lang, line: e.line, ...(e.context?.origin ? { origin: e.context.origin } : {}) }),
      },
    );
    return out;
  };
}

/** Facts of one kind without evidence, for compact comparison. */
export function ofKind(c: Collected, kind: FactDraft['kind']): Record<string, unknown>[] {
  return c.facts.filter((f) => f.kind === kind).map(({ evidence: _e, kind: _k, ...rest }) => rest);
}
