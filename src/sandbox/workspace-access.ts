// Making a workspace usable by a runner's uid, and only that workspace: the path must be reachable
// (every ancestor searchable by others), and the tree is handed to the uid for the run and back
// to its owner afterwards. Symlinks are never followed (lchown).

import { existsSync, lchownSync, lstatSync, readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { WardenError } from '../core/index.ts';

export function checkReachable(workspace: string): void {
  let dir = dirname(workspace);
  for (;;) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      throw new WardenError('usage', `workspace ${workspace}: its parent ${dir} is not searchable by other users (mode ${(mode & 0o777).toString(8)}); the sandbox runs as an unprivileged uid. Run \`chmod o+x ${dir}\` or choose a workspace elsewhere.`, { workspace, dir });
    }
    if (dir === dirname(dir)) return;
    dir = dirname(dir);
  }
}

export function chownTree(root: string, uid: number, gid: number): void {
  const stack = [root];
  while (stack.length > 0) {
    const path = stack.pop()!;
    const st = lstatSync(path);
    if (st.uid !== uid || st.gid !== gid) lchownSync(path, uid, gid);
    if (st.isDirectory()) for (const name of readdirSync(path)) stack.push(join(path, name));
  }
}

export function ownerOf(path: string): { uid: number; gid: number } {
  const st = statSync(path);
  return { uid: st.uid, gid: st.gid };
}

/**
 * The engine makes read-only mount points for denyWrite paths that do not exist (empty files and
 * directories). Call before a run to learn which are missing, and after it to remove the empty
 * placeholders it left, so a workspace is not littered with empty dotfiles.
 */
export function missingPaths(workspace: string, names: readonly string[]): string[] {
  return names.filter((n) => !existsSync(join(workspace, n)));
}

export function removeMountPoints(workspace: string, missing: readonly string[]): void {
  const parents = new Set<string>();
  for (const name of missing) {
    const path = join(workspace, name);
    try {
      const st = lstatSync(path);
      if (st.isFile() && st.size === 0) rmSync(path);
      else if (st.isDirectory()) rmdirSync(path);
    } catch {
      // has content now, or gone: leave it
    }
    if (name.includes('/')) parents.add(join(workspace, name.split('/')[0]!));
  }
  for (const dir of parents) {
    try {
      if (missing.some((m) => join(workspace, m.split('/')[0]!) === dir) && readdirSync(dir).length === 0) rmdirSync(dir);
    } catch {
      // not empty or gone
    }
  }
}
