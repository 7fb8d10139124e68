// Reading one skill folder into RawFiles: symlinks read as links (never followed), large files read
// once so the hash covers every byte while only the analysed part is kept in memory. Written once
// as steps (io.ts), run with synchronous reads in a scan worker and asynchronous ones elsewhere.

import { join } from 'node:path';
import type { Limits, RawFile } from './build.ts';
import { entriesOf, fileOf, linkOf, runAsync, runSync, type FileRead, type KeepPlan, type Steps } from './io.ts';
import type { LoadIssue } from './types.ts';

/** Folders never descended into, in a skill or in a tree of skills. */
export const skippedDirs = new Set(['.git', 'node_modules', '.hg', '.svn']);

/**
 * Bytes held in memory for one skill: a file is kept whole up to `maxAnalyzedBytes`, longer ones
 * only their analysed part; past `maxArchiveBytes` in all, files are only hashed (fail closed: the
 * cut is reported once, naming the first file left out).
 */
function budgetPlan(limits: Limits, issues: LoadIssue[]): (path: string) => KeepPlan {
  let held = 0;
  return (path) => (size) => {
    const want = Math.min(size, limits.maxAnalyzedBytes);
    if (held + want > limits.maxArchiveBytes) {
      if (!issues.some((i) => i.code === 'skill-too-large')) {
        issues.push({ code: 'skill-too-large', file: path, message: `the skill holds more than ${limits.maxArchiveBytes} bytes; from ${path} on, files were hashed but not analysed` });
      }
      return 0;
    }
    held += want;
    return size > limits.maxAnalyzedBytes ? limits.maxAnalyzedBytes : Infinity;
  };
}

function toRaw(path: string, read: FileRead): RawFile {
  const executable = (read.mode & 0o111) !== 0 || undefined;
  return read.whole ? { path, executable, data: read.data, whole: read.whole } : { path, data: read.data, executable };
}

/**
 * Every file under a skill folder, as skill-relative POSIX paths. Stops collecting a little past
 * `maxFiles` (the builder reports the cut). Throws on an unreadable folder or file.
 */
export function* folderSteps(root: string, limits: Limits): Steps<{ files: RawFile[]; issues: LoadIssue[] }> {
  const out: RawFile[] = [];
  const issues: LoadIssue[] = [];
  const keepFor = budgetPlan(limits, issues);
  const walk = function* (dir: string, rel: string): Steps<void> {
    if (out.length > limits.maxFiles) return;
    const entries = yield* entriesOf(dir);
    const subdirs: [string, string][] = [];
    // One file after another, in listing order, with either driver: the byte budget then cuts at
    // the same file whichever driver runs the walk.
    for (const entry of entries.slice(0, limits.maxFiles + 1)) {
      const abs = join(dir, entry.name);
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!skippedDirs.has(entry.name)) subdirs.push([abs, path]);
      } else if (entry.isSymbolicLink()) {
        out.push({ path, linkTarget: yield* linkOf(abs) });
      } else if (entry.isFile()) {
        out.push(toRaw(path, yield* fileOf(abs, keepFor(path))));
      }
    }
    for (const [abs, path] of subdirs) yield* walk(abs, path);
  };
  yield* walk(root, '');
  return { files: out, issues };
}

export const readFolder = (root: string, limits: Limits) => runAsync(folderSteps(root, limits));
export const readFolderSync = (root: string, limits: Limits) => runSync(folderSteps(root, limits));
