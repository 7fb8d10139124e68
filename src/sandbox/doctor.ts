// Prerequisites of the sandbox, each with what to do when it is missing. Used by `warden doctor`.

import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { controllerAvailable } from './cgroups.ts';
import { engineSeccompDir } from './runner-host.ts';
import { UID_COUNT, UID_FIRST } from './uid-pool.ts';

export interface PrerequisiteCheck {
  name: string;
  ok: boolean;
  /** False for checks whose absence weakens a limit but does not stop the sandbox. */
  required: boolean;
  detail: string;
  fix?: string;
}

function which(bin: string): string | undefined {
  for (const dir of ['/usr/local/bin', '/usr/bin', '/bin', '/usr/sbin', '/sbin']) {
    const path = join(dir, bin);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // next
    }
  }
  return undefined;
}

const APT = 'apt-get install -y bubblewrap socat ripgrep';

export function checkPrerequisites(options: { home?: string; nodeVersion?: string } = {}): PrerequisiteCheck[] {
  const checks: PrerequisiteCheck[] = [];
  const add = (c: PrerequisiteCheck) => checks.push(c);
  const version = options.nodeVersion ?? process.versions.node;
  add({ name: 'node', ok: Number(version.split('.')[0]) === 24, required: true, detail: `Node ${version}`, fix: 'use Node 24 (npm ci installs it as node_modules/.bin/node)' });
  for (const [bin, pkg] of [['bwrap', 'bubblewrap'], ['socat', 'socat'], ['rg', 'ripgrep'], ['prlimit', 'util-linux']] as const) {
    const path = which(bin);
    add({ name: bin, ok: !!path, required: true, detail: path ?? 'not found', fix: pkg === 'util-linux' ? 'apt-get install -y util-linux' : APT });
  }
  // The warm box's launcher runs on the system Python inside the box.
  let python = false;
  try {
    accessSync('/usr/bin/python3', constants.X_OK);
    python = true;
  } catch {
    // missing
  }
  add({ name: 'python3', ok: python, required: true, detail: python ? '/usr/bin/python3' : 'not found', fix: 'apt-get install -y python3 (the box launcher runs on it)' });
  const bwrap = which('bwrap');
  if (bwrap) {
    const probe = spawnSync(bwrap, ['--unshare-all', '--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', 'true'], { encoding: 'utf8', timeout: 10_000 });
    add({
      name: 'user namespaces',
      ok: probe.status === 0,
      required: true,
      detail: probe.status === 0 ? 'bwrap --unshare-all works' : `bwrap failed: ${(probe.stderr || probe.error?.message || '').trim()}`,
      fix: 'enable unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1, user.max_user_namespaces>0; on Ubuntu an AppArmor profile for bwrap); in containers allow CAP_SYS_ADMIN or a seccomp profile permitting unshare',
    });
  }
  const helper = join(engineSeccompDir(), process.arch === 'arm64' ? 'arm64' : 'x64', 'apply-seccomp');
  let helperOk = false;
  try {
    accessSync(helper, constants.X_OK);
    helperOk = true;
  } catch {
    // missing
  }
  add({ name: 'seccomp helper', ok: helperOk, required: true, detail: helper, fix: 'reinstall the engine: npm ci (it ships vendor/seccomp/<arch>/apply-seccomp)' });
  const isRoot = process.getuid?.() === 0;
  for (const controller of ['memory', 'pids'] as const) {
    const ok = isRoot && controllerAvailable(controller);
    add({
      name: `cgroup ${controller}`,
      ok,
      required: false,
      detail: ok ? `/sys/fs/cgroup/${controller} (v1) is writable` : isRoot ? `no writable v1 ${controller} hierarchy` : 'not root: cgroups cannot be delegated',
      fix: controller === 'memory' ? 'without it memory falls back to RLIMIT_AS (tmpfs in the box is not charged); run Warden as root on a host with the memory controller' : 'without it process count relies on RLIMIT_NPROC of the runner uid',
    });
  }
  let pid1 = '';
  try {
    pid1 = readFileSync('/proc/1/comm', 'utf8').trim();
  } catch {
    // hidden
  }
  add({ name: 'systemd', ok: true, required: false, detail: pid1 === 'systemd' ? 'PID 1 is systemd (not used: Warden delegates cgroups itself)' : `PID 1 is ${pid1 || 'unknown'}: systemd-run scopes are unavailable, Warden delegates cgroups itself` });
  if (isRoot) {
    const clash = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .map((l) => Number(l.split(':')[2]))
      .filter((u) => u >= UID_FIRST && u < UID_FIRST + UID_COUNT);
    add({ name: 'sandbox uids', ok: clash.length === 0, required: true, detail: clash.length ? `uids ${clash.join(', ')} in ${UID_FIRST}-${UID_FIRST + UID_COUNT - 1} belong to accounts` : `${UID_FIRST}-${UID_FIRST + UID_COUNT - 1} free`, fix: 'move those accounts out of the range; runners must not share a uid with anything' });
  } else {
    add({ name: 'sandbox uids', ok: false, required: false, detail: 'not root: runners run as this uid (one uid for every trust domain)', fix: 'run the gateway as root so each runner gets its own unprivileged uid' });
  }
  if (options.home && existsSync(options.home)) {
    const mode = statSync(options.home).mode & 0o777;
    add({ name: 'data directory', ok: (mode & 0o077) === 0, required: true, detail: `${options.home} mode ${mode.toString(8)}`, fix: `chmod 700 ${options.home} (runner uids must not read it)` });
  }
  return checks;
}
