// Invisible and deceptive Unicode in any text file. The engine runs this on every text file next to
// the file's own analyzer. One `unicode` fact per line per category, with the count.
//
// Legitimate uses stay quiet: a zero-width joiner inside an emoji sequence, a non-joiner between
// Arabic/Persian/Indic letters, one leading BOM, a single variation selector after a character
// (emoji presentation, CJK ideographic variants), flag tag sequences (England, Scotland, Wales),
// bidi embeddings on lines that really contain right-to-left text, and whole words in Cyrillic or
// Greek. What is left is what attackers use: text the reader cannot see, or a host/command spelled
// with look-alike letters.

import type { FactDraft, UnicodeFact } from '../facts.ts';
import type { AnalyzerSink } from '../types.ts';

type Category = UnicodeFact['category'];

// Quick reject: most files are plain ASCII (plus ordinary non-ASCII letters, checked below).
const suspiciousChar = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069\ufe00-\ufe0f\ue000-\uf8ff\u{e0000}-\u{e01ef}\u{f0000}-\u{10fffd}\u0370-\u03ff\u0400-\u04ff\u0500-\u052f]/u;

const rtlLetter = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;
const joiningScript = /[\u0600-\u06ff\u0750-\u077f\u0900-\u0dff\u0e00-\u0e7f]/u;
const pictographic = /\p{Extended_Pictographic}/u;

// Cyrillic and Greek letters that render like Latin ones. A mixed word needs one of these to count.
const confusable = new Map<string, string>([
  ['а', 'a'], ['в', 'b'], ['е', 'e'], ['к', 'k'], ['м', 'm'], ['н', 'h'], ['о', 'o'], ['р', 'p'], ['с', 'c'],
  ['т', 't'], ['у', 'y'], ['х', 'x'], ['і', 'i'], ['ј', 'j'], ['ѕ', 's'], ['ԁ', 'd'], ['ԛ', 'q'], ['ԝ', 'w'],
  ['һ', 'h'], ['ӏ', 'l'], ['ɡ', 'g'], ['А', 'A'], ['В', 'B'], ['Е', 'E'], ['К', 'K'], ['М', 'M'], ['Н', 'H'],
  ['О', 'O'], ['Р', 'P'], ['С', 'C'], ['Т', 'T'], ['Х', 'X'], ['І', 'I'], ['Ј', 'J'], ['Ѕ', 'S'], ['Α', 'A'],
  ['Β', 'B'], ['Ε', 'E'], ['Ζ', 'Z'], ['Η', 'H'], ['Ι', 'I'], ['Κ', 'K'], ['Μ', 'M'], ['Ν', 'N'], ['Ο', 'O'],
  ['Ρ', 'P'], ['Τ', 'T'], ['Υ', 'Y'], ['Χ', 'X'], ['ο', 'o'], ['ν', 'v'], ['ι', 'i'], ['κ', 'k'],
]);
const latinLetter = /[A-Za-z]/;
const wordPattern = /[\p{L}\p{N}._\-/:@]+/gu;

interface LineTally {
  counts: Map<Category, number>;
  decoded: Map<Category, string>;
}

