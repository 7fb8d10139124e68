// Decoding literals that may hide code: base64, base64url, hex, `\xNN` escapes and UTF-16LE base64
// (PowerShell -EncodedCommand). Text comes back only when it is mostly printable; media (images,
// fonts, PDFs, `data:image/…`) is recognised and flagged instead, so a base64 icon is not a payload.

export type Encoding = 'base64' | 'base64url' | 'hex' | 'escape' | 'utf16le-base64';

export interface Decoded {
  encoding: Encoding;
  /** Length of the encoded literal. */
  length: number;
  /** The decoded text when it is mostly printable. */
  text?: string;
  /** The bytes are media (`png`, `jpeg`, `gif`, `webp`, `pdf`, `font`, `data-uri`…), not code. */
  media?: string;
}

/** Shortest literal worth decoding: short base64 is usually a word or an id. */
export const minEncodedLength = 16;

const magic: readonly [string, number[]][] = [
  ['png', [0x89, 0x50, 0x4e, 0x47]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', [0x47, 0x49, 0x46, 0x38]],
  ['pdf', [0x25, 0x50, 0x44, 0x46]],
  ['font', [0x77, 0x4f, 0x46, 0x46]],
  ['font', [0x77, 0x4f, 0x46, 0x32]],
  ['font', [0x00, 0x01, 0x00, 0x00, 0x00]],
  ['font', [0x4f, 0x54, 0x54, 0x4f]],
  ['ico', [0x00, 0x00, 0x01, 0x00]],
  ['bmp', [0x42, 0x4d]],
];

/** The media type whose magic bytes `bytes` starts with. */
export function mediaKind(bytes: Uint8Array): string | undefined {
  if (bytes.length >= 12 && String.fromCharCode(...bytes.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') return 'webp';
  for (const [kind, sig] of magic) {
    if (bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b)) return kind;
  }
  const head = String.fromCharCode(...bytes.subarray(0, 64)).trimStart();
  if (/^<svg\b|^<\?xml[^>]*>\s*<svg\b/i.test(head)) return 'svg';
  return undefined;
}

/** At least 85 % of the characters are printable (letters, digits, punctuation, whitespace). */
export function isMostlyPrintable(text: string): boolean {
  if (text.length === 0) return false;
  let bad = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c < 0xa0)) bad++;
  }
  return bad / text.length <= 0.15;
}

const utf8 = new TextDecoder('utf-8');
const utf16 = new TextDecoder('utf-16le');

function finish(encoding: Encoding, length: number, bytes: Uint8Array, wide = false): Decoded | undefined {
  const media = mediaKind(bytes);
  if (media) return { encoding, length, media };
  const text = (wide ? utf16 : utf8).decode(bytes);
  return isMostlyPrintable(text) ? { encoding, length, text } : undefined;
}

/** Decodes a base64 literal (UTF-8, or UTF-16LE when `wide`); undefined when it is not base64 text. */
export function decodeBase64(literal: string, wide = false): Decoded | undefined {
  const s = literal.replace(/\s+/g, '');
  if (s.length < minEncodedLength) return undefined;
  const url = /[-_]/.test(s);
  if (!(url ? /^[A-Za-z0-9_-]+={0,2}$/ : /^[A-Za-z0-9+/]+={0,2}$/).test(s)) return undefined;
  if (!url && s.length % 4 === 1) return undefined;
  const bytes = Buffer.from(s, url ? 'base64url' : 'base64');
  if (bytes.length === 0) return undefined;
  return finish(wide ? 'utf16le-base64' : url ? 'base64url' : 'base64', s.length, bytes, wide);
}

/** Decodes a hex literal (`68656c6c6f`, `0x68…`, `68 65 6c`). */
export function decodeHex(literal: string): Decoded | undefined {
  const s = literal.replace(/^0x/i, '').replace(/[\s:]+/g, '');
  if (s.length < minEncodedLength || s.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(s)) return undefined;
  return finish('hex', literal.length, Buffer.from(s, 'hex'));
}

/** Decodes `\xNN`, `\NNN` (octal) and `\uNNNN` escapes; needs at least four escapes. */
export function decodeEscapes(literal: string): Decoded | undefined {
  const count = literal.match(/\\(?:x[0-9a-fA-F]{2}|[0-7]{3}|u[0-9a-fA-F]{4})/g)?.length ?? 0;
  if (count < 4) return undefined;
  const bytes: number[] = [];
  const re = /\\x([0-9a-fA-F]{2})|\\([0-7]{3})|\\u([0-9a-fA-F]{4})|([\s\S])/g;
  for (const m of literal.matchAll(re)) {
    if (m[1]) bytes.push(parseInt(m[1], 16));
    else if (m[2]) bytes.push(parseInt(m[2], 8) & 0xff);
    else if (m[3]) bytes.push(...Buffer.from(String.fromCharCode(parseInt(m[3], 16)), 'utf8'));
    else bytes.push(...Buffer.from(m[4]!, 'utf8'));
  }
  return finish('escape', literal.length, Uint8Array.from(bytes));
}

/** `data:<media type>;base64,…` URIs: media when the type is an image, font or audio/video. */
function decodeDataUri(literal: string): Decoded | undefined {
  const m = /^data:([\w.+-]+\/[\w.+-]+)?(?:;[\w-]+=[\w-]+)*;base64,/i.exec(literal.trim());
  if (!m) return undefined;
  const type = (m[1] ?? '').toLowerCase();
  const body = literal.trim().slice(m[0].length);
  if (/^(?:image|font|audio|video)\//.test(type) || type === 'application/pdf') return { encoding: 'base64', length: body.length, media: 'data-uri' };
  return decodeBase64(body);
}

/**
 * Tries every encoding on a literal: data URI, escapes, hex, base64. The first that gives printable
 * text or media wins; undefined when none does.
 */
export function decodeLiteral(literal: string): Decoded | undefined {
  const s = literal.trim();
  if (s.length < minEncodedLength) return undefined;
  if (s.startsWith('data:')) return decodeDataUri(s);
  if (s.includes('\\')) return decodeEscapes(s);
  return decodeHex(s) ?? decodeBase64(s);
}
