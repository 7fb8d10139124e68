// Walks an mdast tree once and turns it into facts: prose per block with its heading path, hidden
// text (HTML comments, hidden elements, reference-definition comments, image alt text), URLs, and
// code (fenced, indented, command-like inline spans) handed to the analyzer of its language.

import type { Nodes, Parents, PhrasingContent, Root } from 'mdast';
import type { ProseFact } from '../facts.ts';
import type { AnalyzerSink } from '../types.ts';
import { codeLanguage, inlineCommandLanguage, stripPrompts } from './markdown-code.ts';
import { urlFact, urlFactsIn, oneLine } from './markdown-facts.ts';
import { hiddenHtml, isCloseTag, isHiddenOpenTag, lineAt } from './markdown-html.ts';

type Block = ProseFact['block'];

const maxProseChars = 4_000;

interface Inline {
  visible: string;
  hidden: { text: string; line: number }[];
}

export class MarkdownWalker {
  private readonly headings: string[] = [];
  /** Depth of block-level hidden elements open around the current block (`<div hidden>` … blank line … `</div>`). */
  private hiddenBlocks = 0;
  private readonly source: string;
  private readonly sink: AnalyzerSink;

  constructor(source: string, sink: AnalyzerSink) {
    this.source = source;
    this.sink = sink;
  }

  walk(root: Root): void {
    for (const child of root.children) this.block(child, 'paragraph');
  }

  private path(): string[] {
    return this.headings.filter((h) => h !== '');
  }

  private prose(text: string, line: number, block: Block, hidden = false): void {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (!clean) return;
    hidden ||= this.hiddenBlocks > 0;
    this.sink.emit({
      kind: 'prose', text: clean.slice(0, maxProseChars), block, line, evidence: oneLine(clean),
      context: hidden ? { headings: this.path(), hidden: true } : { headings: this.path() },
    });
    // Visible links are link nodes already; hidden text is not parsed, so its URLs are read here.
    if (hidden) for (const u of urlFactsIn(clean, line)) this.sink.emit({ ...u, context: { hidden: true } });
  }

  private url(raw: string, line: number, hidden = false): void {
    const fact = urlFact(raw, line, oneLine(raw), hidden || this.hiddenBlocks > 0);
    if (fact) this.sink.emit(fact);
  }

  private block(node: Nodes, block: Block): void {
    const line = node.position?.start.line ?? 1;
    switch (node.type) {
      case 'heading': {
        const text = this.inline(node, line);
        this.headings.length = Math.max(0, node.depth - 1);
        while (this.headings.length < node.depth - 1) this.headings.push('');
        this.headings.push(text.visible.replace(/\s+/g, ' ').trim());
        this.prose(text.visible, line, 'heading');
        return;
      }
      case 'paragraph':
      case 'tableCell': {
        const text = this.inline(node, line);
        this.prose(text.visible, line, node.type === 'tableCell' ? 'table' : block);
        for (const h of text.hidden) this.prose(h.text, h.line, 'other', true);
        return;
      }
      case 'html':
        if (isHiddenOpenTag(node.value)) this.hiddenBlocks++;
        else if (this.hiddenBlocks > 0 && isCloseTag(node.value)) this.hiddenBlocks--;
        this.html(node.value, line);
        return;
      case 'code':
        this.code(node.value, node.lang, node.meta, node);
        return;
      case 'definition':
        // `[//]: # (text)` and `[comment]: <> (text)` are the usual Markdown comment idioms.
        if (node.title) this.prose(node.title, line, 'other', true);
        this.url(node.url, line);
        return;
      case 'listItem':
        this.children(node, 'list-item');
        return;
      case 'blockquote':
        this.children(node, 'blockquote');
        return;
      default:
        if ('children' in node) this.children(node, block);
    }
  }

  private children(node: Parents, block: Block): void {
    for (const child of node.children) this.block(child as Nodes, block);
  }

  private html(value: string, line: number): void {
    for (const h of hiddenHtml(value)) {
      this.prose(h.text, lineAt(value, h.offset, line), h.kind === 'html-comment' ? 'html-comment' : 'other', true);
    }
    for (const m of value.matchAll(/\b(?:href|src|action)\s*=\s*["']?([a-z][a-z0-9+.-]*:\/\/[^"'\s>]+)/gi)) {
      this.url(m[1]!, lineAt(value, m.index, line));
    }
  }

  private code(value: string, tag: string | null | undefined, meta: string | null | undefined, node: Nodes): void {
    const start = node.position?.start;
    const raw = start?.offset !== undefined ? this.source.slice(start.offset, start.offset + 4).trimStart() : '';
    const fenced = raw.startsWith('```') || raw.startsWith('~~~');
    const line = (start?.line ?? 1) + (fenced ? 1 : 0);
    const lang = codeLanguage([tag, meta].filter(Boolean).join(' '), value);
    const text = lang === 'shell' || lang === 'powershell' ? stripPrompts(value) : value;
    this.sink.analyze({ text, lang, line, context: { origin: 'codeblock', headings: this.path() } });
  }

  /** Text of phrasing content; inline code is kept (in backticks), hidden spans are set apart. */
  private inline(node: Parents, line: number): Inline {
    const out: Inline = { visible: '', hidden: [] };
    let hiddenDepth = 0;
    let hiddenText = '';
    let hiddenLine = line;
    const visit = (n: PhrasingContent | Nodes) => {
      const at = n.position?.start.line ?? line;
      const put = (s: string) => {
        if (hiddenDepth > 0) hiddenText += s;
        else out.visible += s;
      };
      switch (n.type) {
        case 'text':
          put(n.value);
          return;
        case 'inlineCode': {
          put(`\`${n.value}\``);
          const lang = inlineCommandLanguage(n.value);
          if (lang) this.sink.analyze({ text: n.value, lang, line: at, context: { origin: 'inline-code', headings: this.path() } });
          return;
        }
        case 'break':
          put(' ');
          return;
        case 'image':
        case 'imageReference':
          if (n.alt) out.hidden.push({ text: n.alt, line: at });
          if (n.type === 'image') this.url(n.url, at);
          return;
        case 'link':
          this.url(n.url, at, hiddenDepth > 0);
          break;
        case 'html':
          for (const h of hiddenHtml(n.value)) out.hidden.push({ text: h.text, line: at });
          if (isHiddenOpenTag(n.value)) {
            if (hiddenDepth++ === 0) {
              hiddenText = '';
              hiddenLine = at;
            }
          } else if (hiddenDepth > 0 && isCloseTag(n.value) && --hiddenDepth === 0) {
            out.hidden.push({ text: hiddenText, line: hiddenLine });
          }
          return;
        default:
          break;
      }
      if ('children' in n) for (const c of n.children) visit(c as PhrasingContent);
    };
    for (const c of node.children) visit(c as PhrasingContent);
    if (hiddenDepth > 0 && hiddenText.trim()) out.hidden.push({ text: hiddenText, line: hiddenLine });
    return out;
  }
}
