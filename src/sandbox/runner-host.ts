// Gateway side of a runner: start it (fork, own uid, private TMPDIR, delegated cgroups), wait for a
// resolved engine initialisation, send it commands, stop it and clean up. Any failure to start is
// a `sandbox-unavailable` error that says what is missing; nothing ever runs outside a runner.

import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WardenError } from '../core/index.ts';
import type { DlpFingerprint } from '../egress/index.ts';
import { createRunnerCgroups, removeCgroupTree, type Controller } from './cgroups.ts';
import type { ContainmentEvent } from './events.ts';
import type { RunnerPolicy } from './policy.ts';
import type { FromRunner, RunMessage } from './runner-protocol.ts';
import { leaseUid, type UidLease } from './uid-pool.ts';
import { LAUNCHER_PATH } from './warm-box.ts';

const RUNNER_MAIN = join(dirname(fileURLToPath(import.meta.url)), 'runner-main.ts');
const READY_TIMEOUT_MS = 60_000; // generous: engine start is CPU-bound and a loaded 2-core host is slow

export function engineSeccompDir(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@anthropic-ai/sandbox-runtime/package.json');
  return join(dirname(pkg), 'vendor', 'seccomp');
}

export interface RunnerOptions {
  policy: RunnerPolicy;
  canaries?: Array<{ name: string; content: string }>;
  /** Hashes of stored secrets this domain was not granted, so DLP still recognises them. */
  fingerprints?: DlpFingerprint[];
  actor?: { principal?: string; skill?: string; conversation?: string };
  /** PEM file of extra roots the proxy trusts for upstream TLS (e.g. a test CA). */
  upstreamCaFile?: string;
}

export type RunReply = Extract<FromRunner, { type: 'result' }>;

export interface Runner {
  readonly uid: number | undefined;
  readonly id: string;
  run(message: Omit<RunMessage, 'type'>, onEvent: (event: ContainmentEvent) => void): Promise<RunReply>;
  /** Close the runner's warm boxes of `workspace`; resolves once they are gone (or the runner is). */
  releaseWorkspace(workspace: string): Promise<void>;
  close(): Promise<void>;
}

const unavailable = (what: string) =>
  new WardenError(
    'sandbox-unavailable',
    `the sandbox cannot start: ${what}. Nothing was run. Run \`warden doctor\` to see what is missing and how to fix it (Debian: apt-get install -y bubblewrap socat ripgrep; user namespaces must be enabled).`,
    { what },
  );

