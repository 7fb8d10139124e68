// go.mod, Gemfile and Cargo.toml: dependency facts with pins and non-registry sources.

import { readToml, type TomlValue } from './manifest-toml.ts';
import type { ManifestOut } from './manifest-out.ts';

export function readGoMod(out: ManifestOut): void {
  const replaced = new Map<string, string>();
  let block: string | undefined;
  const lines = out.text.split('\n');
  lines.forEach((raw) => {
    const m = /^\s*(?:replace\s+)?(\S+)(?:\s+\S+)?\s+=>\s+(\S+)/.exec(raw.replace(/\/\/.*$/, ''));
    if (m) replaced.set(m[1]!, m[2]!);
  });
  lines.forEach((raw, i) => {
    const text = raw.replace(/\/\/.*$/, '').trim();
    if (/^\)$/.test(text)) block = undefined;
    const open = /^(require|replace|exclude|retract)\s*\($/.exec(text);
    if (open) {
      block = open[1];
      return;
    }
    const single = /^require\s+(\S+)\s+(\S+)/.exec(text);
    const inner = block === 'require' ? /^(\S+)\s+(v\S+)/.exec(text) : null;
    const m = single ?? inner;
    if (m) out.dependency(i + 1, 'go', m[1]!, m[2]!, true, replaced.get(m[1]!));
  });
}

export function readGemfile(out: ManifestOut): void {
  let source: string | undefined;
  out.text.split('\n').forEach((raw, i) => {
    const text = raw.replace(/#.*$/, '').trim();
    const src = /^source\s+['"]([^'"]+)['"]/.exec(text);
    if (src && !/^https?:\/\/rubygems\.org\/?$/.test(src[1]!)) source = src[1]!;
    const gem = /^gem\s+['"]([^'"]+)['"]\s*(.*)$/.exec(text);
    if (!gem) return;
    const versions = [...gem[2]!.matchAll(/^,?\s*['"]([^'"]+)['"]|,\s*['"]([^'"]+)['"]/g)].map((v) => v[1] ?? v[2]!).filter((v) => /\d/.test(v));
    const opt = /(?:git|github|path|source):\s*['"]([^'"]+)['"]/.exec(gem[2]!)?.[1];
    const version = versions.join(', ') || undefined;
    out.dependency(i + 1, 'gem', gem[1]!, version, versions.length === 1 && /^=?\s*\d[\w.]*$/.test(versions[0]!), opt ?? source);
  });
}

export function readCargo(out: ManifestOut): void {
  for (const e of readToml(out.text)) {
    if (!/(?:^|\.)(?:dev-|build-)?dependencies$/.test(e.table)) continue;
    const v: TomlValue = e.value;
    const t = typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, TomlValue>) : undefined;
    const version = typeof v === 'string' ? v : typeof t?.version === 'string' ? t.version : undefined;
    const src = t?.git ?? t?.path ?? t?.registry;
    out.dependency(e.line, 'cargo', e.key, version, version !== undefined && /^=\s*\d/.test(version), typeof src === 'string' ? src : undefined);
  }
}
