// Tokens of the scripting languages we have no grammar for (Perl, Ruby, PHP, Lua, Tcl, awk): their
// quoted literals, the literals assigned to simple variables, and home-relative paths however the
// language spells the home directory. Deliberately shallow: it serves IOC patterns in script.ts, and
// a literal it misreads costs a missed fact, never a crash.

export interface Literal {
  value: string;
  /** Offset of the opening quote. */
  start: number;
  end: number;
}

/** Whole-line comments (`#`, `--`, `//`, `;` in Tcl is not one) blanked, keeping offsets and newlines. */
export function blankComments(text: string): string {
  return text.replace(/^[ \t]*(?:#(?![{!])|--(?!\[)|\/\/)[^\n]*/gm, (m) => ' '.repeat(m.length));
}

const literalPattern = /"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'/g;

export function literalsOf(text: string): Literal[] {
  const out: Literal[] = [];
  for (const m of text.matchAll(literalPattern)) {
    out.push({ value: unescape(m[1] ?? m[2] ?? ''), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function unescape(raw: string): string {
  return raw.includes('\\') ? raw.replace(/\\([\\"'$@nt])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c)) : raw;
}

// `$x = "…"`, `my $x = '…'`, `local x = "…"`, `x = '…'`, Tcl `set x "…"` / `set x word`.
const assignPattern = /(?:^|[\s;{(])(?:my\s+|our\s+|local\s+)?[$@]?([A-Za-z_]\w*)\s*=\s*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)')/gm;
const tclSetPattern = /\bset\s+([A-Za-z_]\w*)\s+(?:"([^"\n]*)"|([^\s"\]\[;]+))/g;

/** Variables assigned a single literal (the last assignment wins), by bare name. */
export function literalVariables(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const m of text.matchAll(assignPattern)) vars.set(m[1]!, unescape(m[2] ?? m[3] ?? ''));
  for (const m of text.matchAll(tclSetPattern)) vars.set(m[1]!, m[2] ?? m[3] ?? '');
  return vars;
}

/** An argument as written (`"x"`, `'x'`, `$x`, `x`) to its literal value, when known. */
export function resolveArg(arg: string, vars: ReadonlyMap<string, string>): string | undefined {
  const a = arg.trim();
  const quoted = /^(["'])(.*)\1$/s.exec(a);
  if (quoted) return quoted[2];
  const name = /^[$@]?([A-Za-z_]\w*)$/.exec(a);
  if (name) return vars.get(name[1]!);
  return /^\d[\d.]*$/.test(a) ? a : undefined;
}

// The home directory inside a literal: Perl `$ENV{HOME}`, Ruby `#{ENV['HOME']}` / `#{Dir.home}`,
// PHP `{$_SERVER['HOME']}`, shell-style `$HOME`.
const homeInside = /^(?:\$ENV\{["']?HOME["']?\}|#\{\s*(?:ENV\[["']HOME["']\]|Dir\.home|File\.expand_path\(["']~["']\))\s*\}|\{?\$_(?:SERVER|ENV)\[["']HOME["']\]\}?|\$\{?HOME\}?)/;
// The home directory just before a literal on its line: `ENV['HOME'] + '/.netrc'`, `getenv('HOME') . '/.ssh'`,
// `os.getenv("HOME") .. "/.aws"`, `File.join(Dir.home, '.netrc')`, `File.expand_path('.netrc', '~')`.
const homeBefore = /(?:ENV\[["']HOME["']\]|\$ENV\{["']?HOME["']?\}|getenv\(\s*["']HOME["']\s*\)|Dir\.home|\$_(?:SERVER|ENV)\[["']HOME["']\]|File\.home|os\.homedir)\s*(?:\)|\.\.?|\+|,|\s)*\s*$/;

/** The literal as a home path (`~/…`) when it is one, else undefined. */
export function homePath(text: string, lit: Literal): string | undefined {
  const v = lit.value;
  if (v.startsWith('~/')) return v;
  const inside = homeInside.exec(v);
  if (inside) return '~' + (v.slice(inside[0].length).startsWith('/') ? '' : '/') + v.slice(inside[0].length);
  if (!/^\/?\.\w/.test(v)) return undefined;
  const lineStart = text.lastIndexOf('\n', lit.start - 1) + 1;
  const before = text.slice(Math.max(lineStart, lit.start - 80), lit.start);
  return homeBefore.test(before) ? '~/' + v.replace(/^\//, '') : undefined;
}
