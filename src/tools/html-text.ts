// HTML reduced to readable text for the model: a small tokenizer (tags, comments, raw-text
// elements) and a walk that keeps visible text, turns block elements into line breaks, list items
// into "- ", headings into "#", links into "text (url)" and images into their alt text. Content
// the reader would not see is dropped: script, style, templates, SVG, elements marked `hidden`,
// `aria-hidden` or `display:none`. The result is untrusted data either way; this only makes it short.

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'iframe', 'noembed', 'noframes']);
const DROPPED = new Set(['script', 'style', 'template', 'svg', 'math', 'noscript', 'iframe', 'object', 'canvas', 'select', 'button']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const BLOCK = new Set(['address', 'article', 'aside', 'blockquote', 'details', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tr', 'ul', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', copy: '©', reg: '®', trade: '™', hellip: '…',
  mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', middot: '·',
  bull: '•', euro: '€', pound: '£', yen: '¥', cent: '¢', times: '×', divide: '÷', deg: '°', plusmn: '±',
  para: '¶', sect: '§', shy: '', zwj: '', zwnj: '', ensp: ' ', emsp: ' ', thinsp: ' ', larr: '←', rarr: '→',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});?/gi, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

type Token = { kind: 'text'; text: string } | { kind: 'open'; tag: string; attrs: Map<string, string>; selfClosing: boolean } | { kind: 'close'; tag: string };

const ATTR = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function* tokens(html: string): Generator<Token> {
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      yield { kind: 'text', text: html.slice(i) };
      return;
    }
    if (lt > i) yield { kind: 'text', text: html.slice(i, lt) };
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/.exec(html.slice(lt, lt + 4096));
    if (!tag) {
      if (/^<[!?]/.test(html.slice(lt, lt + 2))) {
        const end = html.indexOf('>', lt);
        i = end === -1 ? html.length : end + 1;
      } else {
        yield { kind: 'text', text: '<' };
        i = lt + 1;
      }
      continue;
    }
    const name = tag[2]!.toLowerCase();
    i = lt + tag[0].length;
    if (tag[1]) {
      yield { kind: 'close', tag: name };
      continue;
    }
    const attrs = new Map<string, string>();
    for (const m of tag[3]!.matchAll(ATTR)) attrs.set(m[1]!.toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
    const selfClosing = /\/\s*$/.test(tag[3]!);
    yield { kind: 'open', tag: name, attrs, selfClosing };
    if (RAW_TEXT.has(name) && !selfClosing) {
      const close = new RegExp(`</${name}\\s*>`, 'i').exec(html.slice(i));
      const end = close ? i + close.index : html.length;
      yield { kind: 'text', text: html.slice(i, end) };
      yield { kind: 'close', tag: name };
      i = close ? end + close[0].length : html.length;
    }
  }
}

function hidden(tag: string, attrs: Map<string, string>): boolean {
  if (DROPPED.has(tag) || attrs.has('hidden') || attrs.get('aria-hidden') === 'true') return true;
  if (tag === 'input' && attrs.get('type')?.toLowerCase() === 'hidden') return true;
  return /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(attrs.get('style') ?? '');
}

/** Readable text of an HTML document; `title` is its <title>, when it has one. */
export function htmlToText(html: string): { title: string | undefined; text: string } {
  let out = '';
  let title: string | undefined;
  let skipTag: string | undefined;
  let skipDepth = 0;
  let pre = 0;
  let inTitle = false;
  const links: string[] = [];
  // The control characters below keep <pre> whitespace through the line clean-up at the end.
  for (const token of tokens(html.replace(/[\u0000-\u0002]/g, ''))) {
    if (skipTag !== undefined) {
      if (token.kind === 'open' && token.tag === skipTag && !token.selfClosing) skipDepth++;
      if (token.kind === 'close' && token.tag === skipTag && --skipDepth === 0) skipTag = undefined;
      continue;
    }
    if (token.kind === 'text') {
      const text = decodeEntities(token.text);
      if (inTitle) title = (title ?? '') + text.replace(/\s+/g, ' ');
      else out += pre > 0 ? text.replace(/\n/g, '\u0000').replace(/ /g, '\u0001').replace(/\t/g, '\u0002') : text.replace(/\s+/g, ' ');
      continue;
    }
    const tag = token.tag;
    if (token.kind === 'open') {
      if (tag === 'title') {
        inTitle = true;
        continue;
      }
      if (hidden(tag, token.attrs)) {
        if (!VOID.has(tag) && !token.selfClosing) {
          skipTag = tag;
          skipDepth = 1;
        }
        continue;
      }
      if (tag === 'br') out += '\n';
      else if (tag === 'img' && token.attrs.get('alt')) out += ` [image: ${token.attrs.get('alt')}] `;
      else if (tag === 'li') out += '\n- ';
      else if (/^h[1-6]$/.test(tag)) out += `\n\n${'#'.repeat(Number(tag[1]))} `;
      else if (tag === 'td' || tag === 'th') out += ' | ';
      else if (BLOCK.has(tag)) out += '\n\n';
      if (tag === 'pre') pre++;
      if (tag === 'a') links.push(token.attrs.get('href') ?? '');
      continue;
    }
    if (tag === 'title') inTitle = false;
    else if (tag === 'pre') pre = Math.max(0, pre - 1);
    if (tag === 'a') {
      const href = links.pop() ?? '';
      if (/^https?:\/\//i.test(href) && !out.trimEnd().endsWith(href)) out += ` (${href})`;
    } else if (BLOCK.has(tag) && tag !== 'li') out += '\n\n';
  }
  const text = out
    .split('\n')
    .map((line) => line.replace(/[ \t\f\r]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\u0000/g, '\n')
    .replace(/\u0001/g, ' ')
    .replace(/\u0002/g, '\t')
    .trim();
  return { title: title?.trim() || undefined, text };
}
