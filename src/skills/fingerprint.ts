// ClawHub's skill fingerprint, so Warden's hash matches `.clawhub/origin.json` and `lock.json`:
// SHA-256 (hex) over "path:sha256" lines, sorted by path with localeCompare, joined by "\n" with no
// trailing newline. ClawHub hashes regular files only and leaves out every path with a segment
// starting with "." and everything under node_modules/ (openclaw/clawhub packages/clawhub/src/skills.ts
// at 64db9c3: buildSkillFingerprint, listSkillFiles, walk). Warden still scans those files; they
// just do not enter the fingerprint.

import { createHash } from 'node:crypto';

export function countsForFingerprint(path: string, kind: string): boolean {
  if (kind === 'symlink') return false;
  return !path.split('/').some((segment) => segment.startsWith('.') || segment === 'node_modules');
}

// ClawHub sorts with a bare localeCompare, so its own hash follows the machine's locale (sv_SE puts
// "ü" after "y", lt_LT puts "y" after "i"). Warden pins en-US, which is what Node picks when LANG is
// unset, C or POSIX, so one skill has one hash on every Warden host.
const collator = new Intl.Collator('en-US');

export function fingerprint(files: readonly { path: string; sha256: string; kind?: string }[]): string {
  const lines = files
    .filter((f) => f.path && f.sha256 && countsForFingerprint(f.path, f.kind ?? 'text'))
    .map((f) => ({ path: f.path, sha256: f.sha256 }))
    .sort((a, b) => collator.compare(a.path, b.path))
    .map((f) => `${f.path}:${f.sha256}`);
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}
