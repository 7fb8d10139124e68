// Whether a program exists in the sandbox image. The box sees the host's /usr and /etc (and the
// merged /bin), so a skill's `requires.bins` are looked up in those folders only, never on the
// caller's PATH (a program in ~/.local/bin would not exist inside the box).

import { accessSync, constants, statSync } from 'node:fs';
import { join } from 'node:path';

export const IMAGE_BIN_DIRS = ['/usr/bin', '/bin', '/usr/local/bin'] as const;

/** True when `name` is a plain program name found as an executable regular file in the image. */
export function imageBinExists(name: string, dirs: readonly string[] = IMAGE_BIN_DIRS): boolean {
  if (!/^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(name)) return false;
  for (const dir of dirs) {
    const path = join(dir, name);
    try {
      if (statSync(path).isFile()) {
        accessSync(path, constants.X_OK);
        return true;
      }
    } catch {
      // Not here; try the next folder.
    }
  }
  return false;
}
