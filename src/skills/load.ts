// Inputs to skills: a skill folder, a folder of skills at any depth (a ClawHub mirror), a .zip,
// .tgz/.tar.gz/.tar bundle, or a folder mixing them. Every input yields results and never stops the
// batch: what cannot be loaded is a LoadError, what is merely hostile is a LoadIssue on the skill.

import type { Dirent, Stats } from 'node:fs';
import { lstat, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { buildSkill, limitsOf, manifestIn, skillsInArchive, type Limits, type RawFile } from './build.ts';
import { entriesOf, namesOf, runAsync, runSync, statOf, streamAsync, streamSync, type Need, type Out, type Steps } from './io.ts';
import type { LoadOptions, LoadResult } from './types.ts';
import { folderSteps, skippedDirs } from './walk.ts';

const bundlePattern = /\.(zip|tgz|tar\.gz|tar)$/i;

const fail = (path: string, message: string): LoadResult => ({ ok: false, error: { path, message } });

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'ENOENT') return 'no such file or directory';
  return e.message ?? String(error);
}

function* folderSkill(dir: string, limits: Limits): Steps<LoadResult> {
  try {
    const { files, issues } = yield* folderSteps(dir, limits);
    return buildSkill(dir, basename(dir), files, limits, issues);
  } catch (error) {
    return fail(dir, `cannot read skill folder: ${describe(error)}`);
  }
}

/**
 * Loads one skill folder found by `findSkills` with synchronous reads: what a scan worker does
 * with the folder it is given. Same result as `loadSkills` gives for that folder.
 */
