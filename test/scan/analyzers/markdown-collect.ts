// Runs one of the prose analyzers over a text and records what it emits and what it hands on.

import type { FactDraft, Lang } from '../../../src/scan/facts.ts';
import type { Analyzer } from '../../../src/scan/types.ts';

export interface Collected {
  facts: FactDraft[];
  embedded: { text: string; lang: Lang; line: number; origin?: string; headings?: string[] }[];
}

export function collect(analyzer: Analyzer, text: string, file = 'SKILL.md'): Collected {
  const out: Collected = { facts: [], embedded: [] };
  analyzer.analyze({ file, text, lang: analyzer.lang, context: { lang: analyzer.lang, origin: 'prose', headings: [] } }, {
    emit: (f) => out.facts.push(f),
    analyze: (e) => out.embedded.push({ text: e.text, lang: e.lang, line: e.line, origin: e.context?.origin, headings: e.context?.headings }),
  });
  return out;
}

export function prose(c: Collected) {
  return c.facts.flatMap((f) => (f.kind === 'prose' ? [f] : []));
}

export function urls(c: Collected) {
  return c.facts.flatMap((f) => (f.kind === 'url' ? [f] : []));
}
