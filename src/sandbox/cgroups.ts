// Cgroup v1 delegation for runners. The gateway (root) creates one directory per runner under the
// memory and pids hierarchies and hands it to the runner's uid; the runner creates one child per
// box, rewrites its limits before each command, and the box's prelude joins it. This machine class offers v1
// controllers rw and no systemd as PID 1, so systemd-run scopes are not an option (see doctor).

import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = '/sys/fs/cgroup';
export const CONTROLLERS = ['memory', 'pids'] as const;
export type Controller = (typeof CONTROLLERS)[number];

/** Is `controller` mounted as a writable v1 hierarchy here? */
export function controllerAvailable(controller: Controller): boolean {
  const base = join(ROOT, controller);
  try {
    return existsSync(join(base, 'cgroup.procs')) && readFileSync('/proc/self/mountinfo', 'utf8').includes(` ${base} `);
  } catch {
    return false;
  }
}

/** Gateway side: a runner's delegated parent directories, or undefined where cgroups cannot be used. */
export function createRunnerCgroups(runnerId: string, uid: number, gid: number): Record<Controller, string> | undefined {
  const dirs = {} as Record<Controller, string>;
  try {
    for (const controller of CONTROLLERS) {
      if (!controllerAvailable(controller)) return undefined;
      const dir = join(ROOT, controller, 'warden', runnerId);
      mkdirSync(dir, { recursive: true });
      for (const f of ['', 'cgroup.procs', 'tasks']) chownSync(join(dir, f), uid, gid);
      dirs[controller] = dir;
    }
    return dirs;
  } catch {
    removeCgroupTree(Object.values(dirs));
    return undefined;
  }
}

/** Kill what is left in the tree and remove it, children first. Best effort. */
export function removeCgroupTree(dirs: string[]): void {
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) removeCgroupTree([join(dir, entry.name)]);
    }
    killCgroup(dir);
    try {
      rmdirSync(dir);
    } catch {
      // Still busy (a process exiting): the kernel frees it once empty; a later runner cleans up.
    }
  }
}

export function killCgroup(dir: string): void {
  try {
    for (const pid of readFileSync(join(dir, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean)) {
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {
        // gone already
      }
    }
  } catch {
    // no such cgroup
  }
}

/** Runner side: one box's cgroups (memory, pids) with limits written; throws if that is impossible. */
export function createBoxCgroups(parents: Partial<Record<Controller, string>>, name: string, memoryBytes: number, maxPids: number): string[] {
  const dirs: string[] = [];
  for (const controller of CONTROLLERS) {
    const parent = parents[controller];
    if (!parent) continue;
    const dir = join(parent, name);
    mkdirSync(dir);
    dirs.push(dir);
  }
  try {
    writeLimits(dirs, memoryBytes, maxPids);
  } catch (error) {
    removeCgroupTree(dirs);
    throw error;
  }
  return dirs;
}

/**
 * Set a box's limits for its next command. Throws when the kernel refuses (memory already above
 * the new limit): the caller then starts a fresh box rather than run with the old limit.
 */
export function writeLimits(dirs: readonly string[], memoryBytes: number, maxPids: number): void {
  for (const dir of dirs) {
    if (existsSync(join(dir, 'memory.limit_in_bytes'))) {
      // Swap would let memory past the limit. memsw may never be below the plain limit: when
      // shrinking set the plain limit first, when growing memsw first.
      const plain = join(dir, 'memory.limit_in_bytes');
      const swap = join(dir, 'memory.memsw.limit_in_bytes');
      const order = memoryBytes < Number(readFileSync(plain, 'utf8')) ? [plain, swap] : [swap, plain];
      for (const file of order) if (existsSync(file)) writeFileSync(file, String(memoryBytes));
    }
    if (existsSync(join(dir, 'pids.max'))) writeFileSync(join(dir, 'pids.max'), String(maxPids));
  }
}

/** Counters read after a command: OOM kills and refused forks. */
export function readCounters(dirs: string[]): { oomKills: number; pidsMaxEvents: number } {
  let oomKills = 0;
  let pidsMaxEvents = 0;
  for (const dir of dirs) {
    try {
      const oom = readFileSync(join(dir, 'memory.oom_control'), 'utf8').match(/oom_kill (\d+)/);
      if (oom) oomKills += Number(oom[1]);
    } catch {
      // not a memory cgroup
    }
    try {
      const events = readFileSync(join(dir, 'pids.events'), 'utf8').match(/max (\d+)/);
      if (events) pidsMaxEvents += Number(events[1]);
    } catch {
      // not a pids cgroup
    }
  }
  return { oomKills, pidsMaxEvents };
}
