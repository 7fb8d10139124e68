// One-line evidence for facts, and offset → line mapping for analyzers that work on offsets.

const maxExcerpt = 160;

/** `text` flattened to one line (runs of whitespace become one space), cut to 160 characters. */
export function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > maxExcerpt ? `${flat.slice(0, maxExcerpt - 3)}...` : flat;
}

/** Line `line` (1-based) of `text` as evidence; empty when out of range. */
export function excerpt(text: string, line: number): string {
  return oneLine(new LineMap(text).lineText(line));
}

/** Newlines in `text` before offset `end` (all of them by default). */
export function countNewlines(text: string, end = text.length): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Start offsets of every line of a text, built once, so each lookup is a binary search. */
export class LineMap {
  readonly #text: string;
  readonly #starts: number[];
  /** Evidence by line: every fact of a line asks for the same excerpt. */
  readonly #excerpts = new Map<number, string>();

  constructor(text: string) {
    this.#text = text;
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.#starts = starts;
  }

  get lineCount(): number {
    return this.#starts.length;
  }

  /** 1-based line of a 0-based character offset (clamped into the text). */
  lineOf(offset: number): number {
    const starts = this.#starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** The text of 1-based line `line`, without its newline; empty when out of range. */
  lineText(line: number): string {
    if (line < 1 || line > this.#starts.length) return '';
    const start = this.#starts[line - 1]!;
    const next = this.#starts[line];
    return this.#text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
  }

  /** One-line evidence of line `line`. */
  excerpt(line: number): string {
    let text = this.#excerpts.get(line);
    if (text === undefined) this.#excerpts.set(line, (text = oneLine(this.lineText(line))));
    return text;
  }
}
