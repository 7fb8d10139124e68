// SKILL.md frontmatter, read the way OpenClaw reads it (docs/tools/skills.md; research/openclaw.md
// §1.1): YAML first, a line-by-line `key: value` reader when the YAML is broken, `metadata` either a
// nested map or a (single-line) JSON5 string, the OpenClaw block under `metadata.openclaw` or its
// legacy names `clawdbot` / `clawdis`. Never throws: what cannot be read becomes an issue.

import JSON5 from 'json5';
import { parse as parseYaml } from 'yaml';
import { isPlainJsonLine, simpleFrontmatter } from './frontmatter-simple.ts';
import type { EnvVarSpec, InstallSpec, LoadIssue, OpenClawMetadata, SkillManifest } from './types.ts';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

function list(v: unknown): string[] {
  if (typeof v === 'string') return v.split(/[,\s]+/).filter(Boolean);
  if (Array.isArray(v)) return v.map((x) => str(x)).filter((x): x is string => x !== undefined && x !== '');
  return [];
}

/** OpenClaw's parseBooleanValue over the frontmatter value as a string: true/1/yes/on, false/0/no/off, any case. */
function bool(v: unknown, fallback: boolean): boolean {
  if (typeof v === 'boolean') return v;
  const word = typeof v === 'string' || typeof v === 'number' ? String(v).trim().toLowerCase() : '';
  if (['true', '1', 'yes', 'on'].includes(word)) return true;
  if (['false', '0', 'no', 'off'].includes(word)) return false;
  return fallback;
}

/**
 * Splits `---` frontmatter from the body as OpenClaw does (src/markdown/frontmatter.ts,
 * parseFrontmatterBlock): line endings normalised, the block opens with `---` on the first line and
 * closes at the next line starting with `---`. `bodyLine` is 1-based.
 */
function splitFrontmatter(text: string): { yaml?: string; body: string; bodyLine: number; unterminated?: boolean } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (!(lines[0] ?? '').startsWith('---')) return { body: text, bodyLine: 1 };
  for (let i = 1; i < lines.length; i++) {
    if (lines[i]!.startsWith('---')) {
      return { yaml: lines.slice(1, i).join('\n'), body: lines.slice(i + 1).join('\n'), bodyLine: i + 2 };
    }
  }
  return { body: text, bodyLine: 1, unterminated: true };
}

const linePattern = /^([\w-]+):\s*(.*)$/;
const indented = (line: string) => line.startsWith(' ') || line.startsWith('\t');

/**
 * OpenClaw's line reader: `key: value` per line, quotes stripped; a key with nothing after the colon
 * takes the indented lines below it as one string (how a multi-line JSON5 `metadata` survives).
 */
function parseLines(yaml: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = yaml.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = linePattern.exec(lines[i]!);
    if (!m) continue;
    let value = m[2]!.trim();
    if (value === '') {
      const block: string[] = [];
      while (i + 1 < lines.length && (lines[i + 1] === '' || indented(lines[i + 1]!))) block.push(lines[++i]!);
      value = block.join('\n').trim();
    } else {
      const quoted = /^(['"])(.*)\1$/s.exec(value);
      if (quoted) value = quoted[2]!;
    }
    if (value !== '') out[m[1]!] = value;
  }
  return out;
}

/**
 * Deepest `[`/`{` nesting in the text (quotes not considered, so it can only overstate). YAML's and
 * JSON5's parsers recurse once per level: a few hundred KB of brackets took seconds to overflow.
 */
function flowDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return max;
}

/** Far deeper than any real frontmatter (metadata nests about five levels). */
const maxFlowDepth = 64;

const tooDeep = (file: string, what: string, depth: number): LoadIssue => ({
  code: 'frontmatter-invalid', file, message: `${what} nests ${depth} levels deep (limit ${maxFlowDepth}); not parsed`,
});

function parseMetadata(value: unknown, issues: LoadIssue[], file: string): Obj {
  if (isObj(value)) return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const depth = flowDepth(value);
    if (depth > maxFlowDepth) {
      issues.push(tooDeep(file, 'metadata', depth));
      return {};
    }
    try {
      const parsed: unknown = isPlainJsonLine(value) ? JSON.parse(value) : JSON5.parse(value);
      if (isObj(parsed)) return parsed;
    } catch (error) {
      issues.push({ code: 'frontmatter-invalid', file, message: `metadata is not valid JSON5: ${(error as Error).message}` });
    }
  }
  return {};
}

