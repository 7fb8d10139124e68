// A runner: one process per trust domain (principal × policy set), started by the gateway with
// `fork` as an unprivileged uid, with a private TMPDIR and nothing of the gateway's environment.
// It owns one engine (SandboxManager is a per-process singleton), this domain's secrets (in its
// own process.env, where the engine reads them, set after start so /proc/PID/environ never holds
// them) and Warden's egress filter. It refuses to run anything unless the engine initialised.

import { SandboxManager, SandboxRuntimeConfigSchema } from '@anthropic-ai/sandbox-runtime';
import { createDlp, createEgressFilter, type PlaceholderRule } from '../egress/index.ts';
import { createBoxShelf } from './box-shelf.ts';
import type { ContainmentEvent } from './events.ts';
import { buildEngineConfig, workspaceFilesystem } from './policy.ts';
import type { FromRunner, InitMessage, RunMessage, ToRunner } from './runner-protocol.ts';
import { assertWrapped, withNoDelay, WrapCache } from './wrap-cache.ts';

const send = (message: FromRunner) => process.send?.(message);
const active = new Set<string>();
let init: InitMessage | undefined;
let ready = false;
let baseFilesystem: ReturnType<typeof buildEngineConfig>['filesystem'] | undefined;
const boxes = createBoxShelf();
const placeholders = new Map<string, PlaceholderRule>();
const wraps = new WrapCache();

function emit(event: ContainmentEvent): void {
  send({ type: 'event', runIds: [...active], event: { ...init?.actor, ...event } });
}

async function initialise(message: InitMessage): Promise<void> {
  init = message;
  const { policy } = message;
  for (const s of policy.secrets) process.env[s.env] = s.value;
  const dlp = createDlp({ secrets: policy.secrets.map((s) => ({ name: s.name, value: s.value })), canaries: message.canaries, fingerprints: message.fingerprints });
  const filter = createEgressFilter({
    allowHosts: policy.allowHosts,
    dlp,
    placeholders: () => placeholders,
    onDecision: (record) => emit({ type: 'egress.decision', time: new Date().toISOString(), ...record }),
  });
  const config = buildEngineConfig(policy, message.paths, filter as (r: Request, i?: unknown) => Promise<unknown>);
  baseFilesystem = config.filesystem;
  const parsed = SandboxRuntimeConfigSchema.safeParse(config);
  if (!parsed.success) throw new Error(`engine configuration rejected: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const deps = SandboxManager.checkDependencies();
  if (deps.errors.length > 0) throw new Error(`missing: ${deps.errors.join('; ')}`);
  await SandboxManager.initialize(config as Parameters<typeof SandboxManager.initialize>[0], undefined, true);
  if (!SandboxManager.isSandboxingEnabled() || !(await SandboxManager.waitForNetworkInitialization())) {
    throw new Error('the egress proxy did not start');
  }
  // Register the placeholders now (the engine's registry is idempotent by name) so the filter
  // knows which secret each belongs to before the first request.
  const registry = SandboxManager.getSentinelRegistry();
  for (const s of policy.secrets) {
    const sentinel = registry.register(s.env, s.value, s.hosts.map((h) => h.host));
    placeholders.set(sentinel, { name: s.name, env: s.env, hosts: s.hosts, methods: s.methods, paths: s.paths, headers: s.headers });
  }
  const store = SandboxManager.getSandboxViolationStore();
  let seen = store.getTotalCount();
  store.subscribe((violations) => {
    const total = store.getTotalCount();
    const fresh = violations.slice(Math.max(0, violations.length - (total - seen)));
    seen = total;
    for (const v of fresh) emit(violationEvent(v.line, v.timestamp));
  });
  ready = true;
}

/**
 * The engine decides some egress alone (a host not on the list, an opaque tunnel): those become
 * egress decisions too, so every refused connection has one event with its rule.
 */
function violationEvent(line: string, when: Date): ContainmentEvent {
  const time = when.toISOString();
  const net = /^deny network-outbound (.+):(\d+)(?: \((.*)\))?$/.exec(line);
  if (net) {
    return { type: 'egress.decision', time, method: 'CONNECT', host: net[1]!, port: Number(net[2]), path: '', scheme: 'tunnel', outcome: 'deny', rule: 'host-not-allowed', reason: net[3] ?? 'host is not on the allow list' };
  }
  return { type: 'sandbox.violation', time, detail: line };
}

async function run(message: RunMessage): Promise<void> {
  const refuse = (why: string): void =>
    void send({ type: 'result', runId: message.runId, refused: why, exitCode: null, signal: null, stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), stdoutBytes: 0, stderrBytes: 0, truncated: false, limitHit: null });
  if (!ready || !init || !baseFilesystem) return refuse('the sandbox engine is not initialised');
  active.add(message.runId);
  try {
    const fs = workspaceFilesystem(baseFilesystem, message.workspace);
    const wrapped = await wraps.get(message.workspace, async () => {
      const inner = 'unset NO_PROXY no_proxy; eval "$WARDEN_CMD"';
      const id = wraps.newCommandId();
      const w = withNoDelay(await SandboxManager.wrapWithSandbox(inner, '/bin/bash', { filesystem: fs }, undefined, { commandId: id }));
      assertWrapped(w, inner, init!.policy.secrets.map((s) => s.value));
      return w;
    });
    const { started: _started, reusable: _reusable, ...out } = await boxes.run(
      { wrapped, workspace: message.workspace, privateDir: init.paths.tmpDir, cgroupParents: init.cgroups, limits: message.limits },
      { argv: [message.command, ...message.args], env: message.env, limits: message.limits, memoryByRlimit: !init.cgroups?.memory },
    );
    send({ type: 'result', runId: message.runId, ...out });
  } catch (error) {
    refuse((error as Error).message);
  } finally {
    active.delete(message.runId);
  }
}

process.on('message', (message: ToRunner) => {
  if (message.type === 'init') {
    initialise(message).then(
      () => send({ type: 'ready' }),
      (error: unknown) => send({ type: 'init-error', message: (error as Error).message }),
    );
  } else if (message.type === 'run') {
    void run(message);
  } else if (message.type === 'release') {
    void boxes.release(message.workspace).finally(() => send({ type: 'released', id: message.id }));
  }
});
// The gateway owns this process: when it goes, so do we (and bwrap's --die-with-parent takes the boxes).
process.on('disconnect', () => process.exit(0));