export async function startRunner(options: RunnerOptions): Promise<Runner> {
  const id = randomBytes(6).toString('hex');
  const isRoot = process.getuid?.() === 0;
  const lease: UidLease | undefined = isRoot ? leaseUid() : undefined;
  const uid = lease?.uid;
  const tmp = mkdtempSync(join(tmpdir(), 'warden-runner-'));
  let cgroups: Record<Controller, string> | undefined;
  // Each step on its own: a cgroup that is still busy must not keep the TMPDIR (CA key) or the uid.
  const cleanup = () => {
    for (const step of [() => rmSync(tmp, { recursive: true, force: true }), () => lease?.release(), () => cgroups && removeCgroupTree(Object.values(cgroups))]) {
      try {
        step();
      } catch {
        // best effort; `warden doctor` lists leftovers
      }
    }
  };
  let child: ChildProcess;
  try {
    chmodSync(tmp, 0o700);
    if (uid !== undefined) {
      chownSync(tmp, uid, uid);
      cgroups = createRunnerCgroups(id, uid, uid);
    }
    const env: Record<string, string> = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: tmp, TMPDIR: tmp, LANG: 'C.UTF-8' };
    if (options.upstreamCaFile) {
      const copy = join(tmp, 'upstream-ca.pem');
      copyFileSync(options.upstreamCaFile, copy);
      if (uid !== undefined) chownSync(copy, uid, uid);
      env.NODE_EXTRA_CA_CERTS = copy;
    }
    child = fork(RUNNER_MAIN, [], {
      cwd: tmp,
      env,
      execArgv: [],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      // Its own process group: the engine's host-side socat bridges are the runner's children and
      // must die with it (a SIGKILLed runner would otherwise orphan them, holding its TMPDIR).
      detached: true,
      ...(uid !== undefined ? { uid, gid: uid } : {}),
    });
  } catch (error) {
    cleanup();
    throw unavailable(`could not start a runner process (${(error as Error).message})`);
  }
  let stderrTail = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderrTail = (stderrTail + chunk.toString()).slice(-2000)));
  const pending = new Map<string, { resolve: (r: RunReply) => void; onEvent: (e: ContainmentEvent) => void }>();
  const releasing = new Map<number, () => void>();
  let releaseCount = 0;
  let exited = false;
  const exitWaiters: Array<() => void> = [];
  child.on('exit', () => {
    exited = true;
    killGroup(child.pid);
    child.stderr?.destroy();
    for (const [runId, p] of pending) p.resolve(refusal(runId, `the runner process exited ${stderrTail ? `(${stderrTail.trim().split('\n').pop()})` : ''}`));
    pending.clear();
    for (const done of releasing.values()) done();
    releasing.clear();
    cleanup();
    exitWaiters.forEach((w) => w());
  });
  child.on('message', (message: FromRunner) => {
    if (message.type === 'event') for (const runId of message.runIds) pending.get(runId)?.onEvent(message.event);
    else if (message.type === 'result') {
      pending.get(message.runId)?.resolve(message);
      pending.delete(message.runId);
    } else if (message.type === 'released') {
      releasing.get(message.id)?.();
      releasing.delete(message.id);
    }
  });
  const stop = async () => {
    if (exited) return;
    const gone = new Promise<void>((resolve) => exitWaiters.push(resolve));
    killGroup(child.pid);
    await gone;
  };

  const ready = await new Promise<{ ok: true } | { ok: false; why: string }>((resolve) => {
    const timer = setTimeout(() => resolve({ ok: false, why: `the engine did not become ready within ${READY_TIMEOUT_MS / 1000} s` }), READY_TIMEOUT_MS);
    child.on('message', (m: FromRunner) => {
      if (m.type === 'ready') (clearTimeout(timer), resolve({ ok: true }));
      if (m.type === 'init-error') (clearTimeout(timer), resolve({ ok: false, why: m.message }));
    });
    child.on('exit', (code) => (clearTimeout(timer), resolve({ ok: false, why: `the runner exited with ${code} (${stderrTail.trim().split('\n').slice(-3).join(' ') || 'no message'})` })));
    child.send({ type: 'init', policy: options.policy, canaries: options.canaries ?? [], fingerprints: options.fingerprints ?? [], paths: { tmpDir: tmp, seccompDir: engineSeccompDir(), launcherPath: LAUNCHER_PATH }, cgroups, actor: options.actor ?? {} });
  });
  if (!ready.ok) {
    await stop();
    throw unavailable(ready.why);
  }

  return {
    uid,
    id,
    run(message, onEvent) {
      if (exited) return Promise.resolve(refusal(message.runId, 'the runner process is gone'));
      return new Promise<RunReply>((resolve) => {
        pending.set(message.runId, { resolve, onEvent });
        child.send({ type: 'run', ...message });
      });
    },
    releaseWorkspace(workspace) {
      if (exited) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const id = ++releaseCount;
        releasing.set(id, resolve);
        child.send({ type: 'release', id, workspace });
      });
    },
    close: stop,
  };
}

function killGroup(pid: number | undefined): void {
  try {
    if (pid) process.kill(-pid, 'SIGKILL');
  } catch {
    // group already gone
  }
}

function refusal(runId: string, why: string): RunReply {
  return { type: 'result', runId, refused: why, exitCode: null, signal: null, stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), stdoutBytes: 0, stderrBytes: 0, truncated: false, limitHit: null };
}
