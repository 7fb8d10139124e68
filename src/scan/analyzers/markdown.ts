// The Markdown analyzer: SKILL.md and any other .md file. A real CommonMark + GFM parser
// (markdown-it, set up in markdown-parser.ts) gives tokens with line positions; the walk in
// markdown-walk.ts turns them into prose, URL and hidden-text facts and hands code to its analyzer.
// markdown-it was chosen over mdast-util-from-markdown for speed: about 20x faster on the same
// text, which the 10,000-skill scan budget needs.
//
// The engine passes the whole file, frontmatter included: the frontmatter is blanked out (so lines
// stay right) and only its description becomes prose (block 'frontmatter'), plus its URLs.

import { parse as parseYaml } from 'yaml';
import type { AnalyzeInput, Analyzer, AnalyzerSink } from '../types.ts';
import { oneLineOfFlat, urlFactsIn } from './markdown-facts.ts';
import { parseMarkdown } from './markdown-parser.ts';
import { MarkdownWalker } from './markdown-walk.ts';

interface Split {
  /** The text with the frontmatter lines blanked. */
  body: string;
  /** The frontmatter's lines without the fences, starting at line 2. */
  frontmatter?: string;
}

export function splitFrontmatter(text: string): Split {
  const open = /^\ufeff?---[ \t]*\r?\n/.exec(text);
  if (!open) return { body: text };
  const close = /^(?:---|\.\.\.)[ \t]*\r?$/m;
  const rest = text.slice(open[0].length);
  const end = close.exec(rest);
  if (!end) return { body: text };
  const frontmatter = rest.slice(0, end.index);
  const afterClose = rest.indexOf('\n', end.index);
  const consumed = open[0].length + (afterClose === -1 ? rest.length : afterClose);
  const blanked = '\n'.repeat(text.slice(0, consumed).split('\n').length - 1);
  return { body: blanked + text.slice(consumed), frontmatter };
}

/**
 * A top-level `description:` whose value is one plain line (no quote, block indicator, anchor, tag,
 * flow collection or comment, not continued on the next line): what the YAML parser would give,
 * and what the fallback below reads when the YAML is broken. The loader has already parsed this
 * frontmatter once; most SKILL.md files need no second parse.
 */
const plainDescription = /^description[ \t]*:[ \t]*(?:"([^"\\\n]*)"|'([^'\n]*)'|([^\s|>"'&*!%@`[{#,?:-][^\n]*?))[ \t]*\n(?![ \t])/m;

function description(frontmatter: string): string | undefined {
  const plain = plainDescription.exec(`${frontmatter}\n`);
  const value = plain?.[1] ?? plain?.[2] ?? (plain?.[3] !== undefined && !/\s#|:\s|:$/.test(plain[3]) ? plain[3] : undefined);
  if (value !== undefined && (frontmatter.match(/^description[ \t]*:/gm)?.length ?? 0) === 1) return value;
  try {
    const data: unknown = parseYaml(frontmatter, { maxAliasCount: 10 });
    if (data && typeof data === 'object' && typeof (data as Record<string, unknown>).description === 'string') {
      return (data as Record<string, string>).description;
    }
  } catch {
    // Broken YAML: fall back to the single-line form OpenClaw's own fallback reads.
  }
  return /^description\s*:\s*(.+)$/m.exec(frontmatter)?.[1]?.replace(/^["']|["']$/g, '');
}

function emitFrontmatter(frontmatter: string, sink: AnalyzerSink): void {
  const lines = frontmatter.split('\n');
  const descLine = lines.findIndex((l) => /^description\s*:/.test(l));
  const desc = description(frontmatter);
  if (desc?.trim()) {
    const text = desc.replace(/\s+/g, ' ').trim();
    sink.emit({
      kind: 'prose', text: text.slice(0, 4_000), block: 'frontmatter', line: descLine === -1 ? 2 : descLine + 2,
      evidence: oneLineOfFlat(text), context: { origin: 'frontmatter', headings: [] },
    });
  }
  for (const fact of urlFactsIn(frontmatter, 2)) sink.emit({ ...fact, context: { origin: 'frontmatter', headings: [] } });
}

export const markdownAnalyzer: Analyzer = {
  lang: 'markdown',
  analyze(input: AnalyzeInput, sink: AnalyzerSink): void {
    const { body, frontmatter } = splitFrontmatter(input.text);
    if (frontmatter !== undefined) emitFrontmatter(frontmatter, sink);
    new MarkdownWalker(sink).walk(parseMarkdown(body), body);
  },
};
