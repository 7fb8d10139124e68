// A small TOML reader for the few keys package manifests need (pyproject.toml, Pipfile, Cargo.toml):
// tables and arrays of tables, `key = value` with strings, numbers, booleans, arrays (multi-line) and
// inline tables. Not a full TOML implementation: dates and multi-line strings come back as raw text.
// Total: malformed lines are skipped, never thrown on.

export type TomlValue = string | number | boolean | TomlValue[] | { [key: string]: TomlValue };

export interface TomlEntry {
  /** Dotted table name (`project`, `tool.poetry.dependencies`); `''` at the top level. */
  table: string;
  /** Dotted key within the table (quotes removed). */
  key: string;
  value: TomlValue;
  /** 1-based line where the key is. */
  line: number;
}

class Reader {
  readonly s: string;
  i = 0;

  constructor(s: string) {
    this.s = s;
  }

  skip(): void {
    while (this.i < this.s.length) {
      const ch = this.s[this.i]!;
      if (ch === '#') while (this.i < this.s.length && this.s[this.i] !== '\n') this.i++;
      else if (/\s/.test(ch)) this.i++;
      else break;
    }
  }

  value(depth = 0): TomlValue {
    this.skip();
    const ch = this.s[this.i];
    if (depth > 32) throw new Error('nesting too deep');
    if (ch === '"' || ch === "'") return this.string();
    if (ch === '[') {
      this.i++;
      const items: TomlValue[] = [];
      for (;;) {
        this.skip();
        if (this.s[this.i] === ']') {
          this.i++;
          return items;
        }
        if (this.i >= this.s.length) throw new Error('unterminated array');
        items.push(this.value(depth + 1));
        this.skip();
        if (this.s[this.i] === ',') this.i++;
      }
    }
    if (ch === '{') {
      this.i++;
      const table: Record<string, TomlValue> = {};
      for (;;) {
        this.skip();
        if (this.s[this.i] === '}') {
          this.i++;
          return table;
        }
        if (this.i >= this.s.length) throw new Error('unterminated inline table');
        const key = this.key();
        this.skip();
        if (this.s[this.i] !== '=') throw new Error('expected =');
        this.i++;
        table[key] = this.value(depth + 1);
        this.skip();
        if (this.s[this.i] === ',') this.i++;
      }
    }
    const m = /^[^,\]}\n#]+/.exec(this.s.slice(this.i, this.i + 200));
    if (!m) throw new Error('expected a value');
    this.i += m[0].length;
    const raw = m[0].trim();
    if (raw === 'true' || raw === 'false') return raw === 'true';
    const num = Number(raw.replace(/_/g, ''));
    return Number.isFinite(num) && raw !== '' ? num : raw;
  }

  string(): string {
    const quote = this.s[this.i]!;
    const triple = this.s.startsWith(quote.repeat(3), this.i);
    const end = triple ? quote.repeat(3) : quote;
    this.i += end.length;
    let out = '';
    while (this.i < this.s.length && !this.s.startsWith(end, this.i)) {
      const ch = this.s[this.i]!;
      if (ch === '\\' && quote === '"') {
        const next = this.s[this.i + 1] ?? '';
        out += next === 'n' ? '\n' : next === 't' ? '\t' : next;
        this.i += 2;
        continue;
      }
      if (ch === '\n' && !triple) throw new Error('unterminated string');
      out += ch;
      this.i++;
    }
    this.i += end.length;
    return out;
  }

  key(): string {
    const parts: string[] = [];
    for (;;) {
      this.skip();
      const ch = this.s[this.i];
      if (ch === '"' || ch === "'") parts.push(this.string());
      else {
        const m = /^[\w-]+/.exec(this.s.slice(this.i, this.i + 200));
        if (!m) throw new Error('expected a key');
        parts.push(m[0]);
        this.i += m[0].length;
      }
      this.skip();
      if (this.s[this.i] !== '.') return parts.join('.');
      this.i++;
    }
  }
}

/** Every `key = value` of a TOML text with its table and line; bad lines are skipped. */
export function readToml(text: string): TomlEntry[] {
  const entries: TomlEntry[] = [];
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  let table = '';
  let line = 0;
  while (line < lineStarts.length) {
    const start = lineStarts[line]!;
    const end = lineStarts[line + 1] ?? text.length;
    const raw = text.slice(start, end).trim();
    line++;
    if (!raw || raw.startsWith('#')) continue;
    const header = /^\[\[?\s*([^\]]+?)\s*\]\]?/.exec(raw);
    if (header) {
      table = header[1]!.replace(/\s*\.\s*/g, '.').replace(/["']/g, '');
      continue;
    }
    const reader = new Reader(text);
    reader.i = start;
    try {
      const key = reader.key();
      reader.skip();
      if (reader.s[reader.i] !== '=') continue;
      reader.i++;
      const value = reader.value();
      entries.push({ table, key, value, line });
      while (line < lineStarts.length && lineStarts[line]! < reader.i) line++;
    } catch {
      // not a key/value line we can read; go on with the next line
    }
  }
  return entries;
}
