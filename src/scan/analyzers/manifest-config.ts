// Package-manager config files that choose where packages come from: `.npmrc` / `.yarnrc(.yml)`
// (`registry=`, `@scope:registry=`, `npmRegistryServer:`), `pip.conf` / `pip.ini` (`index-url`,
// `extra-index-url`) and `uv.toml` (`index-url`, `extra-index-url`, `[[index]] url`). A skill that
// ships one redirects every install it makes: each redirect becomes a dependency fact for all the
// packages it covers (`*`, or `@scope/*`) with the registry as its source.

import type { ManifestOut } from './manifest-out.ts';

function lines(out: ManifestOut, each: (line: string, n: number) => void): void {
  out.text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\s[#;].*$/, '').trim();
    if (line && !/^[#;]/.test(line)) each(line, i + 1);
  });
}

const url = (v: string) => v.trim().replace(/^["']|["']$/g, '');

export function readNpmConfig(out: ManifestOut): void {
  lines(out, (line, n) => {
    const m = /^(?:(@[\w.-]+):)?(?:registry|npmRegistryServer)\s*[=:]\s*(\S+)/.exec(line)
      ?? /^npmScopes\s*:\s*$/.exec(line);
    if (m?.[2]) out.dependency(n, 'npm', m[1] ? `${m[1]}/*` : '*', undefined, false, url(m[2]));
  });
}

export function readPythonIndexConfig(out: ManifestOut): void {
  let inIndex = false;
  lines(out, (line, n) => {
    if (/^\[/.test(line)) inIndex = /^\[\[index\]\]/.test(line);
    const m = /^(?:extra-index-url|index-url|extra_index_url|index_url)\s*[=:]\s*(.+)$/.exec(line) ?? (inIndex ? /^url\s*=\s*(.+)$/.exec(line) : null);
    if (!m) return;
    // `extra-index-url = a b` and TOML arrays list several.
    for (const u of m[1]!.replace(/[[\]]/g, ' ').split(/[\s,]+/).map(url).filter((x) => /^https?:\/\//i.test(x))) {
      out.dependency(n, 'pypi', '*', undefined, false, u);
    }
  });
}
