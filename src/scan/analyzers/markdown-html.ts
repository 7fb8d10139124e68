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
const openTagPattern = /<([a-z][a-z0-9-]*)\b([^>]*)>/gi;
const hiddenStyle = /display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:px|pt|em|rem|%)?\s*(?:[;"'!]|$)|opacity\s*:\s*0(?:\.0+)?\s*(?:[;"'!]|$)|(?:^|[\s;"'])(?:height|width|max-height)\s*:\s*0(?:px)?\s*(?:[;"'!]|$)|clip\s*:\s*rect\(\s*0/i;
const hiddenAttribute = /(?:^|\s)(?:hidden(?:\s|=|\/|$)|aria-hidden\s*=\s*["']?true)/i;

/** The attributes of an opening tag make its content invisible. */
export function hidesContent(attributes: string): boolean {
  return hiddenAttribute.test(attributes) || hiddenStyle.test(attributes);
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

/** Every comment and hidden element's text in an HTML fragment, in order. Empty texts are dropped. */
export function hiddenHtml(html: string): HiddenText[] {
  const found: HiddenText[] = [];
  if (!html.includes('<')) return found;
  for (const m of html.matchAll(commentPattern)) {
    const text = m[1]!.trim();
    if (text) found.push({ text, offset: m.index + 4, kind: 'html-comment' });
  }
  const withoutComments = html.replace(commentPattern, (c) => ' '.repeat(c.length));
  // Open tags are found one by one (not whole elements), so a hidden element nested in a visible
  // one is still seen; its content runs to the first matching close tag.
  const lower = withoutComments.toLowerCase();
  for (const m of withoutComments.matchAll(openTagPattern)) {
    if (m[2]!.trimEnd().endsWith('/') || !hidesContent(m[2]!)) continue;
    const start = m.index + m[0].length;
    const close = lower.indexOf(`</${m[1]!.toLowerCase()}`, start);
    const text = htmlToText(withoutComments.slice(start, close === -1 ? undefined : close));
    if (text) found.push({ text, offset: start, kind: 'hidden-element' });
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** 1-based line of `offset` within `text`, counting from `firstLine`. */
export function lineAt(text: string, offset: number, firstLine = 1): number {
  let line = firstLine;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