function installSpec(v: unknown): InstallSpec | undefined {
  if (!isObj(v)) return undefined;
  return {
    id: str(v.id), kind: str(v.kind) ?? 'unknown', label: str(v.label), formula: str(v.formula),
    package: str(v.package), module: str(v.module), url: str(v.url), sha256: str(v.sha256),
    archive: str(v.archive), bins: list(v.bins), os: list(v.os), raw: v,
  };
}

function envVars(v: unknown): EnvVarSpec[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((e): EnvVarSpec[] => {
    if (typeof e === 'string') return [{ name: e, required: true }];
    if (isObj(e) && str(e.name)) return [{ name: str(e.name)!, required: bool(e.required, true), description: str(e.description) }];
    return [];
  });
}

function openclawBlock(meta: Obj): { block: Obj; key?: SkillManifest['metadataKey'] } {
  for (const key of ['openclaw', 'clawdbot', 'clawdis'] as const) {
    if (isObj(meta[key])) return { block: meta[key], key };
  }
  return { block: {} };
}

function normalise(block: Obj): OpenClawMetadata {
  const requires = isObj(block.requires) ? block.requires : {};
  return {
    requires: { bins: list(requires.bins), anyBins: list(requires.anyBins), env: list(requires.env), config: list(requires.config) },
    primaryEnv: str(block.primaryEnv),
    envVars: envVars(block.envVars),
    os: list(block.os),
    install: (Array.isArray(block.install) ? block.install : []).map(installSpec).filter((s): s is InstallSpec => s !== undefined),
    always: block.always === true, // OpenClaw honours only a real boolean
    homepage: str(block.homepage),
    skillKey: str(block.skillKey),
    emoji: str(block.emoji),
  };
}

/** The frontmatter map: YAML (core schema) unless it is too deep or broken, then OpenClaw's line reader. */
function readFrontmatter(yaml: string, file: string, issues: LoadIssue[]): Obj {
  const depth = flowDepth(yaml);
  if (depth > maxFlowDepth) {
    issues.push(tooDeep(file, 'frontmatter', depth));
    return parseLines(yaml);
  }
  const simple = simpleFrontmatter(yaml);
  if (simple) return simple;
  const lines = parseLines(yaml);
  let parsed: unknown;
  try {
    parsed = parseYaml(yaml, { schema: 'core', uniqueKeys: false });
  } catch (error) {
    issues.push({ code: 'frontmatter-invalid', file, message: `frontmatter is not valid YAML (${(error as Error).message.split('\n')[0]}); read line by line` });
    return lines;
  }
  if (!isObj(parsed)) {
    if (parsed != null) issues.push({ code: 'frontmatter-invalid', file, message: 'frontmatter is not a key/value map; read line by line' });
    return lines;
  }
  // OpenClaw lets a line-read `metadata` that looks like JSON win over YAML's reading of it (the
  // string is then JSON5-parsed); other keys keep YAML's value, which is what OpenClaw uses for them.
  if (lines.metadata?.startsWith('{')) parsed.metadata = lines.metadata;
  return parsed;
}

export function parseManifest(text: string, file: string): { manifest: SkillManifest; issues: LoadIssue[] } {
  const issues: LoadIssue[] = [];
  const clean = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const split = splitFrontmatter(clean);
  if (split.unterminated) issues.push({ code: 'frontmatter-invalid', file, message: 'frontmatter starts with --- but never ends' });
  const fm: Obj = split.yaml === undefined ? {} : readFrontmatter(split.yaml, file, issues);
  const meta = parseMetadata(fm.metadata, issues, file);
  const { block, key } = openclawBlock(meta);
  const openclaw = normalise(block);
  const frontmatter: Obj = { ...fm, metadata: meta };
  return {
    manifest: {
      file,
      name: str(fm.name),
      description: str(fm.description),
      homepage: str(fm.homepage) ?? openclaw.homepage,
      version: str(fm.version),
      userInvocable: bool(fm['user-invocable'], true),
      disableModelInvocation: bool(fm['disable-model-invocation'], false),
      allowedTools: list(fm['allowed-tools']),
      metadataKey: key,
      openclaw,
      frontmatter,
      body: split.body,
      bodyLine: split.bodyLine,
    },
    issues,
  };
}
