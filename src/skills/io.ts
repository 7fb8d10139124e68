// The loader's file-system reads as data, so one walk serves both a synchronous and an
// asynchronous caller: code that reads the disk is a generator that yields requests (`Need`), gets
// each answer back from `yield`, and may hand out results as it goes (`Out`: discovery's skills).
// The sync drivers answer with node:fs's synchronous calls (a scan worker loading its own skill,
// a batch scan's discovery: blocking costs nothing there and each call is several times cheaper
// than a promise round trip through the thread pool); the async ones with node:fs/promises
// (`loadSkills`, the registry, which must not block an event loop). A failed read is thrown back
// into the generator at its `yield`, so plain try/catch works in the walk.

import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, type Dirent, type Stats } from 'node:fs';
import { lstat, open, readdir, readlink, type FileHandle } from 'node:fs/promises';

/** A regular file as read: all its bytes, or only the first `keep` with the whole file's size and hash. */
export interface FileRead {
  data: Uint8Array;
  whole?: { size: number; sha256: string };
  mode: number;
}

/**
 * How many bytes of a file of `size` bytes to keep: `Infinity` keeps the whole file, a number `n`
 * keeps its first `n` bytes and hashes the rest. Called once the file is open, with its real size.
 */
export type KeepPlan = (size: number) => number;

export type Need =
  | { need: 'entries'; path: string }
  | { need: 'names'; path: string }
  | { need: 'link'; path: string }
  | { need: 'stat'; path: string }
  | { need: 'file'; path: string; keep: KeepPlan };

/** A walk over the file system: yields needs, returns its result. */
export type Steps<T> = Generator<Need, T, unknown>;

/** A result handed out while the walk goes on. */
export interface Out<Y> {
  out: Y;
}

// One typed wrapper per need, so the walk reads `const names = yield* namesOf(dir)`.
export function* entriesOf(path: string): Steps<Dirent[]> {
  return (yield { need: 'entries', path }) as Dirent[];
}
export function* namesOf(path: string): Steps<string[]> {
  return (yield { need: 'names', path }) as string[];
}
export function* statOf(path: string): Steps<Stats> {
  return (yield { need: 'stat', path }) as Stats;
}
export function* linkOf(path: string): Steps<string> {
  return (yield { need: 'link', path }) as string;
}
export function* fileOf(path: string, keep: KeepPlan): Steps<FileRead> {
  return (yield { need: 'file', path, keep }) as FileRead;
}

/**
 * Files are opened without following a symlink and without blocking, then checked to be regular:
 * a file swapped for a link or a FIFO after the folder was listed fails instead of being read
 * through the link or hanging the reader.
 */
const openFlags = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
const chunkBytes = 64 * 1024;

function notRegular(path: string): Error {
  return Object.assign(new Error(`${path} is not a regular file`), { code: 'ENOTREG' });
}

/** Keeps the first `keep` bytes of the chunks fed to it and hashes them all. */
function headAndHash(keep: number) {
  const hash = createHash('sha256');
  const kept: Uint8Array[] = [];
  let size = 0;
  return {
    add(chunk: Uint8Array): void {
      hash.update(chunk);
      // A copy: the reader reuses its buffer for the next chunk.
      if (size < keep) kept.push(Buffer.from(chunk.subarray(0, keep - size)));
      size += chunk.length;
    },
    done: (): Pick<FileRead, 'data' | 'whole'> => ({ data: Buffer.concat(kept), whole: { size, sha256: hash.digest('hex') } }),
  };
}

function fileSync(path: string, keep: KeepPlan): FileRead {
  const fd = openSync(path, openFlags);
  try {
    const info: Stats = fstatSync(fd);
    if (!info.isFile()) throw notRegular(path);
    const n = keep(info.size);
    if (n === Infinity) return { data: readFileSync(fd), mode: info.mode };
    const acc = headAndHash(n);
    const buffer = Buffer.allocUnsafe(chunkBytes);
    for (let got; (got = readSync(fd, buffer, 0, chunkBytes, null)) > 0;) acc.add(buffer.subarray(0, got));
    return { ...acc.done(), mode: info.mode };
  } finally {
    closeSync(fd);
  }
}

async function fileAsync(path: string, keep: KeepPlan): Promise<FileRead> {
  const handle: FileHandle = await open(path, openFlags);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw notRegular(path);
    const n = keep(info.size);
    if (n === Infinity) return { data: await handle.readFile(), mode: info.mode };
    const acc = headAndHash(n);
    const buffer = Buffer.allocUnsafe(chunkBytes);
    for (let got; (got = (await handle.read(buffer, 0, chunkBytes, null)).bytesRead) > 0;) acc.add(buffer.subarray(0, got));
    return { ...acc.done(), mode: info.mode };
  } finally {
    await handle.close();
  }
}

function answerSync(need: Need): unknown {
  switch (need.need) {
    case 'entries': return readdirSync(need.path, { withFileTypes: true });
    case 'names': return readdirSync(need.path);
    case 'link': return readlinkSync(need.path);
    case 'stat': return lstatSync(need.path);
    case 'file': return fileSync(need.path, need.keep);
  }
}

function answerAsync(need: Need): Promise<unknown> {
  switch (need.need) {
    case 'entries': return readdir(need.path, { withFileTypes: true });
    case 'names': return readdir(need.path);
    case 'link': return readlink(need.path);
    case 'stat': return lstat(need.path);
    case 'file': return fileAsync(need.path, need.keep);
  }
}

const isOut = <Y>(step: Need | Out<Y>): step is Out<Y> => 'out' in step;

/** Runs a walk with synchronous reads, handing out its results as they come. */
export function* streamSync<Y, T>(walk: Generator<Need | Out<Y>, T, unknown>): Generator<Y, T, undefined> {
  let step = walk.next();
  while (!step.done) {
    const value = step.value;
    if (isOut(value)) {
      yield value.out;
      step = walk.next();
      continue;
    }
    let answer: unknown;
    try {
      answer = answerSync(value);
    } catch (error) {
      step = walk.throw(error);
      continue;
    }
    step = walk.next(answer);
  }
  return step.value;
}

/** Runs a walk with asynchronous reads, handing out its results as they come. */
export async function* streamAsync<Y, T>(walk: Generator<Need | Out<Y>, T, unknown>): AsyncGenerator<Y, T, undefined> {
  let step = walk.next();
  while (!step.done) {
    const value = step.value;
    if (isOut(value)) {
      yield value.out;
      step = walk.next();
      continue;
    }
    let answer: unknown;
    try {
      answer = await answerAsync(value);
    } catch (error) {
      step = walk.throw(error);
      continue;
    }
    step = walk.next(answer);
  }
  return step.value;
}

/** Runs a walk with synchronous reads. */
export function runSync<T>(steps: Steps<T>): T {
  const run = streamSync(steps);
  let step = run.next();
  while (!step.done) step = run.next();
  return step.value;
}

/** Runs a walk with asynchronous reads. */
export async function runAsync<T>(steps: Steps<T>): Promise<T> {
  const run = streamAsync(steps);
  let step = await run.next();
  while (!step.done) step = await run.next();
  return step.value;
}
