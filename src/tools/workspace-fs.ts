// Confined file access inside a workspace. Sandboxed commands write the same tree (as another uid,
// at the same time), so a path is never handed to the kernel whole: it is walked one component at a
// time from a directory descriptor (`/proc/self/fd/N/name` is openat(N, name)), every directory is
// opened with O_NOFOLLOW, and a symbolic link met on the way is read and resolved by this module
// against the workspace root: a link that stays inside is followed, one that leads out (absolute
// elsewhere, or `..` above the root) is refused. A link swapped in after the check cannot redirect
// an open, because opens never follow links. Files are replaced by write-to-temp + rename in the
// same directory, so a planted link or hard link at the target is replaced, never written through.

import { randomBytes } from 'node:crypto';
import { closeSync, constants, fchmodSync, fchownSync, fstatSync, lchownSync, lstatSync, mkdirSync, openSync, readlinkSync, realpathSync, renameSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { ToolFailure } from './tool-result.ts';

const O = constants;
export const DIR_FLAGS = O.O_RDONLY | O.O_DIRECTORY | O.O_NOFOLLOW;
const MAX_LINKS = 40;

/** openat(dirFd, name) through procfs: resolves `name` relative to the open directory. */
export function at(dirFd: number, name: string): string {
  return `/proc/self/fd/${dirFd}/${name}`;
}

/** Workspace-relative display form of components: `notes/a.txt`, or `.` for the root. */
export function shown(components: readonly string[]): string {
  return components.length === 0 ? '.' : components.join('/');
}

export function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
}

/**
 * A path argument as workspace components. Relative paths are taken from the workspace; absolute
 * ones only when they lie inside it. `..` may not climb above the root.
 */
export function parseWorkspacePath(workspace: string, input: string): string[] {
  if (input.includes('\0')) throw new ToolFailure('bad-path', 'path contains a NUL byte', { path: input });
  let rest = input;
  if (input.startsWith('/')) {
    const inside = insideWorkspace(workspace, input);
    if (inside === undefined) {
      throw new ToolFailure('outside-workspace', `${input} is outside the workspace; give a path relative to the workspace (for example "notes/todo.md")`, { path: input });
    }
    rest = inside;
  }
  return normalise([], rest.split('/'), input);
}

/** `target` (absolute) relative to the workspace, or undefined when it is outside. */
function insideWorkspace(workspace: string, target: string): string | undefined {
  const roots = [workspace.replace(/\/+$/, '')];
  try {
    roots.push(realpathSync(workspace));
  } catch {
    // the workspace check below fails with its own message
  }
  for (const root of roots) {
    if (target === root) return '';
    if (target.startsWith(`${root}/`)) return target.slice(root.length + 1);
  }
  return undefined;
}

function normalise(base: readonly string[], parts: readonly string[], original: string): string[] {
  const out = [...base];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) throw new ToolFailure('outside-workspace', `${original} leads outside the workspace (too many "..")`, { path: original });
      out.pop();
    } else out.push(part);
  }
  return out;
}