function isVariationSelector(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

/** Bytes smuggled through variation selectors: VS1–16 are 0–15, VS17–256 are 16–255. */
function selectorByte(cp: number): number {
  return cp <= 0xfe0f ? cp - 0xfe00 : cp - 0xe0100 + 16;
}

function printable(text: string): boolean {
  if (text.length === 0) return false;
  let good = 0;
  for (const ch of text) if (/[\x20-\x7e\n\t]/.test(ch)) good++;
  return good / text.length >= 0.8;
}

function add(tally: LineTally, category: Category, count = 1, decoded?: string): void {
  tally.counts.set(category, (tally.counts.get(category) ?? 0) + count);
  if (decoded) tally.decoded.set(category, ((tally.decoded.get(category) ?? '') + decoded).slice(0, 500));
}

function scanInvisible(line: string, isFirstLine: boolean, tally: LineTally): void {
  const chars = Array.from(line);
  const hasRtl = rtlLetter.test(line);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const cp = ch.codePointAt(0)!;
    if (cp === 0x200b || cp === 0x2060) add(tally, 'zero-width');
    else if (cp === 0x200d) {
      // ZWJ joins emoji (👨‍👩‍👧) and Indic conjuncts; elsewhere it only hides.
      const prev = chars[i - 1] ?? '';
      const next = chars[i + 1] ?? '';
      const emoji = pictographic.test(prev) || pictographic.test(next) || isVariationSelector(prev.codePointAt(0) ?? 0) || /[\u{1f3fb}-\u{1f3ff}]/u.test(prev);
      if (!emoji && !joiningScript.test(prev + next)) add(tally, 'zero-width');
    } else if (cp === 0x200c) {
      if (!joiningScript.test((chars[i - 1] ?? '') + (chars[i + 1] ?? ''))) add(tally, 'zero-width');
    } else if (cp === 0xfeff) {
      if (!(isFirstLine && i === 0)) add(tally, 'zero-width');
    } else if (cp === 0x202d || cp === 0x202e) add(tally, 'bidi');
    else if ((cp >= 0x202a && cp <= 0x202c) || (cp >= 0x2066 && cp <= 0x2069)) {
      if (!hasRtl) add(tally, 'bidi');
    } else if (cp >= 0xe0000 && cp <= 0xe007f) {
      i = scanTagRun(chars, i, tally) - 1;
    } else if (isVariationSelector(cp)) {
      let j = i;
      const bytes: number[] = [];
      while (j < chars.length && isVariationSelector(chars[j]!.codePointAt(0)!)) bytes.push(selectorByte(chars[j++]!.codePointAt(0)!));
      // One selector after a character is ordinary (emoji style, CJK variant); a run is a channel.
      if (bytes.length >= 2) {
        const text = new TextDecoder('utf-8', { fatal: false }).decode(new Uint8Array(bytes));
        add(tally, 'variation-selector', bytes.length, printable(text) ? text : undefined);
      }
      i = j - 1;
    } else if ((cp >= 0xe000 && cp <= 0xf8ff) || (cp >= 0xf0000 && cp <= 0x10fffd)) add(tally, 'private-use');
    else if ((cp < 0x20 && cp !== 0x09 && cp !== 0x0d) || (cp >= 0x7f && cp <= 0x9f)) add(tally, 'control');
  }
}

/** Reads a run of tag characters starting at `start`; returns the index after it. */
function scanTagRun(chars: string[], start: number, tally: LineTally): number {
  let j = start;
  let ascii = '';
  while (j < chars.length) {
    const cp = chars[j]!.codePointAt(0)!;
    if (cp < 0xe0000 || cp > 0xe007f) break;
    if (cp >= 0xe0020 && cp <= 0xe007e) ascii += String.fromCharCode(cp - 0xe0000);
    j++;
  }
  const count = j - start;
  // Subdivision flags: 🏴 + a few lowercase tag letters + CANCEL TAG (U+E007F).
  const flag = chars[start - 1] === '\u{1f3f4}' && chars[j - 1] === '\u{e007f}' && /^[a-z0-9]{2,7}$/.test(ascii);
  if (!flag) add(tally, 'tag', count, ascii);
  return j;
}

/** The Latin reading of a word spelled with Cyrillic/Greek look-alikes mixed into Latin letters. */
export function homoglyphSkeleton(word: string): string | undefined {
  for (const part of word.split(/[._\-/:@]/)) {
    if (part.length < 2 || !latinLetter.test(part)) continue;
    let lookalike = false;
    let foreignOther = false;
    for (const ch of part) {
      if (confusable.has(ch)) lookalike = true;
      else if (/[\u0370-\u052f]/.test(ch)) foreignOther = true;
    }
    if (lookalike && !foreignOther) return Array.from(word, (ch) => confusable.get(ch) ?? ch).join('');
  }
  return undefined;
}

function scanHomoglyphs(line: string, tally: LineTally): void {
  if (!/[\u0370-\u052f]/.test(line)) return;
  for (const match of line.matchAll(wordPattern)) {
    const skeleton = homoglyphSkeleton(match[0]);
    if (skeleton) add(tally, 'homoglyph', 1, tally.decoded.has('homoglyph') ? undefined : skeleton);
  }
}

