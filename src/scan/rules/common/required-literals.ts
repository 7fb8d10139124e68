// Literal prefilters for regular expressions: from a pattern's source, a set of lower-case strings
// such that every match of the pattern contains at least one of them. A text (lower-cased with
// `lowerForLiterals`) that contains none of them cannot match, so the regex need not run: the
// prose rules ask dozens of phrase tables of every prose block and most blocks say none of them.
//
// Exactness is the contract: when anything in a pattern is not understood (a syntax this parser
// does not know, a character whose case folding is not plain), that part promises nothing, and a
// pattern that promises nothing gets no prefilter (`undefined`: always run the regex). Case is
// ignored throughout, so the sets hold for patterns with and without the `i` flag alike. A literal
// character is kept only when case-insensitive matching cannot reach it from a character whose
// lower case differs (`literalChar`). With the `u` flag, `s` also matches U+017F and `k` U+212A:
// `lowerForLiterals` folds the first, and the Kelvin sign's lower case is already `k`.

/** What a part of a pattern promises. */
interface Info {
  /** Every string this part can match (lower case), when few enough to list; else null. */
  exact: string[] | null;
  /** Every match contains one of these (lower case); null when nothing is known. */
  req: string[] | null;
}

const maxExact = 32;
const unknown: Info = { exact: null, req: null };
const empty: Info = { exact: [''], req: null };

class Unsupported extends Error {}

/** `\\` and an ASCII punctuation character: that character itself (in every mode where it is valid). */
const identityEscape = /^[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]$/;

/**
 * Blocks whose characters match, ignoring case (with or without `u`), only characters with the same
 * lower case: ASCII, Latin-1 and Latin Extended-A/B, Cyrillic, general punctuation, CJK, kana,
 * Hangul and the full-width forms; minus the few that also match another character (µ and Greek mu,
 * long s and s, Cyrillic letters and their historic variants U+1C80–U+1C88). A test checks this
 * against the running engine's case tables.
 */
export const literalBlocks: readonly (readonly [number, number])[] = [
  [0x00, 0x24f], [0x400, 0x4ff], [0x2000, 0x206f], [0x3000, 0x9fff], [0xac00, 0xd7a3], [0xff00, 0xffef],
];
const notLiteral = new Set([...'\u00b5\u017f\u0412\u0414\u041e\u0421\u0422\u042a\u0432\u0434\u043e\u0441\u0442\u044a\u0462\u0463']);

/** A character whose lower case stands for every character a case-insensitive pattern matches with it. */
export function literalChar(c: string): boolean {
  const p = c.codePointAt(0)!;
  return literalBlocks.some(([lo, hi]) => p >= lo && p <= hi) && !notLiteral.has(c);
}

function char(c: string): Info {
  return literalChar(c) ? { exact: [c.toLowerCase()], req: null } : unknown;
}

/** The better of two requirement sets: longer shortest string first, then fewer strings. */
function better(a: string[] | null, b: string[] | null): string[] | null {
  if (!a || a.some((s) => s === '')) return b && !b.some((s) => s === '') ? b : null;
  if (!b || b.some((s) => s === '')) return a;
  const minA = Math.min(...a.map((s) => s.length));
  const minB = Math.min(...b.map((s) => s.length));
  if (minA !== minB) return minA > minB ? a : b;
  return a.length <= b.length ? a : b;
}

/** The best requirement a part gives on its own (its exact strings are one). */
function bestReq(info: Info): string[] | null {
  return better(info.exact, info.req);
}

function sequence(items: Info[]): Info {
  let run: string[] | null = [''];
  let req: string[] | null = null;
  let allExact = true;
  for (const item of items) {
    if (item.exact && run) {
      const next: string[] = [];
      for (const a of run) for (const b of item.exact) next.push(a + b);
      if (next.length <= maxExact) {
        run = [...new Set(next)];
        continue;
      }
    }
    // The run so far ends here: it is one requirement; this part starts a new run or gives its own.
    req = better(req, run);
    if (item.exact && item.exact.length <= maxExact) {
      run = item.exact;
      allExact = false;
    } else {
      req = better(req, item.req);
      run = [''];
      allExact = false;
    }
  }
  req = better(req, run);
  return { exact: allExact ? run : null, req };
}

