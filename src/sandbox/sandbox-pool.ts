// runSandboxed and the runners behind it. Runners are kept per trust domain (principal × allowed
// hosts × granted secrets) and reused, so a command pays for neither an engine nor (with a warm
// box) a bwrap; `prewarm` starts one ahead of the first command. Two domains never share a
// runner. A runner's warm box in a workspace keeps that workspace's lease until it idles out,
// another domain asks for the workspace, or the pool closes.

import { createHash, randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { isWardenError, WardenError } from '../core/index.ts';
import { fingerprintSecret } from '../egress/index.ts';
import { createEventStream, type ContainmentEvent } from './events.ts';
import { DEFAULT_LIMITS, resolveLimits } from './limits.ts';
import { normalisePolicy, WORKSPACE_DENY_WRITE, type RunnerPolicy } from './policy.ts';
import { redactWords } from './redact.ts';
import { startRunner, type Runner, type RunnerOptions } from './runner-host.ts';
import type { Limits, SandboxRequest, SandboxResult } from './types.ts';
import { checkReachable } from './workspace-access.ts';
import { createWorkspaceLeases } from './workspace-lease.ts';

export interface SandboxPoolOptions {
  /** Files whose contents DLP refuses in any request (planted canaries). */
  canaries?: Array<{ name: string; content: string }>;
  /** Every stored secret's name and value: runners get hashes of those they were not granted. */
  knownSecrets?: Array<{ name: string; value: string }>;
  upstreamCaFile?: string;
  defaultLimits?: Partial<Limits>;
  /**
   * How long a runner keeps an idle warm box (and with it the workspace lease) after a command,
   * in ms. Default 30 000; 0 closes each box after its command. Another trust domain asking for
   * the workspace ends the wait at once.
   */
  boxIdleMs?: number;
}

export interface SandboxPool {
  runSandboxed(request: SandboxRequest): Promise<SandboxResult>;
  /** Start the runner for this request's trust domain now, so the first command does not wait. */
  prewarm(request: Omit<SandboxRequest, 'workspace' | 'command'>): Promise<void>;
  close(): Promise<void>;
}

const MAX_PARALLEL_STARTS = 4;
const BOX_IDLE_MS = 30_000;

/** A workspace lease kept past a command because its runner holds a warm box there. */
interface Hold {
  runner: Runner;
  release: () => void;
  timer: NodeJS.Timeout;
}

function createLimiter(max: number) {
  let active = 0;
  const waiting: Array<() => void> = [];
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
      active++;
      try {
        return await task();
      } finally {
        active--;
        waiting.shift()?.();
      }
    },
  };
}

function domainKey(principal: string | undefined, policy: RunnerPolicy): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({
    principal: principal ?? '',
    allow: policy.allowHosts.map((a) => `${a.host}:${a.port}`).sort(),
    secrets: policy.secrets
      .map((s) => ({ ...s, value: createHash('sha256').update(s.value).digest('hex') }))
      .sort((a, b) => a.env.localeCompare(b.env)),
  }));
  return h.digest('hex');
}