const invisible = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]|[\u{e0000}-\u{e007f}]+|[\ufe00-\ufe0f\u{e0100}-\u{e01ef}]{2,}/gu;

/** The line with invisible characters shown as `<U+XXXX>` (runs of tags or selectors as one marker). */
function excerpt(line: string): string {
  const visible = line.replace(invisible, (m) => {
    const first = `<U+${m.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;
    return m.length > 2 ? `${first}×${Array.from(m).length}` : first;
  }).trim();
  return visible.length > 160 ? `${visible.slice(0, 157)}...` : visible;
}

const zeroWidthChar = /[\u200b-\u200d\u2060\ufeff]/u;
const zeroWidthRun = /[\u200b-\u200d\u2060\ufeff]{16,}/gu;

/**
 * A run of two alternating zero-width characters read as bits (8 per byte, most significant
 * first; other zero-width characters in the run are separators). Both assignments of 0 and 1 are
 * tried; the text counts only when it is printable and has a word in it.
 */
export function decodeZeroWidthBits(run: string): string | undefined {
  const counts = new Map<string, number>();
  for (const ch of run) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const [a, b] = [...counts.entries()].sort((x, y) => y[1] - x[1]).map(([ch]) => ch);
  if (a === undefined || b === undefined) return undefined;
  const symbols = Array.from(run).filter((ch) => ch === a || ch === b);
  if (symbols.length < 16) return undefined;
  for (const one of [b, a]) {
    const bytes: number[] = [];
    for (let i = 0; i + 8 <= symbols.length; i += 8) {
      let byte = 0;
      for (let j = 0; j < 8; j++) byte = (byte << 1) | (symbols[i + j] === one ? 1 : 0);
      bytes.push(byte);
    }
    const text = new TextDecoder('utf-8', { fatal: false }).decode(new Uint8Array(bytes));
    if (printable(text) && /[a-z]{3,}/i.test(text) && new Set(text).size >= 4) return text;
  }
  return undefined;
}

/** Zero-width characters placed between visible letters ("r\u200be\u200ba\u200bd"): the line without them. */
function interleavedText(line: string): string | undefined {
  const chars = Array.from(line);
  let between = 0;
  for (let i = 1; i < chars.length - 1; i++) {
    if (zeroWidthChar.test(chars[i]!) && /\S/.test(chars[i - 1]!) && !zeroWidthChar.test(chars[i - 1]!) && /\S/.test(chars[i + 1]!)) between++;
  }
  return between >= 8 ? line.replace(new RegExp(zeroWidthChar.source, 'gu'), '').trim().slice(0, 500) : undefined;
}

/** Emits one `unicode` fact per line and category found in `text`. Total: never throws on any string. */
export function scanUnicode(text: string, sink: Pick<AnalyzerSink, 'emit'>): void {
  if (!suspiciousChar.test(text)) return;
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (!suspiciousChar.test(line)) continue;
    const tally: LineTally = { counts: new Map(), decoded: new Map() };
    scanInvisible(line, n === 0, tally);
    scanHomoglyphs(line, tally);
    for (const [category, count] of tally.counts) {
      let decoded = tally.decoded.get(category);
      let carrier: UnicodeFact['carrier'];
      if (category === 'zero-width') {
        // A hidden message is read like any hidden prose, so the injection rules see what it says.
        const bits = [...line.matchAll(zeroWidthRun)].map((m) => decodeZeroWidthBits(m[0])).filter((t) => t !== undefined).join(' ');
        if (bits) {
          [decoded, carrier] = [bits.slice(0, 500), 'bits'];
          sink.emit({ kind: 'prose', text: bits.slice(0, 4_000), block: 'other', line: n + 1, evidence: excerpt(line), context: { hidden: true } });
        } else if ((decoded = interleavedText(line)) !== undefined) carrier = 'interleaved';
      }
      const fact: FactDraft = {
        kind: 'unicode', category, count, line: n + 1, evidence: excerpt(line),
        ...(decoded === undefined ? {} : { decoded }), ...(carrier ? { carrier } : {}),
      };
      sink.emit(fact);
    }
  }
}
