// Bytes held by a workspace, for the workspace-bytes limit. Walks with lstat (never follows links)
// and stops early once past `stopAbove`, so a watcher over a large tree stays cheap.

import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export async function workspaceBytes(dir: string, stopAbove = Number.POSITIVE_INFINITY): Promise<number> {
  let total = 0;
  const stack = [dir];
  while (stack.length > 0 && total <= stopAbove) {
    const current = stack.pop()!;
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) stack.push(path);
      else {
        try {
          total += (await lstat(path)).blocks * 512;
        } catch {
          // removed meanwhile
        }
      }
    }
  }
  return total;
}
