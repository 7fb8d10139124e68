// The facts of files this thread has analysed before. A ClawHub mirror repeats files across skills
// (forks, versions, the hundreds of near-identical skills of one campaign: 18 % of the files of
// 1,254 public skills are copies of another), and a file's facts depend on nothing but its path,
// its text and whether it is the manifest, so a copy is analysed once. The key holds the file's
// SHA-256 and the length of its text (a different analysis cap gives a different text of the same
// bytes). Bounded in entries and per file; a hit hands out fresh fact objects, so nothing a rule
// attaches to a fact of one skill reaches another.

import type { SkillFile } from '../skills/index.ts';
import type { Fact } from './facts.ts';

/** Files larger than this are not remembered: copies of large files are rare and hold many facts. */
const maxTextChars = 64 * 1024;
const maxEntries = 4_096;

const memo = new Map<string, readonly Fact[]>();

function keyOf(file: SkillFile & { text: string }, inManifest: boolean, focus: boolean): string | undefined {
  // A manifest names its own skill, so it is not worth a place.
  if (inManifest || file.text.length > maxTextChars) return undefined;
  return `${focus ? 'f' : '-'}${file.sha256}:${file.text.length}:${file.path}`;
}

/**
 * Appends the facts of `file` to `out`: remembered ones when the same file was analysed before,
 * else what `analyse` appends (and remembers them).
 */
export function memoizedFileFacts(file: SkillFile & { text: string }, inManifest: boolean, focus: boolean, out: Fact[], analyse: () => void): void {
  const key = keyOf(file, inManifest, focus);
  const known = key === undefined ? undefined : memo.get(key);
  if (known) {
    for (const fact of known) out.push({ ...fact });
    return;
  }
  const start = out.length;
  analyse();
  if (key === undefined) return;
  if (memo.size >= maxEntries) memo.delete(memo.keys().next().value!);
  memo.set(key, out.slice(start).map((fact) => ({ ...fact })));
}
