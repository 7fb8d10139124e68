// Turns what a request carries into the texts DLP searches: the raw text, then what it decodes to
// (Content-Encoding, URL encoding, base64/base64url, hex, JSON string values), a few layers deep.
// A secret is found however it was wrapped, as long as the wrapping is a common encoding.

import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

/** How deep decodings nest (base64 of URL-encoded of hex…). */
const MAX_DEPTH = 3;
/** Stop collecting once this many bytes of decoded text exist; the caller refuses what it cannot see. */
export const MAX_DECODED_BYTES = 32 * 1024 * 1024;

export class DecodeLimitError extends Error {}

/** Undo Content-Encoding (gzip, deflate, br; comma lists applied in reverse). Unknown codings throw. */
export function decodeContentEncoding(body: Buffer, contentEncoding: string | null): Buffer {
  if (!contentEncoding) return body;
  const codings = contentEncoding.split(',').map((c) => c.trim().toLowerCase()).filter((c) => c && c !== 'identity');
  let out = body;
  for (const coding of codings.reverse()) {
    const opts = { maxOutputLength: MAX_DECODED_BYTES };
    if (coding === 'gzip' || coding === 'x-gzip') out = gunzipSync(out, opts);
    else if (coding === 'deflate') {
      try {
        out = inflateSync(out, opts);
      } catch {
        out = inflateRawSync(out, opts);
      }
    } else if (coding === 'br') out = brotliDecompressSync(out, opts);
    else throw new Error(`unsupported Content-Encoding "${coding}"`);
  }
  return out;
}

const BASE64_RUN = /[A-Za-z0-9+/_-]{16,}={0,2}/g;
const HEX_RUN = /(?:[0-9a-fA-F]{2}){8,}/g;
const PERCENT = /%[0-9a-fA-F]{2}/;

function printable(buf: Buffer): string | undefined {
  if (buf.length === 0) return undefined;
  let bad = 0;
  for (const b of buf) if (b < 9 || (b > 13 && b < 32)) bad++;
  return bad / buf.length < 0.1 ? buf.toString('utf8') : undefined;
}

function base64Layers(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(BASE64_RUN)) {
    const run = match[0].replace(/=+$/, '');
    // A secret base64-encoded after a prefix sits at any offset of a run: try the four alignments.
    for (let shift = 0; shift < 4 && run.length - shift >= 16; shift++) {
      const decoded = printable(Buffer.from(run.slice(shift).replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
      if (decoded) out.push(decoded);
    }
  }
  return out;
}

function hexLayers(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(HEX_RUN)) {
    const decoded = printable(Buffer.from(match[0], 'hex'));
    if (decoded) out.push(decoded);
    // An odd offset (a prefix of one nibble) is rare; hex of text is byte-aligned in practice.
  }
  return out;
}

function urlLayer(text: string): string | undefined {
  if (!PERCENT.test(text) && !text.includes('+')) return undefined;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    // Malformed escapes: decode the well-formed ones one by one.
    return text.replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  }
}

function jsonStrings(text: string): string | undefined {
  const trimmed = text.trim();
  if (!(trimmed.startsWith('{') || trimmed.startsWith('['))) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  const parts: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') parts.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (parts.push(k), walk(x));
  };
  walk(value);
  return parts.join('\n');
}

/**
 * Every text DLP must search for `input`: the input itself and its decodings, breadth first,
 * de-duplicated. Throws DecodeLimitError past MAX_DECODED_BYTES so the caller can refuse.
 */
export function decodedLayers(input: string): string[] {
  const seen = new Set<string>([input]);
  const layers = [input];
  let total = input.length;
  let frontier = [input];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const text of frontier) {
      const candidates = [urlLayer(text), jsonStrings(text), ...base64Layers(text), ...hexLayers(text)];
      for (const c of candidates) {
        if (c === undefined || c.length < 8 || seen.has(c)) continue;
        seen.add(c);
        total += c.length;
        if (total > MAX_DECODED_BYTES) throw new DecodeLimitError('decoded request larger than the DLP limit');
        layers.push(c);
        next.push(c);
      }
    }
    frontier = next;
  }
  return layers;
}
