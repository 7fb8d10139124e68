// What the Python and JavaScript analyzers know about an expression while they walk a file once:
// its string value (when it is built from literals), where its data came from (for `flow` facts),
// and what kind of object it is (a socket, a file handle, an HTTP response…). Shared by both
// analyzers so the two languages model data flow the same way. Linear: every value is built from
// its children's values, never by re-walking.

import type { DecodeFact, FactDraft, Source } from '../facts.ts';

/** A decode fact still being built: `executed` may be set after it is recorded. */
export type DecodeDraft = Omit<DecodeFact, 'file' | 'context'>;

export interface Value {
  /** String value; parts that are not known are `*` (then `exact` is false). */
  text?: string;
  /** `text` is the whole value, with no unknown part. */
  exact?: boolean;
  /** Where the data in this value came from. */
  sources: readonly Source[];
  /** Content fetched from the network (the URL, or '' when it is not known). */
  remote?: string;
  /** The value is (derived from) a decoded literal. */
  decoded?: DecodeDraft;
  /** The value came out of a decoder whose input is not a literal (`b64decode(sys.argv[1])`). */
  viaDecoder?: boolean;
  /** Raw bytes of a decoded literal that is not text (zlib input, marshal…). */
  bytes?: Uint8Array;
  /** Object kind for method dispatch: `socket`, `file`, `path`, `response`, `http-client`… */
  type?: string;
  /** Path of a file handle / `Path` object / archive, normalised. */
  path?: string;
  /** Mode of a file handle (`r`, `w`, `a`, …). */
  mode?: string;
  host?: string;
  port?: number;
  /** Elements of a list/tuple/array literal. */
  items?: readonly Value[];
  /** Keys of a dict/object literal with their values. */
  entries?: ReadonlyMap<string, Value>;
  /** The variable name the value was read from, for `exec-dynamic` input `variable`. */
  name?: string;
  /** A downloaded file's URL, on the path value it was saved to. */
  downloadedFrom?: string;
  /** Dotted name of a module or function reference (`urllib.request.urlopen`), not data. */
  qname?: string;
  /** The fact recorded for this object (a socket, a file write), completed by later calls. */
  handle?: FactDraft;
}

export const unknown: Value = Object.freeze({ sources: [] as Source[] }) as Value;

export function literal(text: string): Value {
  return { text, exact: true, sources: [] };
}

function sourceKey(s: Source): string {
  return s.kind === 'file' ? `file:${s.path}` : s.kind === 'env' ? `env:${s.name}` : s.kind;
}

const maxSources = 16;

/** Union of sources, deduplicated, capped so a long file cannot grow them without bound. */
export function unionSources(...lists: (readonly Source[] | undefined)[]): readonly Source[] {
  const nonEmpty = lists.filter((l): l is readonly Source[] => l !== undefined && l.length > 0);
  if (nonEmpty.length === 0) return [];
  if (nonEmpty.length === 1 && nonEmpty[0]!.length === 1) return nonEmpty[0]!;
  const seen = new Map<string, Source>();
  for (const list of nonEmpty) {
    for (const s of list) {
      if (seen.size >= maxSources) break;
      if (!seen.has(sourceKey(s))) seen.set(sourceKey(s), s);
    }
  }
  return [...seen.values()];
}

/**
 * A value derived from others without a known string value (a call result, an operation): it carries
 * their sources, and their remote/decoded origin, so `exec(b64decode(x).decode())` is still decoded.
 */
export function derive(...values: readonly (Value | undefined)[]): Value {
  // Most values carry nothing (a literal, a local computation): skip the merging allocations.
  if (values.every((v) => v === undefined || (v.sources.length === 0 && v.remote === undefined && !v.decoded && !v.viaDecoder && !v.bytes))) return { sources: [] };
  const present = values.filter((v): v is Value => v !== undefined);
  const out: Value = { sources: unionSources(...present.map((v) => v.sources)) };
  for (const v of present) {
    if (v.remote !== undefined && out.remote === undefined) out.remote = v.remote;
    if (v.decoded && !out.decoded) out.decoded = v.decoded;
    if (v.viaDecoder) out.viaDecoder = true;
    if (v.bytes && !out.bytes) out.bytes = v.bytes;
  }
  return out;
}

/** String concatenation (`+`, f-strings, template literals): known text joined, unknown parts as `*`. */
export function concat(parts: readonly Value[]): Value {
  const out = derive(...parts);
  let text = '';
  let exact = true;
  let known = false;
  for (const p of parts) {
    if (p.text !== undefined) {
      text += p.text;
      known = true;
      if (!p.exact) exact = false;
    } else {
      text += '*';
      exact = false;
    }
  }
  if (known) {
    out.text = text.replace(/\*{2,}/g, '*');
    out.exact = exact;
  }
  return out;
}

/** The value's string when it is fully known. */
export function exactText(v: Value | undefined): string | undefined {
  return v?.exact ? v.text : undefined;
}

/** The value's string with unknown parts as `*`, when any part is known. */
export function someText(v: Value | undefined): string | undefined {
  return v?.text;
}

/** Quotes one word for a POSIX shell command line, as `shlex.join` would. */
export function shellQuote(word: string): string {
  if (word === '') return "''";
  if (/^[\w@%+=:,./~*$-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'"'"'`)}'`;
}

/** An argv list as a shell command line: known words quoted, unknown ones as `$NAME` / `$X`. */
export function argvToShell(items: readonly Value[]): string {
  return items.map((v) => (v.text !== undefined ? shellQuote(v.text) : `"$${(v.name ?? 'X').replace(/\W/g, '_').toUpperCase()}"`)).join(' ');
}