function alternation(branches: Info[]): Info {
  if (branches.length === 1) return branches[0]!;
  const exact: string[] = [];
  for (const b of branches) {
    if (!b.exact) break;
    exact.push(...b.exact);
  }
  const allExact = branches.every((b) => b.exact) && exact.length <= maxExact;
  const req: string[] = [];
  for (const b of branches) {
    const r = bestReq(b);
    if (!r) return { exact: allExact ? [...new Set(exact)] : null, req: null };
    req.push(...r);
  }
  return { exact: allExact ? [...new Set(exact)] : null, req };
}

function repeat(item: Info, min: number, max: number): Info {
  if (min === 0) return { exact: max === 1 && item.exact ? [...new Set(['', ...item.exact])] : null, req: null };
  if (min === 1 && max === 1) return item;
  return { exact: null, req: bestReq(item) };
}

/** A recursive-descent reader of a pattern's source (the syntax JavaScript accepts, without `v`). */
class Reader {
  i = 0;
  readonly src: string;
  readonly unicode: boolean;
  constructor(src: string, unicode: boolean) {
    this.src = src;
    this.unicode = unicode;
  }

  alternation(): Info {
    const branches = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    return alternation(branches);
  }

  sequence(): Info {
    const items: Info[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      items.push(this.quantified(atom.info, atom.quantifiable));
    }
    return sequence(items);
  }

  quantified(info: Info, quantifiable: boolean): Info {
    const rest = this.src.slice(this.i);
    const m = /^(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})/.exec(rest);
    if (!m) return info;
    if (!quantifiable) throw new Unsupported('quantified assertion');
    this.i += m[0].length;
    if (this.src[this.i] === '?') this.i++;
    if (m[1]) return repeat(info, m[1] === '+' ? 1 : 0, m[1] === '?' ? 1 : Infinity);
    const min = Number(m[2]);
    const max = m[3] ? (m[4] ? Number(m[4]) : Infinity) : min;
    return repeat(info, min, max);
  }

  atom(): { info: Info; quantifiable: boolean } {
    const c = this.src[this.i]!;
    if (c === '(') return this.group();
    if (c === '[') return { info: this.charClass(), quantifiable: true };
    if (c === '\\') return this.escape();
    this.i++;
    if (c === '^' || c === '$') return { info: empty, quantifiable: false };
    if (c === '.') return { info: unknown, quantifiable: true };
    if (c === '*' || c === '+' || c === '?') throw new Unsupported('stray quantifier');
    if (c === '{' && this.unicode) throw new Unsupported('brace');
    const cp = this.src.codePointAt(this.i - 1)!;
    if (cp > 0xffff) this.i++;
    return { info: char(String.fromCodePoint(cp)), quantifiable: true };
  }

  group(): { info: Info; quantifiable: boolean } {
    const head = /^\((\?(?:[:=!]|<[=!]|<[A-Za-z_$][\w$]*>))?/.exec(this.src.slice(this.i));
    const kind = head?.[1];
    if (kind === undefined && this.src[this.i + 1] === '?') throw new Unsupported('group kind');
    this.i += head![0].length;
    const inner = this.alternation();
    if (this.src[this.i] !== ')') throw new Unsupported('unclosed group');
    this.i++;
    // Lookarounds match no characters; what they test promises nothing about the match itself.
    const look = kind === '?=' || kind === '?!' || kind === '?<=' || kind === '?<!';
    // Annex B lets a lookahead be quantified without the `u` flag; it still matches nothing.
    return look ? { info: empty, quantifiable: !this.unicode && (kind === '?=' || kind === '?!') } : { info: inner, quantifiable: true };
  }

  escape(): { info: Info; quantifiable: boolean } {
    const rest = this.src.slice(this.i + 1);
    const c = rest[0];
    if (c === undefined) throw new Unsupported('trailing backslash');
    if (c === 'b' || c === 'B') {
      this.i += 2;
      return { info: empty, quantifiable: false };
    }
    const hex = /^(?:u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2}))/.exec(rest);
    if (hex) {
      this.i += 1 + hex[0].length;
      return { info: char(String.fromCharCode(parseInt(hex[1] ?? hex[2]!, 16))), quantifiable: true };
    }
    const controls: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v' };
    this.i += 2;
    if (controls[c]) return { info: char(controls[c]), quantifiable: true };
    if (identityEscape.test(c)) return { info: char(c), quantifiable: true };
    // Character classes (\d \s \w …), back-references, \p{…}, \cX, \k<…>: known to match something
    // unknown (or, for a back-reference, possibly nothing); skip their arguments and promise nothing.
    if (this.unicode && (c === 'p' || c === 'P' || c === 'u') && this.src[this.i] === '{') {
      const close = this.src.indexOf('}', this.i);
      if (close < 0) throw new Unsupported('escape');
      this.i = close + 1;
    } else if (c === 'k' && this.src[this.i] === '<' && (this.unicode || /\(\?<[A-Za-z_$]/.test(this.src))) {
      const close = this.src.indexOf('>', this.i);
      if (close < 0) throw new Unsupported('escape');
      this.i = close + 1;
    } else if (c === 'c' && /[A-Za-z]/.test(this.src[this.i] ?? '')) {
      this.i++;
    } else if (/[0-9]/.test(c)) {
      while (/[0-9]/.test(this.src[this.i] ?? '')) this.i++;
    }
    return { info: unknown, quantifiable: true };
  }

  /** A bracket class: a few listed characters are exact; ranges, escapes and negation promise nothing. */
  charClass(): Info {
    let j = this.i + 1;
    const negated = this.src[j] === '^';
    if (negated) j++;
    const chars: string[] = [];
    let plain = !negated;
    for (;;) {
      const c = this.src[j];
      if (c === undefined) throw new Unsupported('unclosed class');
      // In JavaScript `]` always closes a class (`[]` matches nothing, `[^]` anything).
      if (c === ']') break;
      if (c === '\\') {
        const e = this.src[j + 1];
        if (e === undefined) throw new Unsupported('class escape');
        if (identityEscape.test(e)) chars.push(e);
        else plain = false;
        j += 2;
        continue;
      }
      if (c === '-' && chars.length > 0 && this.src[j + 1] !== ']') plain = false;
      const cp = this.src.codePointAt(j)!;
      chars.push(String.fromCodePoint(cp));
      j += cp > 0xffff ? 2 : 1;
    }
    this.i = j + 1;
    if (!plain || chars.length === 0 || chars.length > 8 || !chars.every(literalChar)) return unknown;
    return { exact: [...new Set(chars.map((c) => c.toLowerCase()))], req: null };
  }
}

