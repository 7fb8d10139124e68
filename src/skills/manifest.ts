// SKILL.md frontmatter, read the way OpenClaw reads it (docs/tools/skills.md; research/openclaw.md
// §1.1): YAML first, a line-by-line `key: value` reader when the YAML is broken, `metadata` either a
// nested map or a (single-line) JSON5 string, the OpenClaw block under `metadata.openclaw` or its
// legacy names `clawdbot` / `clawdis`. Never throws: what cannot be read becomes an issue.

import JSON5 from 'json5';
import { parse as parseYaml } from 'yaml';
import type { EnvVarSpec, InstallSpec, LoadIssue, OpenClawMetadata, SkillManifest } from './types.ts';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

function list(v: unknown): string[] {
  if (typeof v === 'string') return v.split(/[,\s]+/).filter(Boolean);
  if (Array.isArray(v)) return v.map((x) => str(x)).filter((x): x is string => x !== undefined && x !== '');
  return [];
}

function bool(v: unknown, fallback: boolean): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'yes') return true;
  if (v === 'false' || v === 'no') return false;
  return fallback;
}

/** Splits `---` frontmatter from the body; lines are 1-based. */
function splitFrontmatter(text: string): { yaml?: string; body: string; bodyLine: number; unterminated?: boolean } {
  const lines = text.split('\n');
  if ((lines[0] ?? '').replace(/\r$/, '').trimEnd() !== '---') return { body: text, bodyLine: 1 };
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '').trimEnd();
    if (line === '---' || line === '...') {
      return { yaml: lines.slice(1, i).join('\n'), body: lines.slice(i + 1).join('\n'), bodyLine: i + 2 };
    }
  }
  return { body: text, bodyLine: 1, unterminated: true };
}

/** OpenClaw's fallback when YAML fails: one `key: value` per line, values taken as written. */
function parseLines(yaml: string): Obj {
  const out: Obj = {};
  for (const raw of yaml.split('\n')) {
    const m = /^([A-Za-z0-9_-]+)\s*:\s*(.*?)\s*$/.exec(raw.replace(/\r$/, ''));
    if (!m) continue;
    let value: unknown = m[2]!;
    const quoted = /^(['"])(.*)\1$/.exec(m[2]!);
    if (quoted) value = quoted[2];
    out[m[1]!] = value;
  }
  return out;
}

function parseMetadata(value: unknown, issues: LoadIssue[], file: string): Obj {
  if (isObj(value)) return value;
  if (typeof value === 'string' && value.trim() !== '') {
    try {
      const parsed: unknown = JSON5.parse(value);
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
    always: bool(block.always, false),
    homepage: str(block.homepage),
    skillKey: str(block.skillKey),
    emoji: str(block.emoji),
  };
}

export function parseManifest(text: string, file: string): { manifest: SkillManifest; issues: LoadIssue[] } {
  const issues: LoadIssue[] = [];
  const clean = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const split = splitFrontmatter(clean);
  if (split.unterminated) issues.push({ code: 'frontmatter-invalid', file, message: 'frontmatter starts with --- but never ends' });
  let fm: Obj = {};
  if (split.yaml !== undefined) {
    try {
      const parsed: unknown = parseYaml(split.yaml.replace(/\r$/gm, ''), { uniqueKeys: false });
      if (isObj(parsed)) fm = parsed;
      else if (parsed != null) issues.push({ code: 'frontmatter-invalid', file, message: 'frontmatter is not a key/value map' });
    } catch (error) {
      fm = parseLines(split.yaml);
      issues.push({ code: 'frontmatter-invalid', file, message: `frontmatter is not valid YAML (${(error as Error).message.split('\n')[0]}); read line by line` });
    }
  }
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
