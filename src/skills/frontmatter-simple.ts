// The frontmatter most skills have, read without the YAML parser: one `key: value` per line, each
// value a plain scalar, a quoted string without escapes, or (`metadata`) one line of printable-ASCII
// JSON. YAML cost about 0.3 ms a skill, most of it lexing that one-line JSON whose line-read value
// replaces YAML's reading anyway (manifest.ts). The answer is exactly what the YAML path gives; the
// test pins the two together on real frontmatters and on hostile variants. Anything outside these
// shapes returns undefined, and YAML reads it.

type Obj = Record<string, unknown>;

const entry = /^([A-Za-z][\w-]*): +(.*?) *$/;
// Characters every scalar style reads as themselves: printable ASCII and Unicode without controls,
// line or paragraph separators, the BOM, surrogates (astral characters go to YAML) or non-characters.
const wide = '\\u00a0-\\u2027\\u202a-\\ud7ff\\ue000-\\ufefe\\uff00-\\ufffd';
// A plain scalar starts with a letter (no indicator) and holds no backslash or flow bracket; `: `
// and ` #` (a mapping, a comment) are ruled out separately.
const plain = new RegExp(`^[A-Za-z${wide}][\\x20-\\x5a\\x5e-\\x7a\\x7c\\x7e${wide}]*$`);
const doubleQuoted = new RegExp(`^"([\\x20\\x21\\x23-\\x5b\\x5d-\\x7e${wide}]*)"$`);
const singleQuoted = new RegExp(`^'([\\x20-\\x26\\x28-\\x7e${wide}]*)'$`);
// The YAML 1.2 core schema's readings of a plain scalar that starts with a letter.
const coreTrue = /^(?:[Tt]rue|TRUE)$/;
const coreFalse = /^(?:[Ff]alse|FALSE)$/;
const coreNull = /^(?:[Nn]ull|NULL)$/;

/**
 * A JSON object on one line that YAML accepts as a flow mapping and JSON5 reads as JSON does:
 * printable ASCII, no escapes, short enough that no key reaches YAML's 1,024-character limit.
 */
export function isPlainJsonLine(value: string): boolean {
  if (value.length > 1000 || !value.startsWith('{') || !/^[\x20-\x5b\x5d-\x7e]*$/.test(value)) return false;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

function scalar(key: string, value: string): { value: unknown } | undefined {
  if (plain.test(value) && !value.endsWith(':') && !/: | #/.test(value)) {
    return { value: coreTrue.test(value) ? true : coreFalse.test(value) ? false : coreNull.test(value) ? null : value };
  }
  const quoted = doubleQuoted.exec(value) ?? singleQuoted.exec(value);
  if (quoted) return { value: quoted[1] };
  // The line-read JSON is what manifest.ts keeps for `metadata`, once YAML has accepted the line.
  if (key === 'metadata' && isPlainJsonLine(value)) return { value };
  return undefined;
}

/** The frontmatter map, or undefined when it is not of the simple shape (YAML must read it). */
export function simpleFrontmatter(yaml: string): Obj | undefined {
  const out: Obj = {};
  for (const line of yaml.split('\n')) {
    if (line === '') continue;
    const m = entry.exec(line);
    if (!m) return undefined;
    const key = m[1]!;
    // Keys YAML would read as booleans or null, and repeated keys, are left to it.
    if (Object.hasOwn(out, key) || /^(?:true|false|null)$/i.test(key)) return undefined;
    const read = scalar(key, m[2]!);
    if (!read) return undefined;
    out[key] = read.value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