export function loadSkillFolderSync(dir: string, options: LoadOptions = {}): LoadResult {
  return runSync(folderSkill(dir, limitsOf(options)));
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

/** A skill folder found and not read yet (`findSkills`); the caller loads it where it scans it. */
export interface SkillFolder {
  folder: string;
}

/**
 * One unit of loading work found by discovery; it never rejects (failures are results). `T` is
 * what a skill folder becomes: its LoadResult (`loadSkills`) or itself, unread (`findSkills`).
 */
type Job<T> = () => Promise<(LoadResult | T)[]>;

const done = (result: LoadResult): Job<never> => () => Promise.resolve([result]);
const readFolderJob = (dir: string, limits: Limits): Job<never> => async () => [await runAsync(folderSkill(dir, limits))];
const deferFolderJob = (dir: string): Job<SkillFolder> => () => Promise.resolve([{ folder: dir }]);

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

/** The limits of one call, its bundle slots and what it does with a skill folder. */
type Run<T> = Limits & { bundleSlots: ReturnType<typeof slots>; folderJob(dir: string): Job<T> };

const bundleJob = (file: string, limits: Run<unknown>): Job<never> => () => limits.bundleSlots(() => loadBundle(file, limits));

/**
 * Runs up to `width` jobs at once (file I/O waits, it does not compute) and yields their results in
 * discovery order, so output is deterministic however the reads finish.
 */
async function* ordered<T>(jobs: AsyncIterable<Job<T>> | Iterable<Job<T>>, width: number): AsyncGenerator<LoadResult | T> {
  const queue: Promise<(LoadResult | T)[]>[] = [];
  for await (const job of jobs) {
    queue.push(job());
    if (queue.length >= width) yield* await queue.shift()!;
  }
  while (queue.length > 0) yield* await queue.shift()!;
}

/** Discovery's walk: hands out jobs as it finds them and returns how many it found. */
type Discovery<T> = Generator<Need | Out<Job<T>>, number, unknown>;

/** Walks a folder that is not itself a skill, finding skill folders and bundles in name order; its entries are `depth` levels below the input. */
function* discover<T>(dir: string, depth: number, limits: Run<T>): Discovery<T> {
  let entries: Dirent[];
  try {
    entries = yield* entriesOf(dir);
  } catch (error) {
    yield { out: done(fail(dir, `cannot read folder: ${describe(error)}`)) };
    return 1;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  let found = 0;
  for (const entry of entries) {
    const abs = join(dir, entry.name);
    if (entry.isFile() && bundlePattern.test(entry.name)) {
      yield { out: bundleJob(abs, limits) };
      found++;
    } else if (entry.isDirectory() && !skippedDirs.has(entry.name) && depth <= limits.maxDepth) {
      found += yield* fromFolder(abs, depth, limits);
    }
  }
  return found;
}

/** A folder is a skill when it holds a manifest; otherwise the skills and bundles below it. */
function* fromFolder<T>(dir: string, depth: number, limits: Run<T>): Discovery<T> {
  let names: string[];
  try {
    names = yield* namesOf(dir);
  } catch (error) {
    yield { out: done(fail(dir, `cannot read folder: ${describe(error)}`)) };
    return 1;
  }
  if (!manifestIn(names)) return yield* discover(dir, depth + 1, limits);
  yield { out: limits.folderJob(dir) };
  return 1;
}

/** The jobs for one input path as given on the command line. */
function* jobsFor<T>(input: string, limits: Run<T>): Discovery<T> {
  let info: Stats;
  try {
    info = yield* statOf(input);
  } catch (error) {
    yield { out: done(fail(input, `cannot read ${input}: ${describe(error)}`)) };
    return 1;
  }
  if (info.isFile() && bundlePattern.test(input)) {
    yield { out: bundleJob(input, limits) };
  } else if (info.isFile() && manifestIn([basename(input)])) {
    yield { out: limits.folderJob(join(input, '..')) };
  } else if (info.isDirectory()) {
    if ((yield* fromFolder(input, 0, limits)) === 0) {
      yield { out: done(fail(input, `no SKILL.md found in ${input} or its subfolders (and no .zip/.tgz bundles)`)) };
    }
  } else if (info.isSymbolicLink()) {
    yield { out: done(fail(input, `${input} is a symlink; give the real path (Warden never follows symlinks)`)) };
  } else {
    yield { out: done(fail(input, `${input} is neither a skill folder nor a .zip/.tgz/.tar.gz bundle`)) };
  }
  return 1;
}

function* allJobs<T>(paths: readonly string[], limits: Run<T>): Discovery<T> {
  for (const input of paths) yield* jobsFor(input, limits);
  return paths.length;
}

/** Yields one result per skill found and one error per input (or part of one) that cannot be loaded. */
export function loadSkills(paths: readonly string[], options: LoadOptions = {}): AsyncGenerator<LoadResult> {
  const limits: Limits = limitsOf(options);
  const run: Run<never> = { ...limits, bundleSlots: slots(2), folderJob: (dir) => readFolderJob(dir, limits) };
  return ordered(streamAsync(allJobs(paths, run)), run.concurrency);
}

/**
 * `loadSkills` that leaves skill folders unread: each comes as a `SkillFolder` in its place in the
 * order, for the caller to load with `loadSkillFolderSync` where it scans it (a worker thread), so
 * the skill's text is never read on one thread and copied to another. Bundles and errors come
 * as from `loadSkills`. The folders are listed with synchronous reads (about 10 µs a folder, a
 * third of a promise round trip): a batch scan's main thread has nothing else to do meanwhile.
 */
export function findSkills(paths: readonly string[], options: LoadOptions = {}): AsyncGenerator<LoadResult | SkillFolder> {
  const run: Run<SkillFolder> = { ...limitsOf(options), bundleSlots: slots(2), folderJob: deferFolderJob };
  return ordered(streamSync(allJobs(paths, run)), run.concurrency);
}

/** Builds a skill from in-memory files (tests, benchmarks, uploads). Paths are skill-relative. */
export async function loadSkillFromFiles(files: Readonly<Record<string, string | Uint8Array>>, path: string, options: LoadOptions = {}): Promise<LoadResult> {
  const raw: RawFile[] = Object.entries(files).map(([p, content]) => ({
    path: p,
    data: typeof content === 'string' ? new TextEncoder().encode(content) : content,
  }));
  return buildSkill(path, basename(path), raw, limitsOf(options));
}
