// Python decoders of literals: base64/32/16/85, ascii85, hex, rot13, zlib/gzip, marshal. A decode of a
// literal becomes a `decode` fact; its value carries the decoded text (or raw bytes) and the fact, so
// a later exec/os.system marks it `executed` and hands the text to the matching analyzer.

import { gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { isMostlyPrintable, mediaKind, minEncodedLength } from './common/index.ts';
import { derive, exactText, literal, unknown, type Value } from './python-js-values.ts';
import type { CallHandler, CallSite, PyWalker } from './python-walk.ts';

const b85Alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~';
const b85Index = new Map([...b85Alphabet].map((ch, i) => [ch, i]));
const b32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Base85 groups of five digits to big-endian 32-bit words; `pad` is the digit that pads a short group. */
function base85Words(digits: number[], padDigit: number): Uint8Array | undefined {
  const out: number[] = [];
  for (let i = 0; i < digits.length; i += 5) {
    const group = digits.slice(i, i + 5);
    const missing = 5 - group.length;
    while (group.length < 5) group.push(padDigit);
    let n = 0;
    for (const d of group) n = n * 85 + d;
    if (n > 0xffffffff) return undefined;
    const bytes = [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
    out.push(...bytes.slice(0, 4 - missing));
  }
  return Uint8Array.from(out);
}

export function decodeB85(text: string): Uint8Array | undefined {
  const digits: number[] = [];
  for (const ch of text.replace(/\s+/g, '')) {
    const d = b85Index.get(ch);
    if (d === undefined) return undefined;
    digits.push(d);
  }
  return base85Words(digits, 84);
}

export function decodeA85(text: string): Uint8Array | undefined {
  const body = text.replace(/\s+/g, '').replace(/^<~/, '').replace(/~>$/, '');
  const digits: number[] = [];
  const out: number[] = [];
  for (const ch of body) {
    if (ch === 'z' && digits.length % 5 === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    const c = ch.charCodeAt(0);
    if (c < 33 || c > 117) return undefined;
    digits.push(c - 33);
  }
  const words = base85Words(digits, 84);
  return words ? Uint8Array.from([...out, ...words]) : undefined;
}

export function decodeB32(text: string): Uint8Array | undefined {
  const s = text.replace(/\s+/g, '').replace(/=+$/, '').toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const ch of s) {
    const v = b32Alphabet.indexOf(ch);
    if (v < 0) return undefined;
    acc = (acc << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((acc >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

export function rot13(text: string): string {
  return text.replace(/[a-z]/gi, (ch) => {
    const base = ch <= 'Z' ? 65 : 97;
    return String.fromCharCode(((ch.charCodeAt(0) - base + 13) % 26) + base);
  });
}

function base64Bytes(text: string): Uint8Array | undefined {
  const s = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(s) || s.length % 4 === 1) return undefined;
  return Buffer.from(s, /[-_]/.test(s) ? 'base64url' : 'base64');
}

function hexBytes(text: string): Uint8Array | undefined {
  const s = text.replace(/\s+/g, '');
  return /^(?:[0-9a-fA-F]{2})+$/.test(s) ? Buffer.from(s, 'hex') : undefined;
}

const utf8 = new TextDecoder('utf-8');

/**
 * Records a decode of `input` (the encoded argument) to `bytes`: a fact when the literal is long enough
 * and the result is text or media; the value carries text, bytes and the fact.
 */
export function decodedValue(w: PyWalker, c: CallSite, encoding: string, input: Value, bytes: Uint8Array | undefined): Value {
  if (!bytes) return unknown;
  const length = input.text?.length ?? input.bytes?.length ?? bytes.length;
  const media = mediaKind(bytes);
  const text = media ? undefined : utf8.decode(bytes);
  const printable = text !== undefined && isMostlyPrintable(text);
  if (length < minEncodedLength || (!media && !printable)) return { sources: input.sources, bytes, ...(input.decoded ? { decoded: input.decoded } : {}) };
  const chained = input.decoded ? `${encoding}+${input.decoded.encoding}` : encoding;
  const decoded = w.rec.decode({
    kind: 'decode', line: c.line, encoding: chained, length,
    ...(printable ? { decoded: text } : {}), ...(media ? { media: true } : {}),
  });
  return { ...(printable ? literal(text!) : { sources: [] }), sources: input.sources, bytes, decoded };
}

function decoder(encoding: string, decode: (text: string) => Uint8Array | undefined): CallHandler {
  return (w, c) => {
    const input = c.args[0] ?? c.kw.get('s') ?? unknown;
    const text = exactText(input);
    if (text === undefined) return { ...derive(input), viaDecoder: true };
    return decodedValue(w, c, encoding, input, decode(text));
  };
}

function inflate(bytes: Uint8Array): Uint8Array | undefined {
  for (const fn of [inflateSync, gunzipSync, inflateRawSync]) {
    try {
      return fn(bytes, { maxOutputLength: 1 << 20 });
    } catch {
      // not this container format; try the next
    }
  }
  return undefined;
}

function decompress(w: PyWalker, c: CallSite): Value {
  const input = c.args[0] ?? unknown;
  const bytes = input.bytes ?? (input.exact && input.text !== undefined ? Buffer.from(input.text, 'latin1') : undefined);
  if (!bytes) return { ...derive(input), viaDecoder: true };
  return decodedValue(w, c, 'zlib', { ...input, text: undefined }, inflate(bytes));
}

function codecsDecode(w: PyWalker, c: CallSite): Value {
  const input = c.args[0] ?? unknown;
  const codec = (exactText(c.args[1] ?? c.kw.get('encoding')) ?? '').toLowerCase().replace(/[-_]/g, '');
  const text = exactText(input);
  if (text === undefined) return { sources: input.sources };
  if (codec === 'rot13') {
    const out = rot13(text);
    if (text.length < 8) return literal(out);
    const decoded = w.rec.decode({ kind: 'decode', line: c.line, encoding: 'rot13', length: text.length, decoded: out });
    return { ...literal(out), decoded };
  }
  if (codec === 'hex' || codec === 'hexcodec') return decodedValue(w, c, 'hex', input, hexBytes(text));
  if (codec === 'base64' || codec === 'base64codec') return decodedValue(w, c, 'base64', input, base64Bytes(text));
  if (codec === 'zlib' || codec === 'zlibcodec') return decompress(w, c);
  return { sources: input.sources, ...(input.text !== undefined ? { text: input.text, exact: input.exact ?? false } : {}) };
}

function marshalLoads(w: PyWalker, c: CallSite): Value {
  const input = c.args[0] ?? unknown;
  const length = input.bytes?.length ?? input.text?.length ?? 0;
  if (!input.bytes && !input.exact) return { ...derive(input), viaDecoder: true };
  const decoded = w.rec.decode({ kind: 'decode', line: c.line, encoding: input.decoded ? `marshal+${input.decoded.encoding}` : 'marshal', length });
  return { sources: input.sources, decoded };
}

const pairs: [string[], string, (text: string) => Uint8Array | undefined][] = [
  [['base64.b64decode', 'base64.standard_b64decode', 'base64.decodebytes', 'base64.decodestring', 'binascii.a2b_base64', 'base64.urlsafe_b64decode'], 'base64', base64Bytes],
  [['base64.b32decode'], 'base32', decodeB32],
  [['base64.b16decode', 'bytes.fromhex', 'bytearray.fromhex', 'binascii.unhexlify', 'binascii.a2b_hex'], 'hex', hexBytes],
  [['base64.b85decode'], 'base85', decodeB85],
  [['base64.a85decode'], 'ascii85', decodeA85],
];

export const decodeHandlers: [string, CallHandler][] = [
  ...pairs.flatMap(([names, encoding, fn]) => names.map((n): [string, CallHandler] => [n, decoder(encoding, fn)])),
  ...['zlib.decompress', 'gzip.decompress', 'lzma.decompress', 'bz2.decompress'].map((n): [string, CallHandler] => [n, decompress]),
  ['codecs.decode', codecsDecode],
  ...['marshal.loads', 'pickle.loads'].map((n): [string, CallHandler] => [n, marshalLoads]),
];
