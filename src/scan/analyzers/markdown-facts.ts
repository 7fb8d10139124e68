// Fact drafts shared by the Markdown and text analyzers: one-line evidence and URL facts.

import type { FactDraft } from '../facts.ts';

const urlPattern = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`)\]}]+/gi;

export function oneLine(text: string): string {
  return oneLineOfFlat(flatten(text));
}

/** White space other than a single space between words: where `flatten` has something to change. */
const notFlat = /^\s|\s$|[^\S ]| {2}/;

/**
 * The text with white-space runs made one space, trimmed (`text.replace(/\s+/g, ' ').trim()`). Most
 * prose is flat already (markdown-it's inline text has single spaces and no line breaks) and is
 * returned as it is, without building a copy.
 */
export function flatten(text: string): string {
  return notFlat.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/** `oneLine` of a text already flat (white space runs made one space, trimmed), without a second pass over it. */
export function oneLineOfFlat(flat: string): string {
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
}

/** The URL as a `url` fact draft, or undefined when it is not an absolute network URL. */
export function urlFact(raw: string, line: number, evidence: string, hidden = false): FactDraft | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\//i.exec(raw.trim());
  if (!m) return undefined;
  let host: string;
  try {
    host = new URL(raw.trim()).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return undefined;
  }
  if (!host) return undefined;
  return { kind: 'url', url: raw.trim(), host, scheme: m[1]!.toLowerCase(), line, evidence, ...(hidden ? { context: { hidden } } : {}) };
}

/** Every absolute URL in `text` as `url` facts, lines counted from `firstLine`. */
export function urlFactsIn(text: string, firstLine: number): FactDraft[] {
  const facts: FactDraft[] = [];
  if (!text.includes('://')) return facts;
  text.split('\n').forEach((line, i) => {
    if (!line.includes('://')) return;
    // One evidence per line, shared: a long line of many URLs must not be flattened once per URL.
    const evidence = oneLine(line);
    for (const m of line.matchAll(urlPattern)) {
      const fact = urlFact(m[0].replace(/[.,;:!?]+$/, ''), firstLine + i, evidence);
      if (fact) facts.push(fact);
    }
  });
  return facts;
}
