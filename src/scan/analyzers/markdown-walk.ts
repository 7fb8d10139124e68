// Walks markdown-it's token stream once and turns it into facts: prose per block with its heading
// path, hidden text (HTML comments, hidden elements, reference-definition comments, image alt text),
// URLs, and code (fenced, indented, command-like inline spans) handed to the analyzer of its language.
//
// Lines are 1-based in the text the parser saw (the frontmatter is blanked, not cut, so they are
// the file's lines): a block's line is its `map[0] + 1`, a fenced block's code starts one line
// later, a table cell is on its row's line, and inline facts are placed by markdown-inline.ts.

import type { Token } from 'markdown-it';
import type { ProseFact } from '../facts.ts';
import type { AnalyzerSink } from '../types.ts';
import { codeLanguage, stripPrompts } from './markdown-code.ts';
import { flatten, oneLine, oneLineOfFlat, urlFact, urlFactsIn } from './markdown-facts.ts';
import { hiddenHtml, isCloseTag, isHiddenOpenTag, lineIndex } from './markdown-html.ts';
import { readInline, type InlineSink } from './markdown-inline.ts';
import { referenceDefinition, type ParsedMarkdown } from './markdown-parser.ts';

type Block = ProseFact['block'];

const maxProseChars = 4_000;
const taskMarker = /^\s*\[[ xX]\]\s+/;
const urlAttribute = /\b(?:href|src|action)\s*=\s*["']?([a-z][a-z0-9+.-]*:\/\/[^"'\s>]+)/gi;

export class MarkdownWalker {
  private readonly headings: string[] = [];
  /** Depth of block-level hidden elements open around the current block (`<div hidden>` … blank line … `</div>`). */
  private hiddenBlocks = 0;
  /** Innermost list item or blockquote around the current block. */
  private readonly containers: Block[] = [];
  private rowLine = 1;
  private readonly sink: AnalyzerSink;
  private readonly inlineSink: InlineSink;

  constructor(sink: AnalyzerSink) {
    this.sink = sink;
    this.inlineSink = {
      url: (raw, line, hidden) => this.url(raw, line, hidden),
      command: (text, lang, line) => this.sink.analyze({ text, lang, line, context: { origin: 'inline-code', headings: this.path() } }),
    };
  }

  /** `source` is the text that was parsed; it is only read for lines too deeply nested to parse. */
  walk(parsed: ParsedMarkdown, source: string): void {
    const tokens = parsed.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const line = (t.map?.[0] ?? 0) + 1;
      switch (t.type) {
        case 'inline':
          this.inline(t, tokens[i - 1], tokens[i - 2]);
          break;
        case 'list_item_open':
          this.containers.push('list-item');
          break;
        case 'blockquote_open':
          this.containers.push('blockquote');
          break;
        case 'list_item_close':
        case 'blockquote_close':
          this.containers.pop();
          break;
        case 'tr_open':
          this.rowLine = line;
          break;
        case 'html_block':
          if (isHiddenOpenTag(t.content)) this.hiddenBlocks++;
          else if (this.hiddenBlocks > 0 && isCloseTag(t.content)) this.hiddenBlocks--;
          this.html(t.content, line);
          break;
        case 'fence':
          this.code(t.content, t.info, line + 1);
          break;
        case 'code_block':
          this.code(t.content, '', line);
          break;
        case 'reference_definition': {
          // `[//]: # (text)` and `[comment]: <> (text)` are the usual Markdown comment idioms.
          const def = referenceDefinition(t);
          if (def?.title) this.prose(def.title, line, 'other', true);
          if (def) this.url(def.href, line);
          break;
        }
        default:
          break;
      }
    }
    if (parsed.truncated.length > 0) this.truncated(parsed.truncated, source);
  }

  private path(): string[] {
    return this.headings.filter((h) => h !== '');
  }

  private prose(text: string, line: number, block: Block, hidden = false): void {
    const clean = flatten(text);
    if (!clean) return;
    hidden ||= this.hiddenBlocks > 0;
    this.sink.emit({
      kind: 'prose', text: clean.slice(0, maxProseChars), block, line, evidence: oneLineOfFlat(clean),
      context: hidden ? { headings: this.path(), hidden: true } : { headings: this.path() },
    });
    // Visible links are link tokens already; hidden text is not parsed, so its URLs are read here.
    if (hidden) for (const u of urlFactsIn(clean, line)) this.sink.emit({ ...u, context: { hidden: true } });
  }

  private url(raw: string, line: number, hidden = false): void {
    const fact = urlFact(raw, line, oneLine(raw), hidden || this.hiddenBlocks > 0);
    if (fact) this.sink.emit(fact);
  }

  /** A paragraph, heading or table cell, told apart by the tokens that open it. */
  private inline(t: Token, open: Token | undefined, outer: Token | undefined): void {
    const cell = open?.type === 'th_open' || open?.type === 'td_open';
    const line = cell ? this.rowLine : (t.map?.[0] ?? 0) + 1;
    const text = readInline(t, line, this.inlineSink);
    if (open?.type === 'heading_open') {
      const depth = Number(open.tag.slice(1)) || 1;
      this.headings.length = Math.min(this.headings.length, depth - 1);
      while (this.headings.length < depth - 1) this.headings.push('');
      this.headings.push(flatten(text.visible));
      this.prose(text.visible, line, 'heading');
    } else {
      const block = cell ? 'table' : (this.containers.at(-1) ?? 'paragraph');
      // A GFM task item's `[ ]` / `[x]` is a checkbox, not words.
      const visible = outer?.type === 'list_item_open' ? text.visible.replace(taskMarker, '') : text.visible;
      this.prose(visible, line, block);
    }
    for (const h of text.hidden) this.prose(h.text, h.line, 'other', true);
  }

  private html(value: string, line: number): void {
    const lineOf = lineIndex(value, line);
    for (const h of hiddenHtml(value)) this.prose(h.text, lineOf(h.offset), h.kind === 'html-comment' ? 'html-comment' : 'other', true);
    for (const m of value.matchAll(urlAttribute)) this.url(m[1]!, lineOf(m.index));
  }

  private code(content: string, info: string, line: number): void {
    const value = content.endsWith('\n') ? content.slice(0, -1) : content;
    const lang = codeLanguage(info, value);
    const text = lang === 'shell' || lang === 'powershell' ? stripPrompts(value) : value;
    this.sink.analyze({ text, lang, line, context: { origin: 'codeblock', headings: this.path() } });
  }

  /**
   * Containers nested deeper than the parser goes are not parsed: their lines (quote markers cut)
   * go to the text analyzer, so what they say is still read.
   */
  private truncated(ranges: [number, number][], source: string): void {
    const lines = source.split('\n');
    for (const [start, end] of ranges) {
      const text = lines.slice(start, end).map((l) => l.replace(/^[\s>]*/, '')).join('\n');
      this.sink.analyze({ text, lang: 'text', line: start + 1, context: { origin: 'prose', headings: this.path() } });
    }
  }
}
