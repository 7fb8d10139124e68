// Inputs to skills: a skill folder, a folder of skills at any depth (a ClawHub mirror), a .zip,
// .tgz/.tar.gz/.tar bundle, or a folder mixing them. Every input yields results and never stops the
// batch: what cannot be loaded is a LoadError, what is merely hostile is a LoadIssue on the skill.

import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { buildSkill, limitsOf, manifestIn, skillsInArchive, type Limits, type RawFile } from './build.ts';
import type { LoadOptions, LoadResult } from './types.ts';
import { readFolder, skippedDirs } from './walk.ts';

const bundlePattern = /\.(zip|tgz|tar\.gz|tar)$/i;

const fail = (path: string, message: string): LoadResult => ({ ok: false, error: { path, message } });

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'ENOENT') return 'no such file or directory';
  return e.message ?? String(error);
}

async function loadFolderSkill(dir: string, limits: Limits): Promise<LoadResult> {
  try {
    const { files, issues } = await readFolder(dir, limits);
    return buildSkill(dir, basename(dir), files, limits, issues);
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
    // The archive readers (and yauzl, tar-stream) load on the first bundle: a folder scan, such as
    // OpenClaw's one-skill install check, does not pay for them.
    const contents = lower.endsWith('.zip')
      ? await (await import('./archive-zip.ts')).readZip(buffer, limits)
      : await (await import('./archive-tar.ts')).readTar(buffer, !lower.endsWith('.tar'), limits);
    return skillsInArchive(file, contents.entries, limits, contents.issues);
  } catch (error) {
    return [fail(file, `cannot read bundle: ${describe(error)} (is it a valid ${file.match(bundlePattern)?.[1] ?? 'archive'} file?)`)];
  }
}

/** One unit of loading work found by discovery; it never rejects (failures are results). */
type Job = () => Promise<LoadResult[]>;

const done = (result: LoadResult): Job => () => Promise.resolve([result]);
const folderJob = (dir: string, limits: Limits): Job => async () => [await loadFolderSkill(dir, limits)];

/**
 * At most two bundles are held in memory at once, whatever the concurrency: each may take up to
 * `maxArchiveBytes` compressed plus as much inflated.
 */
function slots(n: number): <T>(run: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (run) => {
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await run();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/** The limits of one loadSkills call, with its bundle slots. */
type Run = Limits & { bundleSlots: ReturnType<typeof slots> };

const bundleJob = (file: string, limits: Run): Job => () => limits.bundleSlots(() => loadBundle(file, limits));

/**
 * Runs up to `width` jobs at once (file I/O waits, it does not compute) and yields their results in
 * discovery order, so output is deterministic however the reads finish.
 */
async function* ordered(jobs: AsyncIterable<Job>, width: number): AsyncGenerator<LoadResult> {
  const queue: Promise<LoadResult[]>[] = [];
  for await (const job of jobs) {
    queue.push(job());
    if (queue.length >= width) yield* await queue.shift()!;
  }
  while (queue.length > 0) yield* await queue.shift()!;
}

/** Walks a folder that is not itself a skill, finding skill folders and bundles in name order; its entries are `depth` levels below the input. */
async function* discover(dir: string, depth: number, limits: Run): AsyncGenerator<Job> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield done(fail(dir, `cannot read folder: ${describe(error)}`));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const abs = join(dir, entry.name);
    if (entry.isFile() && bundlePattern.test(entry.name)) {
      yield bundleJob(abs, limits);
    } else if (entry.isDirectory() && !skippedDirs.has(entry.name) && depth <= limits.maxDepth) {
      yield* fromFolder(abs, depth, limits);
    }
  }
}

/** A folder is a skill when it holds a manifest; otherwise the skills and bundles below it. */
async function* fromFolder(dir: string, depth: number, limits: Run): AsyncGenerator<Job> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    yield done(fail(dir, `cannot read folder: ${describe(error)}`));
    return;
  }
  if (manifestIn(names)) yield folderJob(dir, limits);
  else yield* discover(dir, depth + 1, limits);
}

/** The jobs for one input path as given on the command line. */
async function* jobsFor(input: string, limits: Run): AsyncGenerator<Job> {
  let info;
  try {
    info = await lstat(input);
  } catch (error) {
    yield done(fail(input, `cannot read ${input}: ${describe(error)}`));
    return;
  }
  if (info.isFile() && bundlePattern.test(input)) {
    yield bundleJob(input, limits);
  } else if (info.isFile() && manifestIn([basename(input)])) {
    yield folderJob(join(input, '..'), limits);
  } else if (info.isDirectory()) {
    let found = false;
    for await (const job of fromFolder(input, 0, limits)) {
      found = true;
      yield job;
    }
    if (!found) yield done(fail(input, `no SKILL.md found in ${input} or its subfolders (and no .zip/.tgz bundles)`));
  } else if (info.isSymbolicLink()) {
    yield done(fail(input, `${input} is a symlink; give the real path (Warden never follows symlinks)`));
  } else {
    yield done(fail(input, `${input} is neither a skill folder nor a .zip/.tgz/.tar.gz bundle`));
  }
}

async function* allJobs(paths: readonly string[], limits: Run): AsyncGenerator<Job> {
  for (const input of paths) yield* jobsFor(input, limits);
}

/** Yields one result per skill found and one error per input (or part of one) that cannot be loaded. */
export function loadSkills(paths: readonly string[], options: LoadOptions = {}): AsyncGenerator<LoadResult> {
  const limits: Run = { ...limitsOf(options), bundleSlots: slots(2) };
  return ordered(allJobs(paths, limits), limits.concurrency);
}

/** Builds a skill from in-memory files (tests, benchmarks, uploads). Paths are skill-relative. */
export async function loadSkillFromFiles(files: Readonly<Record<string, string | Uint8Array>>, path: string, options: LoadOptions = {}): Promise<LoadResult> {
  const raw: RawFile[] = Object.entries(files).map(([p, content]) => ({
    path: p,
    data: typeof content === 'string' ? new TextEncoder().encode(content) : content,
  }));
  return buildSkill(path, basename(path), raw, limitsOf(options));
}
