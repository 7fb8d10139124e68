// The bytes of a loaded skill's files, read again from where the skill came from (a folder or a
// bundle), each checked against the SHA-256 the scanner saw. The loader keeps only what it analyses,
// so the registry re-reads; the check makes the copy exactly what was scanned, or nothing (a file
// swapped between the scan and the copy is caught here).

import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WardenError } from '../core/index.ts';
import type { LoadedSkill, SkillFile } from '../skills/index.ts';
// The skills part reads bundles with caps and path checks; the registry reuses its readers (exported
// from skills/index.ts) rather than unpack archives a second, different way.
import { limitsOf, readTar, readZip } from '../skills/index.ts';

export type FileBytes = (file: SkillFile) => Promise<Uint8Array>;

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

function changed(skill: LoadedSkill, file: SkillFile, why: string): WardenError {
  return new WardenError('skill-invalid', `${skill.path}: ${file.path} ${why} while it was being installed; nothing was installed, add it again`, { path: skill.path, file: file.path });
}

function checked(skill: LoadedSkill, file: SkillFile, data: Uint8Array): Uint8Array {
  if (data.length !== file.size || sha256(data) !== file.sha256) throw changed(skill, file, 'changed');
  return data;
}

/** Reads a regular file without following a symlink put in its place. */
async function readNoFollow(path: string): Promise<Uint8Array> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error('not a regular file');
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

function folderBytes(skill: LoadedSkill): FileBytes {
  return async (file) => {
    try {
      return checked(skill, file, await readNoFollow(join(skill.path, file.path)));
    } catch (error) {
      if (error instanceof WardenError) throw error;
      throw changed(skill, file, `could not be read again (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  };
}

async function bundleBytes(skill: LoadedSkill): Promise<FileBytes> {
  const bang = skill.path.indexOf('!');
  const bundle = bang < 0 ? skill.path : skill.path.slice(0, bang);
  const inner = bang < 0 ? undefined : skill.path.slice(bang + 1);
  const lower = bundle.toLowerCase();
  const limits = limitsOf();
  const buffer = await readFile(bundle);
  const { entries } = lower.endsWith('.zip') ? await readZip(buffer, limits) : await readTar(buffer, !lower.endsWith('.tar'), limits);
  const byPath = new Map(entries.filter((e) => e.data && e.linkTarget === undefined).map((e) => [e.path, e.data!]));
  // The skill's root inside the bundle: the folder named after "!", the bundle's root, or its one top folder.
  const manifest = skill.manifest.file;
  const tops = [...new Set(entries.map((e) => e.path.split('/')[0]!))];
  const prefixes = inner !== undefined ? [`${inner}/`] : ['', ...tops.map((t) => `${t}/`)];
  const prefix = prefixes.find((p) => byPath.has(p + manifest));
  if (prefix === undefined) throw new WardenError('skill-invalid', `${skill.path}: cannot find ${manifest} in the bundle again; nothing was installed`, { path: skill.path });
  return async (file) => {
    const data = byPath.get(prefix + file.path);
    if (!data) throw changed(skill, file, 'is missing from the bundle');
    return checked(skill, file, data);
  };
}

/** A reader of the skill's file bytes, checked against the scanned hashes. */
export async function sourceBytes(skill: LoadedSkill): Promise<FileBytes> {
  const bang = skill.path.indexOf('!');
  const info = await lstat(bang < 0 ? skill.path : skill.path.slice(0, bang));
  return info.isDirectory() ? folderBytes(skill) : bundleBytes(skill);
}
