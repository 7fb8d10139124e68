// The approved skills inside a workspace, at skills/<name>/, so commands and `read` see exactly the
// files that were scanned and approved. The workspace is writable by sandboxed commands, so a copy
// is trusted only when its marker names the approved version AND its contents (paths, executable
// bits, bytes) still match the registry's copy; anything else is replaced: the new copy is built
// under a temporary name and renamed into place. Symbolic links and special files are never copied.

import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { ToolFailure } from './tool-result.ts';
import type { ToolContext, ToolSkill } from './types.ts';
import { adoptOwner, at, closeQuietly, DIR_FLAGS, openWorkspaceRoot } from './workspace-fs.ts';

/** Directory of the workspace that holds the skill copies. */
export const SKILLS_DIR = 'skills';
/** File in each copy naming the approved version; not part of the compared contents. */
export const VERSION_MARKER = '.warden-version';

const SKILL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** A tree as (path, kind, mode, content hash) lines; equal digests mean equal trees. */
type Digest = string;

interface SourceTree {
  digest: Digest;
  files: Array<{ path: string; dir: boolean; executable: boolean }>;
}

const sources = new Map<string, SourceTree>();
const locks = new Map<string, Promise<void>>();

function sourceTree(skill: ToolSkill): SourceTree {
  const key = `${skill.dir}\0${skill.version}`;
  const cached = sources.get(key);
  if (cached) return cached;
  const hash = createHash('sha256');
  const files: SourceTree['files'] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(skill.dir, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      const st = lstatSync(join(skill.dir, path));
      if (st.isDirectory()) {
        files.push({ path, dir: true, executable: false });
        hash.update(`D ${path}\n`);
        walk(path);
      } else if (st.isFile() && !(rel === '' && name === VERSION_MARKER)) {
        const executable = (st.mode & 0o111) !== 0;
        files.push({ path, dir: false, executable });
        hash.update(`F ${path} ${executable ? 'x' : '-'} ${createHash('sha256').update(readFileSync(join(skill.dir, path))).digest('hex')}\n`);
      }
    }
  };
  walk('');
  const tree = { digest: hash.digest('hex'), files };
  sources.set(key, tree);
  return tree;
}

/** Digest of the copy under an open directory, never following links; undefined when not a plain tree. */
function copyDigest(dirFd: number): Digest | undefined {
  const hash = createHash('sha256');
  const walk = (fd: number, rel: string): boolean => {
    for (const name of readdirSync(at(fd, '.')).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      if (rel === '' && name === VERSION_MARKER) continue;
      const st = lstatSync(at(fd, name));
      if (st.isDirectory()) {
        hash.update(`D ${path}\n`);
        const child = openSync(at(fd, name), DIR_FLAGS);
        try {
          if (!walk(child, path)) return false;
        } finally {
          closeSync(child);
        }
      } else if (st.isFile()) {
        hash.update(`F ${path} ${(st.mode & 0o111) !== 0 ? 'x' : '-'} ${hashFile(fd, name, st)}\n`);
      } else return false;
    }
    return true;
  };
  return walk(dirFd, '') ? hash.digest('hex') : undefined;
}

function hashFile(dirFd: number, name: string, st: Stats): string {
  const fd = openSync(at(dirFd, name), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const hash = createHash('sha256');
    const buffer = Buffer.alloc(64 * 1024);
    for (let position = 0; position < st.size + 1; ) {
      const n = readSync(fd, buffer, 0, buffer.length, position);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
      position += n;
    }
    return hash.digest('hex');
  } finally {
    closeSync(fd);
  }
}