export function createSandboxPool(options: SandboxPoolOptions = {}): SandboxPool {
  const defaults = resolveLimits(options.defaultLimits ?? {}, DEFAULT_LIMITS);
  const runners = new Map<string, Promise<Runner>>();
  const idleMs = options.boxIdleMs ?? BOX_IDLE_MS;
  const holds = new Map<string, Hold>();
  let closing = false;
  // The boxes go first, then the lease: the tree changes hands only once no box can write it.
  const drop = async (workspace: string): Promise<void> => {
    const hold = holds.get(workspace);
    if (!hold) return;
    holds.delete(workspace);
    clearTimeout(hold.timer);
    try {
      await hold.runner.releaseWorkspace(workspace);
    } finally {
      hold.release();
    }
  };
  const leases = createWorkspaceLeases({ onContention: (workspace) => void drop(workspace) });
  /** After a command: keep the lease while the runner has a warm box here, or give both up. */
  const settle = async (workspace: string, runner: Runner, warm: boolean, release: () => void): Promise<void> => {
    const hold = holds.get(workspace);
    if (warm && idleMs > 0 && !closing && !leases.contended(workspace)) {
      const timer = setTimeout(() => void drop(workspace), idleMs).unref();
      if (hold) {
        clearTimeout(hold.timer);
        hold.timer = timer;
        release();
      } else holds.set(workspace, { runner, release, timer });
      return;
    }
    try {
      if (warm) await runner.releaseWorkspace(workspace);
    } finally {
      release();
    }
    if (hold) await drop(workspace);
  };
  // Engine start-up is CPU-bound (CA, proxy, Node start): a burst of new domains starts a few at a time.
  const starting = createLimiter(MAX_PARALLEL_STARTS);

  const runnerFor = (request: Omit<SandboxRequest, 'workspace' | 'command'>) => {
    const policy = normalisePolicy({ allowHosts: request.allowHosts ?? [], secrets: request.secrets ?? [] });
    const key = domainKey(request.principal, policy);
    let runner = runners.get(key);
    if (!runner) {
      const runnerOptions: RunnerOptions = {
        policy,
        canaries: options.canaries,
        fingerprints: (options.knownSecrets ?? [])
          .filter((k) => !policy.secrets.some((s) => s.name === k.name))
          .flatMap((k) => fingerprintSecret(k.name, k.value)),
        upstreamCaFile: options.upstreamCaFile,
        actor: { principal: request.principal, skill: request.skill, conversation: request.conversation },
      };
      runner = starting.run(() => startRunner(runnerOptions));
      runners.set(key, runner);
      runner.catch(() => runners.delete(key));
    }
    return runner;
  };

  return {
    async prewarm(request) {
      await runnerFor(request);
    },
    async runSandboxed(request) {
      const started = Date.now();
      const runId = randomBytes(8).toString('hex');
      const stream = createEventStream(request.onEvent);
      const secrets = request.secrets ?? [];
      const command = redactWords([request.command, ...(request.args ?? [])], secrets);
      const actor = { principal: request.principal, skill: request.skill, conversation: request.conversation };
      const finish = (result: Omit<SandboxResult, 'events'>, outcome: 'exited' | 'limit' | 'refused', reason: string): SandboxResult => {
        stream.sink({
          type: 'sandbox.run',
          time: new Date().toISOString(),
          ...actor,
          runId,
          command,
          outcome,
          exitCode: result.exitCode,
          signal: result.signal,
          limitHit: result.limitHit,
          reason,
          stdoutBytes: result.stdout.length,
          stderrBytes: result.stderr.length,
          durationMs: Date.now() - started,
        });
        stream.close();
        return { ...result, events: stream.events };
      };
      if (!isAbsolute(request.workspace)) throw new WardenError('usage', `workspace "${request.workspace}" must be an absolute path`);
      const workspace = resolve(request.workspace);
      let st;
      try {
        st = statSync(workspace);
      } catch {
        throw new WardenError('input-not-found', `workspace ${workspace} does not exist; create it first`, { workspace });
      }
      if (!st.isDirectory()) throw new WardenError('usage', `workspace ${workspace} is not a directory`, { workspace });
      if (request.command === '') throw new WardenError('usage', 'no command given');
      const limits = resolveLimits(request.limits ?? {}, defaults);
      let runner: Runner;
      try {
        runner = await runnerFor(request);
      } catch (error) {
        // Fail closed, but as data: a runner that could not start (engine missing, readiness
        // timeout on a loaded host) is a refused run with its event, never a command on the host.
        if (!isWardenError(error) || error.code !== 'sandbox-unavailable') throw error;
        const empty = Buffer.alloc(0);
        return finish({ exitCode: null, signal: null, stdout: empty, stderr: empty, truncated: false, limitHit: null }, 'refused', error.message);
      }
      if (runner.uid !== undefined) checkReachable(workspace);
      const release = await leases.acquire(workspace, runner.id, runner.uid, WORKSPACE_DENY_WRITE);
      let reply;
      try {
        reply = await runner.run(
          { runId, workspace, command: request.command, args: request.args ?? [], env: request.env ?? {}, limits },
          (event: ContainmentEvent) => stream.sink({ ...actor, ...event, runId }),
        );
      } catch (error) {
        release();
        throw error;
      }
      await settle(workspace, runner, reply.warm === true, release);
      const result = { exitCode: reply.exitCode, signal: reply.signal, stdout: Buffer.from(reply.stdout), stderr: Buffer.from(reply.stderr), truncated: reply.truncated, limitHit: reply.limitHit };
      if (reply.refused) return finish(result, 'refused', reply.refused);
      if (reply.limitHit) return finish(result, 'limit', `limit ${reply.limitHit} reached; the command and everything it started were killed`);
      return finish(result, 'exited', reply.boxEnded ?? (reply.signal ? `ended by ${reply.signal}` : `exited with code ${reply.exitCode}`));
    },
    async close() {
      closing = true;
      await Promise.all([...holds.keys()].map(drop));
      const all = [...runners.values()];
      runners.clear();
      await Promise.all(all.map(async (r) => (await r.catch(() => undefined))?.close()));
    },
  };
}

/** One command in a fresh pool that is closed afterwards: simple, but pays the engine start. */
export async function runSandboxed(request: SandboxRequest, options: SandboxPoolOptions = {}): Promise<SandboxResult> {
  const pool = createSandboxPool(options);
  try {
    return await pool.runSandboxed(request);
  } finally {
    await pool.close();
  }
}
