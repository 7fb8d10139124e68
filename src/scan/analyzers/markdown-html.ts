// Text that a rendered Markdown or HTML view does not show: HTML comments and elements hidden by an
// attribute or a style. Regular expressions over HTML fragments are enough here: the question is
// only "is there text the reader will not see", and a fragment that does not parse is still text.

export interface HiddenText {
  text: string;
  /** Offset of the hidden text's start within the fragment. */
  offset: number;
  kind: 'html-comment' | 'hidden-element';
}

const commentPattern = /<!--([\s\S]*?)(?:-->|$)/g;
const openTagPattern = /<([a-z][a-z0-9-]*)\b([^<>]*)>/gi;
const hiddenStyle = /display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:px|pt|em|rem|%)?\s*(?:[;"'!]|$)|opacity\s*:\s*0(?:\.0+)?\s*(?:[;"'!]|$)|(?:^|[\s;"'])(?:height|width|max-height)\s*:\s*0(?:px)?\s*(?:[;"'!]|$)|clip\s*:\s*rect\(\s*0/i;
const hiddenAttribute = /(?:^|\s)(?:hidden(?:\s|=|\/|$)|aria-hidden\s*=\s*["']?true)/i;

/** A font of at most 2 px/pt (CSS or SVG `font-size="1"`): text nobody can read. */
const tinyFont = /font-size\s*[:=]\s*["']?(?:0?\.\d+|[0-2](?:\.\d+)?)(?:px|pt)?\s*(?:[;"'!\s]|$)/i;
const colourNames: Readonly<Record<string, string>> = { white: 'fff', black: '000' };

/** `#fff`, `#FFFFFF`, `white` as one spelling (3-digit hex), or the value as written. */
function colourKey(value: string): string {
  const v = value.toLowerCase();
  const named = colourNames[v];
  if (named) return named;
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(v)?.[1];
  if (!hex) return v;
  return hex.length === 6 && hex[0] === hex[1] && hex[2] === hex[3] && hex[4] === hex[5] ? hex[0]! + hex[2]! + hex[4]! : hex;
}

/** Text in the colour of its own background (white on white): `color` equal to `background(-color)`. */
function sameColour(attributes: string): boolean {
  const fg = /(?:^|[\s;"'])(?:color|fill)\s*[:=]\s*["']?(#[0-9a-f]{3,6}|white|black)\b/i.exec(attributes)?.[1];
  if (!fg) return false;
  const bg = /background(?:-color)?\s*:\s*(#[0-9a-f]{3,6}|white|black)\b/i.exec(attributes)?.[1];
  return bg !== undefined && colourKey(fg) === colourKey(bg);
}

/** SVG elements whose text is never drawn. */
const unrendered = /^(?:desc|metadata)$/i;
/** An `alt` attribute's text: shown only when the image fails to load. */
const altAttribute = /(?:^|\s)alt\s*=\s*(?:"([^"]*)"|'([^']*)')/i;

/** The attributes of an opening tag make its content invisible. */
export function hidesContent(attributes: string): boolean {
  return hiddenAttribute.test(attributes) || hiddenStyle.test(attributes) || tinyFont.test(attributes) || sameColour(attributes);
}

/** `<span hidden>`-like opening tag (whole tag text), for inline Markdown where open and close are separate nodes. */
export function isHiddenOpenTag(tag: string): boolean {
  const m = /^<([a-z][a-z0-9-]*)\b([^>]*)>$/i.exec(tag.trim());
  return m !== null && !m[2]!.trimEnd().endsWith('/') && hidesContent(m[2]!);
}

export function isCloseTag(tag: string): boolean {
  return /^<\/[a-z][a-z0-9-]*\s*>$/i.test(tag.trim());
}

/** Strips tags and collapses white space. */
export function htmlToText(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
}

/**
 * Every comment and hidden element's text in an HTML fragment, in order. Empty texts are dropped.
 *
 * Linear in the fragment: hidden elements are reported as disjoint stretches (a hidden element
 * nested in another hidden one is part of the outer one's text; where it runs past the outer one,
 * only the rest is reported), close tags are indexed once, and an unterminated tag ends at the
 * next `<`, so a flood of unclosed or interleaved tags costs no more than its length.
 */
export function hiddenHtml(html: string): HiddenText[] {
  const found: HiddenText[] = [];
  if (!html.includes('<')) return found;
  for (const m of html.matchAll(commentPattern)) {
    const text = m[1]!.trim();
    if (text) found.push({ text, offset: m.index + 4, kind: 'html-comment' });
  }
  const withoutComments = html.includes('<!--') ? html.replace(commentPattern, (c) => ' '.repeat(c.length)) : html;
  // Open tags are found one by one (not whole elements), so a hidden element nested in a visible
  // one is still seen; its content runs to the first matching close tag.
  const closeOf = closeFinder(withoutComments);
  let covered = 0;
  for (const m of withoutComments.matchAll(openTagPattern)) {
    const alt = /^img$/i.test(m[1]!) ? altAttribute.exec(m[2]!) : null;
    const altText = alt ? htmlToText(alt[1] ?? alt[2] ?? '') : '';
    if (altText.length >= 20) found.push({ text: altText, offset: m.index, kind: 'hidden-element' });
    if (m[2]!.trimEnd().endsWith('/') || !(hidesContent(m[2]!) || unrendered.test(m[1]!))) continue;
    const start = Math.max(m.index + m[0].length, covered);
    const end = closeOf(m[1]!.toLowerCase(), m.index + m[0].length);
    if (end <= start) continue;
    covered = end;
    const text = htmlToText(withoutComments.slice(start, end));
    if (text) found.push({ text, offset: start, kind: 'hidden-element' });
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/**
 * Offset of the first `</name` at or after `from` (or the fragment's end). The close tags are
 * indexed by name in one pass, so many open tags of many names cost one scan, not one each.
 */
function closeFinder(html: string): (name: string, from: number) => number {
  const closes = new Map<string, number[]>();
  for (const m of html.matchAll(/<\/([a-z][a-z0-9-]*)/gi)) {
    const name = m[1]!.toLowerCase();
    const list = closes.get(name);
    if (list) list.push(m.index);
    else closes.set(name, [m.index]);
  }
  return (name, from) => {
    const list = closes.get(name) ?? [];
    return list[countBelow(list, from)] ?? html.length;
  };
}

/** 1-based line of `offset` within `text`, counting from `firstLine`. */
export function lineAt(text: string, offset: number, firstLine = 1): number {
  let line = firstLine;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Line lookup for many offsets in one text: the newline offsets are collected once (on first use)
 * and each lookup is a binary search, so reporting k facts in a text of n characters is O(n + k log n).
 */
export function lineIndex(text: string, firstLine = 1): (offset: number) => number {
  let newlines: number[] | undefined;
  return (offset) => {
    if (newlines === undefined) {
      newlines = [];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines.push(i);
    }
    return firstLine + countBelow(newlines, offset);
  };
}

/** How many entries of the ascending `sorted` are below `value` (binary search). */
function countBelow(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
