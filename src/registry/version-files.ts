// The registry's copy of each version: `<home>/skills/<name>/<version>/`, read-only, written to a
// staging folder first and renamed into place (a crash leaves a staging folder, never a half-written
// version). It is what runs, never the source path; before it runs its files are checked again.

import { createHash, randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fingerprint, type LoadedSkill } from '../skills/index.ts';
import type { FileBytes } from './source-bytes.ts';

/** One copied file as recorded with its version. */
export interface FileRecord {
  path: string;
  sha256: string;
  size: number;
  executable?: boolean;
}

export const SKILLS_DIR = 'skills';
const STAGING = '.staging';

export function versionDir(home: string, name: string, version: string): string {
  return join(home, SKILLS_DIR, name, version);
}

/** The files the registry copies: regular files only (symlinks are never written or followed). */
export function fileRecords(skill: LoadedSkill): FileRecord[] {
  return skill.files
    .filter((f) => f.kind !== 'symlink')
    .map((f) => ({ path: f.path, sha256: f.sha256, size: f.size, ...(f.executable ? { executable: true } : {}) }));
}

/** Makes a tree writable again so it can be removed by a non-root owner. */
async function unlock(dir: string): Promise<void> {
  let entries;
  try {
    await chmod(dir, 0o700);
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) if (entry.isDirectory()) await unlock(join(dir, entry.name));
}

export async function removeTree(dir: string): Promise<void> {
  await unlock(dir);
  await rm(dir, { recursive: true, force: true });
}

async function lockDown(dir: string, records: readonly FileRecord[]): Promise<void> {
  for (const r of records) await chmod(join(dir, r.path), r.executable ? 0o555 : 0o444);
  const dirs = new Set<string>();
  for (const r of records) for (let d = dirname(r.path); d !== '.'; d = dirname(d)) dirs.add(d);
  for (const d of [...dirs].sort((a, b) => b.length - a.length)) await chmod(join(dir, d), 0o555);
  await chmod(dir, 0o555);
}

/**
 * Copies the files into place and returns the version's directory. An existing directory that
 * still verifies is kept (an earlier add got this far); one that does not is replaced.
 */
export async function installFiles(home: string, name: string, version: string, records: readonly FileRecord[], bytes: FileBytes, skill: LoadedSkill): Promise<string> {
  const target = versionDir(home, name, version);
  if ((await verifyFiles(target, version, records)) === undefined) return target;
  const staging = join(home, SKILLS_DIR, STAGING, `${name}-${randomBytes(6).toString('hex')}`);
  await mkdir(staging, { recursive: true, mode: 0o700 });
  try {
    const byPath = new Map(skill.files.map((f) => [f.path, f]));
    for (const r of records) {
      const abs = join(staging, r.path);
      await mkdir(dirname(abs), { recursive: true, mode: 0o700 });
      await writeFile(abs, await bytes(byPath.get(r.path)!), { flag: 'wx', mode: 0o600 });
    }
    await lockDown(staging, records);
    await mkdir(dirname(target), { recursive: true, mode: 0o755 });
    await removeTree(target);
    await rename(staging, target);
    return target;
  } catch (error) {
    await removeTree(staging);
    // A concurrent add of the same content may have put an identical copy in place first.
    if ((await verifyFiles(target, version, records)) === undefined) return target;
    throw error;
  }
}

/** Every regular file under dir (POSIX relative paths); anything else (a symlink, a socket) is reported by name. */
async function walk(dir: string, rel: string, files: string[], odd: string[]): Promise<void> {
  for (const entry of await readdir(join(dir, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await walk(dir, path, files, odd);
    else if (entry.isFile()) files.push(path);
    else odd.push(path);
  }
}

interface Seen {
  key: string;
  sha256: string;
}

// Hashes by file identity and change time: ctime moves on every write and cannot be set back by a
// user (unlike mtime), so a changed byte always misses the cache.
const cache = new Map<string, Seen>();

async function hashOf(abs: string): Promise<string> {
  const info = await lstat(abs, { bigint: true });
  const key = `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
  const hit = cache.get(abs);
  if (hit?.key === key) return hit.sha256;
  const sha256 = createHash('sha256').update(await readFile(abs)).digest('hex');
  cache.set(abs, { key, sha256 });
  return sha256;
}

/**
 * Checks a version's directory against its records and its hash: same files, same bytes, nothing
 * added. Returns undefined when intact, else what is wrong (for the admin; the first few paths).
 */
export async function verifyFiles(dir: string, version: string, records: readonly FileRecord[]): Promise<string | undefined> {
  const files: string[] = [];
  const odd: string[] = [];
  try {
    await walk(dir, '', files, odd);
  } catch (error) {
    return `the registry copy ${dir} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  const expected = new Map(records.map((r) => [r.path, r]));
  const problems: string[] = odd.map((p) => `${p} is not a regular file`);
  for (const path of files) if (!expected.has(path)) problems.push(`${path} was added`);
  const present = new Set(files);
  const hashed: { path: string; sha256: string }[] = [];
  for (const r of records) {
    if (!present.has(r.path)) {
      problems.push(`${r.path} is missing`);
      continue;
    }
    const sha256 = await hashOf(join(dir, r.path)).catch(() => '');
    if (sha256 !== r.sha256) problems.push(`${r.path} was modified`);
    hashed.push({ path: r.path, sha256 });
  }
  if (problems.length === 0 && fingerprint(hashed) !== version) problems.push(`the files no longer hash to ${version.slice(0, 12)}`);
  if (problems.length === 0) return undefined;
  const more = problems.length > 3 ? ` and ${problems.length - 3} more` : '';
  return `${problems.slice(0, 3).join(', ')}${more}`;
}