export function openWorkspaceRoot(workspace: string): number {
  try {
    return openSync(workspace, O.O_RDONLY | O.O_DIRECTORY);
  } catch (error) {
    throw new ToolFailure('workspace-missing', `the workspace ${workspace} cannot be opened (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** A resolved entry: its parent directory (open; close it), its name there, and where it really is. */
export interface Entry {
  dirFd: number;
  name: string;
  /** Components of the entry after following links inside the workspace. */
  real: string[];
  /** lstat of the entry when it exists (never a symbolic link: those are followed). */
  stat: Stats | undefined;
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Where a link found at `dir/<name>` with `target` leads, as components, followed by `rest`. */
function followLink(workspace: string, dir: readonly string[], name: string, target: string, rest: readonly string[]): string[] {
  const where = shown([...dir, name]);
  if (target.startsWith('/')) {
    const inside = insideWorkspace(workspace, target);
    if (inside === undefined) {
      throw new ToolFailure('outside-workspace', `${where} is a symbolic link to ${target}, outside the workspace; file tools stay inside the workspace`, { path: where, target });
    }
    return [...normalise([], inside.split('/'), where), ...rest];
  }
  try {
    return [...normalise(dir, target.split('/'), where), ...rest];
  } catch {
    throw new ToolFailure('outside-workspace', `${where} is a symbolic link to ${target}, which leads outside the workspace; file tools stay inside the workspace`, { path: where, target });
  }
}

/** Gives a new file or directory the owner of the directory it was made in (the tree's current holder). */
export function adoptOwner(dirFd: number, target: { fd?: number; path?: string }): void {
  if (process.getuid?.() !== 0) return;
  const parent = fstatSync(dirFd);
  if (target.fd !== undefined) fchownSync(target.fd, parent.uid, parent.gid);
  else if (target.path !== undefined) lchownSync(target.path, parent.uid, parent.gid);
}

type Step = { fd: number } | { link: string };

function openDirStep(dirFd: number, name: string, here: readonly string[], create: boolean): Step {
  for (let attempt = 0; ; attempt++) {
    try {
      return { fd: openSync(at(dirFd, name), DIR_FLAGS) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const where = shown([...here, name]);
      if (code === 'ENOENT' && create && attempt === 0) {
        try {
          mkdirSync(at(dirFd, name), 0o755);
          adoptOwner(dirFd, { path: at(dirFd, name) });
        } catch (made) {
          if ((made as NodeJS.ErrnoException).code !== 'EEXIST') throw made;
        }
        continue;
      }
      if (code === 'ENOENT') throw new ToolFailure('not-found', `${where} does not exist`, { path: where });
      if (code === 'ENOTDIR' || code === 'ELOOP') {
        const st = lstatOrUndefined(at(dirFd, name));
        if (st?.isSymbolicLink()) return { link: readlinkSync(at(dirFd, name)) };
        throw new ToolFailure('not-a-directory', `${where} is not a directory`, { path: where });
      }
      if (code === 'EACCES') throw new ToolFailure('no-access', `${where} cannot be opened (permission denied)`, { path: where });
      throw error;
    }
  }
}

/**
 * Resolves `components` to its parent directory and final name, following links that stay inside.
 * `createDirs` makes missing parent directories (owned like their parent).
 */
export function resolveEntry(workspace: string, components: readonly string[], createDirs = false): Entry {
  let pending = [...components];
  for (let links = 0; links <= MAX_LINKS; links++) {
    if (pending.length === 0) throw new ToolFailure('is-workspace', 'the path is the workspace directory itself, not a file in it', { path: '.' });
    let fd = openWorkspaceRoot(workspace);
    const here: string[] = [];
    let restarted = false;
    try {
      while (pending.length > 1) {
        const name = pending[0]!;
        const step = openDirStep(fd, name, here, createDirs);
        if ('link' in step) {
          pending = followLink(workspace, here, name, step.link, pending.slice(1));
          restarted = true;
          break;
        }
        closeSync(fd);
        fd = step.fd;
        here.push(name);
        pending.shift();
      }
      if (restarted) {
        closeSync(fd);
        continue;
      }
      const name = pending[0]!;
      const stat = lstatOrUndefined(at(fd, name));
      if (stat?.isSymbolicLink()) {
        pending = followLink(workspace, here, name, readlinkSync(at(fd, name)), []);
        closeSync(fd);
        continue;
      }
      return { dirFd: fd, name, real: [...here, name], stat };
    } catch (error) {
      closeQuietly(fd);
      throw error;
    }
  }
  throw new ToolFailure('too-many-links', `${shown(components)}: more than ${MAX_LINKS} symbolic links on the way`, { path: shown(components) });
}

/** Opens a directory (the root for no components) for listing; returns its fd and real components. */
export function openDirectory(workspace: string, components: readonly string[]): { fd: number; real: string[] } {
  if (components.length === 0) return { fd: openWorkspaceRoot(workspace), real: [] };
  const entry = resolveEntry(workspace, components);
  try {
    if (!entry.stat) throw new ToolFailure('not-found', `${shown(entry.real)} does not exist`, { path: shown(entry.real) });
    const step = openDirStep(entry.dirFd, entry.name, entry.real.slice(0, -1), false);
    if ('link' in step) throw new ToolFailure('changed', `${shown(entry.real)} changed while it was opened; try again`, { path: shown(entry.real) });
    return { fd: step.fd, real: entry.real };
  } finally {
    closeSync(entry.dirFd);
  }
}

/** Opens an existing regular file of `entry` for reading; refuses directories, devices, FIFOs, sockets. */
export function openRegularFile(entry: Entry): { fd: number; stat: Stats } {
  const where = shown(entry.real);
  if (!entry.stat) throw new ToolFailure('not-found', `${where} does not exist`, { path: where });
  if (entry.stat.isDirectory()) throw new ToolFailure('is-directory', `${where} is a directory; use list to see what is in it`, { path: where });
  if (!entry.stat.isFile()) throw new ToolFailure('not-regular-file', `${where} is not a regular file (a device, FIFO or socket); file tools only handle regular files`, { path: where });
  let fd: number;
  try {
    fd = openSync(at(entry.dirFd, entry.name), O.O_RDONLY | O.O_NOFOLLOW | O.O_NONBLOCK);
  } catch (error) {
    throw new ToolFailure('changed', `${where} cannot be opened (${(error as NodeJS.ErrnoException).code ?? 'error'}); it may have changed meanwhile`, { path: where });
  }
  const stat = fstatSync(fd);
  if (!stat.isFile() || stat.ino !== entry.stat.ino || stat.dev !== entry.stat.dev) {
    closeSync(fd);
    throw new ToolFailure('changed', `${where} changed while it was opened; try again`, { path: where });
  }
  return { fd, stat };
}

/**
 * Replaces (or creates) the file of `entry` with `data`: written to a temporary name in the same
 * directory, then renamed over the target. An existing file keeps its mode and owner; a new one
 * gets the directory's owner and mode 0644.
 */
export function replaceFile(entry: Entry, data: Buffer): void {
  const where = shown(entry.real);
  if (entry.stat?.isDirectory()) throw new ToolFailure('is-directory', `${where} is a directory; give a file path`, { path: where });
  if (entry.stat && !entry.stat.isFile()) throw new ToolFailure('not-regular-file', `${where} is not a regular file; file tools only write regular files`, { path: where });
  const temp = `.warden-${randomBytes(6).toString('hex')}.tmp`;
  const mode = entry.stat ? entry.stat.mode & 0o777 : 0o644;
  const fd = openSync(at(entry.dirFd, temp), O.O_WRONLY | O.O_CREAT | O.O_EXCL | O.O_NOFOLLOW, mode);
  try {
    for (let offset = 0; offset < data.length; ) offset += writeSync(fd, data, offset, data.length - offset);
    fchmodSync(fd, mode);
    if (entry.stat) {
      if (process.getuid?.() === 0) fchownSync(fd, entry.stat.uid, entry.stat.gid);
    } else adoptOwner(entry.dirFd, { fd });
    closeSync(fd);
    renameSync(at(entry.dirFd, temp), at(entry.dirFd, entry.name));
  } catch (error) {
    closeQuietly(fd);
    try {
      unlinkSync(at(entry.dirFd, temp));
    } catch {
      // gone already
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR' || code === 'ENOTEMPTY') throw new ToolFailure('is-directory', `${where} became a directory; give a file path`, { path: where });
    throw error;
  }
}
