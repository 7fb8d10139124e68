// Python manifests: requirements files (pins, hashes, index options, VCS/URL requirements), PEP 508
// strings in pyproject.toml `[project]` and setup.cfg, Poetry tables and Pipfile sections.

import { readToml, type TomlEntry, type TomlValue } from './manifest-toml.ts';
import type { ManifestOut } from './manifest-out.ts';

const defaultIndex = /^https?:\/\/(?:pypi\.org|pypi\.python\.org|files\.pythonhosted\.org)(?:\/|$)/i;

interface Pep508 {
  name: string;
  version?: string;
  source?: string;
  pinned: boolean;
}

/** `name[extra] ==1.2 ; marker`, `name @ https://…`, `git+https://…#egg=name`. */
export function parsePep508(spec: string): Pep508 | undefined {
  const s = spec.split(/\s+#/)[0]!.trim();
  const vcs = /^(?:-e\s+)?((?:git|hg|svn|bzr)\+\S+|https?:\/\/\S+)/.exec(s);
  if (vcs) {
    const egg = /#egg=([\w.-]+)/.exec(vcs[1]!)?.[1] ?? vcs[1]!.split(/[/@#]/).filter(Boolean).pop()?.replace(/\.git$/, '') ?? '';
    return { name: egg, source: vcs[1]!, pinned: /@[0-9a-f]{40}\b/.test(vcs[1]!) };
  }
  const m = /^([A-Za-z0-9][\w.-]*)\s*(?:\[[^\]]*\])?\s*(.*)$/.exec(s);
  if (!m) return undefined;
  const rest = m[2]!.split(';')[0]!.trim();
  const at = /^@\s*(\S+)/.exec(rest);
  if (at) return { name: m[1]!, source: at[1]!, pinned: /@[0-9a-f]{40}\b|#sha256=/.test(at[1]!) };
  const version = rest.replace(/^\(|\)$/g, '').trim();
  return { name: m[1]!, ...(version ? { version } : {}), pinned: /^===?\s*[\w.+!-]+$/.test(version) && !version.includes('*') };
}

export function readRequirements(out: ManifestOut): void {
  const logical: { text: string; line: number }[] = [];
  let pending: { text: string; line: number } | undefined;
  out.text.split('\n').forEach((raw, i) => {
    const text = raw.replace(/(^|\s)#.*$/, '').trimEnd();
    pending = pending ? { text: pending.text + ' ' + text.trim(), line: pending.line } : { text: text.trim(), line: i + 1 };
    if (pending.text.endsWith('\\')) pending.text = pending.text.slice(0, -1);
    else {
      if (pending.text) logical.push(pending);
      pending = undefined;
    }
  });
  if (pending?.text) logical.push(pending);
  let index: string | undefined;
  for (const { text } of logical) {
    const m = /^(?:-i|--index-url|--extra-index-url|-f|--find-links)(?:\s+|=)(\S+)/.exec(text);
    if (m && !defaultIndex.test(m[1]!)) index ??= m[1]!;
  }
  for (const { text, line } of logical) {
    if (/^-(?!e\s)/.test(text)) continue;
    const hashed = /--hash[=\s]/.test(text);
    const dep = parsePep508(text.replace(/\s--[\w-]+(?:[=\s]\S+)?/g, ''));
    if (!dep) continue;
    out.dependency(line, 'pypi', dep.name, dep.version, dep.pinned || hashed, dep.source ?? index);
  }
}

function strings(v: TomlValue): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** A Poetry/Pipfile `name = "spec"` or `name = { version, git, url, path }` entry. */
function tableDependency(out: ManifestOut, e: TomlEntry, index: string | undefined): void {
  if (e.key === 'python') return;
  const v = e.value;
  let version: string | undefined;
  let source: string | undefined;
  if (typeof v === 'string') version = v;
  else if (typeof v === 'object' && !Array.isArray(v)) {
    const t = v as Record<string, TomlValue>;
    version = typeof t.version === 'string' ? t.version : undefined;
    const src = t.git ?? t.url ?? t.path ?? t.file;
    if (typeof src === 'string') source = src;
  }
  const pinned = version !== undefined && /^(?:==\s*)?\d[\w.+-]*$/.test(version.trim());
  out.dependency(e.line, 'pypi', e.key, version === '*' ? undefined : version, pinned, source ?? index);
}

/** `[tool.uv.sources] name = { git = "…" }` / `{ url = "…" }`: where uv fetches that dependency instead of an index. */
function uvSourcesOf(entries: readonly TomlEntry[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of entries) {
    if (e.table !== 'tool.uv.sources' || typeof e.value !== 'object' || Array.isArray(e.value)) continue;
    const t = e.value as Record<string, TomlValue>;
    const src = t.git ?? t.url;
    if (typeof src === 'string') map.set(e.key.toLowerCase(), t.git === src && !src.startsWith('git+') ? `git+${src}` : src);
  }
  return map;
}

export function readPyproject(out: ManifestOut): void {
  const entries = readToml(out.text);
  // uv's `[[tool.uv.index]]` (searched before PyPI) and PDM's `[[tool.pdm.source]]` pick the index too.
  const sourceUrl = entries.find((e) => /^(?:tool\.poetry\.source|source|tool\.uv|tool\.uv\.index|tool\.pdm\.source)$/.test(e.table) && /^(?:url|index-url|extra-index-url)$/.test(e.key) && typeof e.value === 'string' && !defaultIndex.test(e.value));
  const index = typeof sourceUrl?.value === 'string' ? sourceUrl.value : undefined;
  const uvSources = uvSourcesOf(entries);
  for (const e of entries) {
    const pep508List = (e.table === 'project' && e.key === 'dependencies') || e.table === 'project.optional-dependencies'
      || (e.table === 'build-system' && e.key === 'requires') || e.table === 'dependency-groups';
    if (pep508List) {
      for (const spec of strings(e.value)) {
        const dep = parsePep508(spec);
        if (dep) out.dependency(out.lineOf(spec, e.line), 'pypi', dep.name, dep.version, dep.pinned, dep.source ?? uvSources.get(dep.name.toLowerCase()) ?? index);
      }
    } else if (/^tool\.poetry(?:\.group\.[\w-]+)?\.(?:dev-)?dependencies$/.test(e.table) || e.table === 'packages' || e.table === 'dev-packages') {
      tableDependency(out, e, index);
    }
  }
}

export function readSetupCfg(out: ManifestOut): void {
  const lines = out.text.split('\n');
  let inRequires = false;
  lines.forEach((raw, i) => {
    if (/^\s*install_requires\s*=/.test(raw)) {
      inRequires = true;
      const inline = raw.split('=').slice(1).join('=').trim();
      if (inline) emitSpec(out, inline, i + 1);
      return;
    }
    if (inRequires && /^\s+\S/.test(raw)) emitSpec(out, raw.trim(), i + 1);
    else if (raw.trim()) inRequires = false;
  });
}

function emitSpec(out: ManifestOut, spec: string, line: number): void {
  const dep = parsePep508(spec);
  if (dep) out.dependency(line, 'pypi', dep.name, dep.version, dep.pinned, dep.source);
}