/** Drops strings that contain another string of the set: finding the shorter one is implied. */
function minimal(set: readonly string[]): string[] {
  const sorted = [...new Set(set)].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const out: string[] = [];
  for (const s of sorted) if (!out.some((t) => s.includes(t))) out.push(s);
  return out;
}

const cache = new WeakMap<RegExp, readonly string[] | null>();

/**
 * Strings one of which every match of `pattern` contains (lower case), or undefined when the
 * pattern promises none (then it must simply run). Computed once per RegExp object.
 */
export function requiredLiterals(pattern: RegExp): readonly string[] | undefined {
  let set = cache.get(pattern);
  if (set === undefined) {
    set = null;
    if (!pattern.flags.includes('v')) {
      try {
        const reader = new Reader(pattern.source, pattern.flags.includes('u'));
        const info = reader.alternation();
        if (reader.i !== pattern.source.length) throw new Unsupported('unbalanced');
        const req = bestReq(info);
        // A set with one-letter strings rejects almost nothing: not worth asking.
        if (req && req.every((s) => s.length >= 2)) set = minimal(req);
      } catch (error) {
        if (!(error instanceof Unsupported)) throw error;
      }
    }
    cache.set(pattern, set);
  }
  return set ?? undefined;
}

/** One set for a table: a match of any pattern contains one of them; undefined if any pattern promises none. */
export function requiredLiteralsOfAll(patterns: readonly RegExp[]): readonly string[] | undefined {
  const all: string[] = [];
  for (const p of patterns) {
    const set = requiredLiterals(p);
    if (!set) return undefined;
    all.push(...set);
  }
  return minimal(all);
}

/** `text` lower-cased as the literal sets expect (U+017F long s folds to `s`, as `/s/iu` matches it). */
export function lowerForLiterals(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('\u017f') ? lower.replaceAll('\u017f', 's') : lower;
}

const finders = new WeakMap<readonly string[], RegExp>();

/**
 * `lower` (from `lowerForLiterals`) contains one of `set`. One regex of plain alternatives scans the
 * text once, where a loop of `includes` would scan it once per string.
 */
export function containsAny(lower: string, set: readonly string[]): boolean {
  let finder = finders.get(set);
  if (!finder) {
    finder = new RegExp(set.map((s) => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')).join('|'));
    finders.set(set, finder);
  }
  return finder.test(lower);
}