function readMarker(dirFd: number): string | undefined {
  try {
    const fd = openSync(at(dirFd, VERSION_MARKER), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      const buffer = Buffer.alloc(256);
      return buffer.subarray(0, readSync(fd, buffer, 0, 256, 0)).toString('utf8').trim();
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/** Is skills/<name> in place, at the approved version, with the approved contents? */
function upToDate(skillsFd: number, skill: ToolSkill): boolean {
  let fd: number;
  try {
    fd = openSync(at(skillsFd, skill.name), DIR_FLAGS);
  } catch {
    return false;
  }
  try {
    return readMarker(fd) === skill.version && copyDigest(fd) === sourceTree(skill).digest;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

function writeNew(dirFd: number, name: string, data: Buffer, mode: number): void {
  const fd = openSync(at(dirFd, name), constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode);
  try {
    for (let offset = 0; offset < data.length; ) offset += writeSync(fd, data, offset, data.length - offset);
    adoptOwner(dirFd, { fd });
  } finally {
    closeSync(fd);
  }
}

/** Builds the copy under a temporary name, then swaps it in for whatever stood at skills/<name>. */
function replaceCopy(skillsFd: number, skill: ToolSkill): void {
  const tag = randomBytes(6).toString('hex');
  const temp = `.${skill.name}.new-${tag}`;
  mkdirSync(at(skillsFd, temp), 0o755);
  adoptOwner(skillsFd, { path: at(skillsFd, temp) });
  const open = new Map<string, number>([['', openSync(at(skillsFd, temp), DIR_FLAGS)]]);
  try {
    for (const file of sourceTree(skill).files) {
      const slash = file.path.lastIndexOf('/');
      const parent = open.get(slash === -1 ? '' : file.path.slice(0, slash))!;
      const name = file.path.slice(slash + 1);
      if (file.dir) {
        mkdirSync(at(parent, name), 0o755);
        adoptOwner(parent, { path: at(parent, name) });
        open.set(file.path, openSync(at(parent, name), DIR_FLAGS));
      } else {
        writeNew(parent, name, readFileSync(join(skill.dir, file.path)), file.executable ? 0o755 : 0o644);
      }
    }
    writeNew(open.get('')!, VERSION_MARKER, Buffer.from(`${skill.version}\n`), 0o644);
  } finally {
    for (const fd of open.values()) closeQuietly(fd);
  }
  const old = `.${skill.name}.old-${tag}`;
  let moved = false;
  try {
    renameSync(at(skillsFd, skill.name), at(skillsFd, old));
    moved = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  renameSync(at(skillsFd, temp), at(skillsFd, skill.name));
  if (moved) rmSync(at(skillsFd, old), { recursive: true, force: true });
}

/** The open skills directory, made when `create`; undefined when it is absent and not made. */
function openSkillsDir(workspace: string, create: boolean): number | undefined {
  const root = openWorkspaceRoot(workspace);
  try {
    if (create) {
      try {
        mkdirSync(at(root, SKILLS_DIR), 0o755);
        adoptOwner(root, { path: at(root, SKILLS_DIR) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    try {
      return openSync(at(root, SKILLS_DIR), DIR_FLAGS);
    } catch (error) {
      if (!create) return undefined;
      throw new ToolFailure('skills-dir-blocked', `the workspace entry "${SKILLS_DIR}" is not a directory (a file or a link); Warden keeps the approved skills there. Remove or rename it.`, { path: SKILLS_DIR, errno: (error as NodeJS.ErrnoException).code });
    }
  } finally {
    closeSync(root);
  }
}

const LEFTOVER = /^\..+\.(?:new|old)-[0-9a-f]{12}$/;

/**
 * Removes what a full sync leaves no room for: copies Warden made (they hold a marker) of skills
 * not in `skills` (revoked, or not this principal's), and temporaries of an interrupted swap.
 * Directories without a marker are the user's own and stay.
 */
function removeStale(skillsFd: number, skills: ReadonlyMap<string, ToolSkill>): void {
  for (const name of readdirSync(at(skillsFd, '.'))) {
    if (skills.has(name)) continue;
    let stale = LEFTOVER.test(name);
    if (!stale) {
      try {
        const fd = openSync(at(skillsFd, name), DIR_FLAGS);
        try {
          stale = readMarker(fd) !== undefined;
        } finally {
          closeSync(fd);
        }
      } catch {
        continue; // not a directory (or a link): not ours
      }
    }
    if (stale) rmSync(at(skillsFd, name), { recursive: true, force: true });
  }
}

/**
 * Puts every skill of `skills` (all, or only `only`) in place at <workspace>/skills/<name>/; a full
 * sync (no `only`) also removes copies of skills that are no longer in `skills`.
 * Calls for one workspace run one after another.
 */
export async function materialiseSkills(workspace: string, skills: ReadonlyMap<string, ToolSkill>, only?: string): Promise<void> {
  const list = [...skills.values()].filter((s) => only === undefined || s.name === only);
  if (list.length === 0 && only !== undefined) return;
  const previous = locks.get(workspace) ?? Promise.resolve();
  const mine = previous.then(() => {
    const skillsFd = openSkillsDir(workspace, list.length > 0);
    if (skillsFd === undefined) return;
    try {
      for (const skill of list) {
        if (!SKILL_NAME.test(skill.name)) throw new Error(`materialiseSkills: skill name ${JSON.stringify(skill.name)} is not a plain file name`);
        if (!upToDate(skillsFd, skill)) replaceCopy(skillsFd, skill);
      }
      if (only === undefined) removeStale(skillsFd, skills);
    } finally {
      closeSync(skillsFd);
    }
  });
  const settled = mine.catch(() => undefined);
  locks.set(workspace, settled);
  void settled.then(() => {
    if (locks.get(workspace) === settled) locks.delete(workspace);
  });
  await mine;
}

/** Before a file tool touches skills/…: the named skill's copy (or all of them) is put in place. */
export async function materialiseFor(components: readonly string[], context: Pick<ToolContext, 'workspace' | 'skills'>): Promise<void> {
  if (components[0] !== SKILLS_DIR) return;
  const name = components[1];
  await materialiseSkills(context.workspace, context.skills, name !== undefined && context.skills.has(name) ? name : undefined);
}

/** The approved skill whose copy `real` (resolved components) lies in, if any: writes there are refused. */
export function skillCopyAt(real: readonly string[], skills: ReadonlyMap<string, ToolSkill>): string | undefined {
  return real[0] === SKILLS_DIR && real.length >= 2 && skills.has(real[1]!) ? real[1] : undefined;
}
