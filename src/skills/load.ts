// Inputs to skills: a skill folder, a folder of skills at any depth (a ClawHub mirror), a .zip,
// .tgz/.tar.gz/.tar bundle, or a folder mixing them. Every input yields results and never stops the
// batch: what cannot be loaded is a LoadError, what is merely hostile is a LoadIssue on the skill.

import type { Dirent } from 'node:fs';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { readTar } from './archive-tar.ts';
import { readZip } from './archive-zip.ts';
import { buildSkill, limitsOf, manifestIn, skillsInArchive, type Limits, type RawFile } from './build.ts';
import type { LoadOptions, LoadResult } from './types.ts';

const bundlePattern = /\.(zip|tgz|tar\.gz|tar)$/i;
const skippedDirs = new Set(['.git', 'node_modules', '.hg', '.svn']);

const fail = (path: string, message: string): LoadResult => ({ ok: false, error: { path, message } });

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'ENOENT') return 'no such file or directory';
  return e.message ?? String(error);
}

/**
 * A file too big to analyse whole: streamed once, hashing every byte and keeping only the part that
 * is analysed, so a multi-gigabyte file costs no memory.
 */
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

/** Every file under a skill folder, as skill-relative POSIX paths; symlinks are read, never followed. */
async function readFolder(root: string, limits: Limits): Promise<RawFile[]> {
  const out: RawFile[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (out.length > limits.maxFiles * 2) return;
      const abs = join(dir, entry.name);
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!skippedDirs.has(entry.name)) await walk(abs, path);
      } else if (entry.isSymbolicLink()) {
        out.push({ path, linkTarget: await readlink(abs) });
      } else if (entry.isFile()) {
        const info = await lstat(abs);
        const executable = (info.mode & 0o111) !== 0 || undefined;
        if (info.size > limits.maxAnalyzedBytes) out.push({ path, executable, ...(await readLarge(abs, limits.maxAnalyzedBytes)) });
        else out.push({ path, data: await readFile(abs), executable });
      }
    }
  };
  await walk(root, '');
  return out;
}

async function loadFolderSkill(dir: string, limits: Limits): Promise<LoadResult> {
  try {
    return buildSkill(dir, basename(dir), await readFolder(dir, limits), limits);
  } catch (error) {
    return fail(dir, `cannot read skill folder: ${describe(error)}`);
  }
}

async function loadBundle(file: string, limits: Limits): Promise<LoadResult[]> {
  try {
    const info = await lstat(file);
    if (info.size > limits.maxArchiveBytes) return [fail(file, `bundle is ${info.size} bytes, over the ${limits.maxArchiveBytes}-byte cap`)];
    const buffer = await readFile(file);
    const lower = file.toLowerCase();
    const contents = lower.endsWith('.zip') ? await readZip(buffer, limits) : await readTar(buffer, !lower.endsWith('.tar'), limits);
    return skillsInArchive(file, contents.entries, limits, contents.issues);
  } catch (error) {
    return [fail(file, `cannot read bundle: ${describe(error)} (is it a valid ${file.match(bundlePattern)?.[1] ?? 'archive'} file?)`)];
  }
}

/** Walks a folder that is not itself a skill, yielding skill folders and bundles in name order. */
async function* discover(dir: string, depth: number, limits: Limits): AsyncGenerator<LoadResult> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield fail(dir, `cannot read folder: ${describe(error)}`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const abs = join(dir, entry.name);
    if (entry.isFile() && bundlePattern.test(entry.name)) {
      yield* await loadBundle(abs, limits);
    } else if (entry.isDirectory() && !skippedDirs.has(entry.name) && depth < limits.maxDepth) {
      yield* fromFolder(abs, depth, limits);
    }
  }
}

/** A folder is a skill when it holds a manifest; otherwise the skills and bundles below it. */
async function* fromFolder(dir: string, depth: number, limits: Limits): AsyncGenerator<LoadResult> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    yield fail(dir, `cannot read folder: ${describe(error)}`);
    return;
  }
  if (manifestIn(names)) yield await loadFolderSkill(dir, limits);
  else yield* discover(dir, depth + 1, limits);
}

export async function* loadSkills(paths: readonly string[], options: LoadOptions = {}): AsyncGenerator<LoadResult> {
  const limits = limitsOf(options);
  for (const input of paths) {
    let info;
    try {
      info = await lstat(input);
    } catch (error) {
      yield fail(input, `cannot read ${input}: ${describe(error)}`);
      continue;
    }
    if (info.isFile() && bundlePattern.test(input)) {
      yield* await loadBundle(input, limits);
    } else if (info.isFile() && manifestIn([basename(input)])) {
      yield await loadFolderSkill(join(input, '..'), limits);
    } else if (info.isDirectory()) {
      let found = false;
      for await (const result of fromFolder(input, 0, limits)) {
        found = true;
        yield result;
      }
      if (!found) yield fail(input, `no SKILL.md found in ${input} or its subfolders (and no .zip/.tgz bundles)`);
    } else if (info.isSymbolicLink()) {
      yield fail(input, `${input} is a symlink; give the real path (Warden never follows symlinks)`);
    } else {
      yield fail(input, `${input} is neither a skill folder nor a .zip/.tgz/.tar.gz bundle`);
    }
  }
}

/** Builds a skill from in-memory files (tests, benchmarks, uploads). Paths are skill-relative. */
export async function loadSkillFromFiles(files: Readonly<Record<string, string | Uint8Array>>, path: string, options: LoadOptions = {}): Promise<LoadResult> {
  const raw: RawFile[] = Object.entries(files).map(([p, content]) => ({
    path: p,
    data: typeof content === 'string' ? new TextEncoder().encode(content) : content,
  }));
  return buildSkill(path, basename(path), raw, limitsOf(options));
}
