// Reading one skill folder into RawFiles: symlinks read as links (never followed), the files of a
// folder read concurrently, large files streamed once so the hash covers every byte while only the
// analysed part is kept in memory.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Limits, RawFile } from './build.ts';
import type { LoadIssue } from './types.ts';

/** Folders never descended into, in a skill or in a tree of skills. */
export const skippedDirs = new Set(['.git', 'node_modules', '.hg', '.svn']);

async function readLarge(abs: string, keep: number): Promise<Pick<RawFile, 'data' | 'whole'>> {
  const hash = createHash('sha256');
  const kept: Buffer[] = [];
  let size = 0;
  let held = 0;
  for await (const chunk of createReadStream(abs) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
    if (held < keep) {
      kept.push(chunk.subarray(0, keep - held));
      held += Math.min(chunk.length, keep - held);
    }
  }
  return { data: Buffer.concat(kept), whole: { size, sha256: hash.digest('hex') } };
}

/** Bytes held in memory for one skill; past `maxArchiveBytes` files are only hashed (fail closed: reported). */
interface Budget {
  held: number;
  issues: LoadIssue[];
}

async function readRegular(abs: string, path: string, limits: Limits, budget: Budget): Promise<RawFile> {
  const info = await lstat(abs);
  const executable = (info.mode & 0o111) !== 0 || undefined;
  const want = Math.min(info.size, limits.maxAnalyzedBytes);
  if (budget.held + want > limits.maxArchiveBytes) {
    if (!budget.issues.some((i) => i.code === 'skill-too-large')) {
      budget.issues.push({ code: 'skill-too-large', file: path, message: `the skill holds more than ${limits.maxArchiveBytes} bytes; from ${path} on, files were hashed but not analysed` });
    }
    return { path, executable, ...(await readLarge(abs, 0)) };
  }
  budget.held += want;
  if (info.size > limits.maxAnalyzedBytes) return { path, executable, ...(await readLarge(abs, limits.maxAnalyzedBytes)) };
  return { path, data: await readFile(abs), executable };
}

/**
 * Every file under a skill folder, as skill-relative POSIX paths. Stops collecting a little past
 * `maxFiles` (the builder reports the cut). Throws on an unreadable folder or file.
 */
export async function readFolder(root: string, limits: Limits): Promise<{ files: RawFile[]; issues: LoadIssue[] }> {
  const out: RawFile[] = [];
  const budget: Budget = { held: 0, issues: [] };
  const walk = async (dir: string, rel: string): Promise<void> => {
    if (out.length > limits.maxFiles) return;
    const entries = await readdir(dir, { withFileTypes: true });
    const files: Promise<RawFile>[] = [];
    const subdirs: [string, string][] = [];
    for (const entry of entries.slice(0, limits.maxFiles + 1)) {
      const abs = join(dir, entry.name);
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!skippedDirs.has(entry.name)) subdirs.push([abs, path]);
      } else if (entry.isSymbolicLink()) {
        files.push(readlink(abs).then((linkTarget) => ({ path, linkTarget })));
      } else if (entry.isFile()) {
        files.push(readRegular(abs, path, limits, budget));
      }
    }
    out.push(...(await Promise.all(files)));
    for (const [abs, path] of subdirs) await walk(abs, path);
  };
  await walk(root, '');
  return { files: out, issues: budget.issues };
}
