// Finds, in one pass over a text, which registered literal sets it touches: a set is touched when
// the text contains one of its strings. The prose matcher registers the required literals of every
// phrase table (required-literals.ts) and scans each prose text once, so asking "can this table
// match here?" of dozens of tables costs one lookup each instead of one regex scan each.
//
// The strings live in a trie walked from every position of the text whose character starts some
// string. Sets may be added at any time (tables are first seen while scanning): a scan answers for
// the sets registered before it (`id < scan.version`); for a later one the caller scans again.

interface TrieNode {
  next: Map<number, TrieNode>;
  /** Ids of the sets that hold the string ending here. */
  sets?: number[];
}

/** Past this many sets (callers building tables on the fly), new sets are not indexed. */
const maxSets = 4_096;

const root: TrieNode = { next: new Map() };
/** Non-zero for a UTF-16 code unit that starts some string. */
const startsString = new Uint8Array(0x10000);
const ids = new WeakMap<readonly string[], number>();
let setCount = 0;

/** What one scan found: `touched[id]` is 1 for each set touched, for every id below `version`. */
export interface LiteralScan {
  version: number;
  touched: Uint8Array;
}

/** The id of `set` (lower-case strings), registering it on first sight; undefined when the index is full. */
export function literalSetId(set: readonly string[]): number | undefined {
  let id = ids.get(set);
  if (id !== undefined) return id;
  if (setCount >= maxSets || set.length === 0 || set.some((s) => s.length === 0)) return undefined;
  id = setCount++;
  ids.set(set, id);
  for (const s of set) {
    let node = root;
    for (let i = 0; i < s.length; i++) {
      const code = s.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) node.next.set(code, (child = { next: new Map() }));
      node = child;
    }
    (node.sets ??= []).push(id);
    startsString[s.charCodeAt(0)] = 1;
  }
  return id;
}

/** Which sets `lower` touches (it must be lower-cased as the sets are). */
export function scanLiterals(lower: string): LiteralScan {
  const touched = new Uint8Array(setCount);
  const n = lower.length;
  for (let i = 0; i < n; i++) {
    if (startsString[lower.charCodeAt(i)] === 0) continue;
    let node: TrieNode | undefined = root;
    for (let j = i; j < n; j++) {
      node = node.next.get(lower.charCodeAt(j));
      if (!node) break;
      if (node.sets) for (const id of node.sets) touched[id] = 1;
    }
  }
  return { version: setCount, touched };
}
