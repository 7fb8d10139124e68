// The inline content of one block (paragraph, heading, table cell): its visible text, the text a
// rendered view hides (spans hidden by an attribute or a style, HTML comments, image alt text, link titles) and
// the URLs and command-like code spans in it, each on its own line.
//
// Lines: a child token's line is its block's first line plus the newlines before the offset the
// parser recorded for it (markdown-parser.ts). Tokens made after parsing (bare-URL links) have no
// offset and take the line of the token before them, which is theirs: plain text never spans lines.

import type { Token } from 'markdown-it';
import { inlineCommandLanguage } from './markdown-code.ts';
import { hiddenHtml, isCloseTag, isHiddenOpenTag, lineIndex } from './markdown-html.ts';
import { inlineOffset } from './markdown-parser.ts';

export interface InlineText {
  visible: string;
  hidden: { text: string; line: number }[];
}

export interface InlineSink {
  url(raw: string, line: number, hidden: boolean): void;
  /** A code span that reads as a command, for the analyzer of `lang`. */
  command(code: string, lang: 'shell' | 'powershell', line: number): void;
}

/** Bare URLs count only with a scheme (GFM's autolink literals), not `mailto:` or `notes.md`. */
const bareUrl = /^[a-z][a-z0-9+.-]*:\/\//i;
/** GFM's `www.` autolink literal, which the parser's linkify (scheme URLs only) leaves as text. */
const wwwLink = /(?:^|[\s*_~(])(www\.[^\s<]+)/gi;

/** Plain text of an image's alt children. */
function altText(children: Token[] | null): string {
  let alt = '';
  for (const c of children ?? []) {
    if (c.type === 'image') alt += altText(c.children);
    else if (c.type === 'softbreak' || c.type === 'hardbreak') alt += ' ';
    else alt += c.content;
  }
  return alt;
}

export function readInline(inline: Token, firstLine: number, sink: InlineSink): InlineText {
  const out: InlineText = { visible: '', hidden: [] };
  const lineOf = lineIndex(inline.content, firstLine);
  const children = inline.children ?? [];
  let line = firstLine;
  let hiddenDepth = 0;
  let hiddenText = '';
  let hiddenLine = firstLine;
  let linkDepth = 0;
  const put = (s: string) => {
    if (hiddenDepth > 0) hiddenText += s;
    else out.visible += s;
  };
  for (let i = 0; i < children.length; i++) {
    const t = children[i]!;
    const offset = inlineOffset(t);
    if (offset !== undefined) line = lineOf(offset);
    switch (t.type) {
      case 'text':
        put(t.content);
        if (linkDepth === 0 && t.content.includes('www.')) {
          for (const m of t.content.matchAll(wwwLink)) sink.url(`http://${m[1]!.replace(/[.,;:!?"')*_~]+$/, '')}`, line, hiddenDepth > 0);
        }
        break;
      case 'text_special':
        put(t.content);
        break;
      case 'softbreak':
      case 'hardbreak':
        put(' ');
        line++;
        break;
      case 'code_inline': {
        put(`\`${t.content}\``);
        const lang = inlineCommandLanguage(t.content);
        if (lang === 'shell' || lang === 'powershell') sink.command(t.content, lang, line);
        break;
      }
      case 'image': {
        const alt = altText(t.children);
        if (alt) out.hidden.push({ text: alt, line });
        // A reference image's URL is reported by its definition.
        if (!t.meta?.label) sink.url(String(t.attrGet('src') ?? ''), line, hiddenDepth > 0);
        break;
      }
      case 'link_close':
        linkDepth--;
        break;
      case 'link_open': {
        linkDepth++;
        if (t.meta?.label) break;
        // A link title shows only as a hover tooltip: text the reader of the page does not see.
        const title = String(t.attrGet('title') ?? '');
        if (title.length >= 12) out.hidden.push({ text: title, line });
        const href = String(t.attrGet('href') ?? '');
        if (t.markup !== 'linkify') sink.url(href, line, hiddenDepth > 0);
        // GFM ends a bare URL before trailing emphasis and strikethrough marks; linkify keeps them.
        else if (bareUrl.test(children[i + 1]?.content ?? '')) sink.url(href.replace(/[~*_]+$/, ''), line, hiddenDepth > 0);
        break;
      }
      case 'html_inline':
        for (const h of hiddenHtml(t.content)) out.hidden.push({ text: h.text, line });
        if (isHiddenOpenTag(t.content)) {
          if (hiddenDepth++ === 0) {
            hiddenText = '';
            hiddenLine = line;
          }
        } else if (hiddenDepth > 0 && isCloseTag(t.content) && --hiddenDepth === 0) {
          out.hidden.push({ text: hiddenText, line: hiddenLine });
        }
        // An HTML comment or tag may span lines; what follows it starts on its last line.
        if (offset !== undefined && t.content.includes('\n')) line = lineOf(offset + t.content.length);
        break;
      default:
        break;
    }
  }
  if (hiddenDepth > 0 && hiddenText.trim()) out.hidden.push({ text: hiddenText, line: hiddenLine });
  return out;
}
