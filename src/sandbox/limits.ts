// Resource limits: safe defaults, validation, the prelude that puts a box into its cgroups before
// the engine's bwrap command starts, and the rlimits the box's launcher sets in each command.

import { WardenError } from '../core/index.ts';
import type { LimitName } from './events.ts';
import type { Limits } from './types.ts';

export const DEFAULT_LIMITS: Readonly<Limits> = {
  wallTimeSec: 120,
  cpuTimeSec: 60,
  memoryMb: 1024,
  processes: 256,
  openFiles: 1024,
  outputBytes: 1024 * 1024,
  workspaceBytes: 256 * 1024 * 1024,
};

const MAXIMUM: Readonly<Limits> = {
  wallTimeSec: 24 * 3600,
  cpuTimeSec: 24 * 3600,
  memoryMb: 1024 * 1024,
  processes: 65536,
  openFiles: 1 << 20,
  outputBytes: 1 << 30,
  workspaceBytes: 2 ** 40,
};

export function resolveLimits(partial: Partial<Limits> = {}, defaults: Readonly<Limits> = DEFAULT_LIMITS): Limits {
  const out = { ...defaults } as Limits;
  for (const key of Object.keys(DEFAULT_LIMITS) as Array<keyof Limits>) {
    const value = partial[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAXIMUM[key]) {
      throw new WardenError('usage', `limit ${key}: ${String(value)} is not a positive number up to ${MAXIMUM[key]}. Example: ${key}: ${DEFAULT_LIMITS[key]}`, { key });
    }
    out[key] = value;
  }
  return out;
}

/** Threads of the runner's own uid (Node's pool) that RLIMIT_NPROC counts too. */
const NPROC_SLACK = 64;

/**
 * argv that starts a box (`wrapped`, a shell string) inside its cgroups. Spawn with detached: true.
 * Fails closed: if it cannot join a cgroup it exits 125 and the box never starts. The box itself
 * runs without rlimits; each command gets its own from `commandRlimits` in the launcher.
 */
export function boxArgv(wrapped: string, cgroupDirs: readonly string[]): string[] {
  const join = cgroupDirs.map((d) => `echo $$ > '${d}/cgroup.procs' || exit 125`).join('\n');
  return ['/bin/sh', '-c', `${join}\nexec /bin/bash -c "$1"`, 'warden-box', wrapped];
}

/** The rlimits (soft = hard) the launcher sets in a command before exec; null leaves one alone. */
export function commandRlimits(limits: Limits, memoryByRlimit: boolean): Record<string, number | null> {
  return {
    cpu: Math.ceil(limits.cpuTimeSec),
    nofile: Math.ceil(limits.openFiles),
    nproc: Math.ceil(limits.processes) + NPROC_SLACK,
    fsize: Math.ceil(limits.workspaceBytes),
    core: 0,
    as: memoryByRlimit ? Math.ceil(limits.memoryMb) * 1024 * 1024 : null,
  };
}

/** What ended a command, from its exit and the counters the runner read after it. */
export function classifyExit(input: {
  exitCode: number | null;
  signal: string | null;
  killedFor: LimitName | null;
  oomKills: number;
  pidsMaxEvents: number;
}): LimitName | null {
  if (input.killedFor === 'output' || input.killedFor === 'workspace-bytes') return input.killedFor;
  if (input.oomKills > 0) return 'memory';
  if (input.pidsMaxEvents > 0 && (input.killedFor === 'wall-time' || input.exitCode !== 0)) return 'processes';
  if (input.signal === 'SIGXCPU' || input.exitCode === 128 + 24) return 'cpu-time';
  if (input.signal === 'SIGXFSZ' || input.exitCode === 128 + 25) return 'workspace-bytes';
  return input.killedFor;
}
