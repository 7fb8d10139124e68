// The runtime a channel drives: messages in (stored before anything else happens, deduplicated by
// the channel's message id), turns run in order within a conversation and in parallel across
// conversations, events out, approvals decided from anywhere. Nothing that matters lives only in
// memory: a restarted runtime picks up every unfinished turn from the store (`recover`).

import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { AuditLog } from '../audit/index.ts';
import type { RuntimeConfig } from '../config/index.ts';
import type { Directory, Policy } from '../policy/index.ts';
import type { SandboxPool } from '../sandbox/index.ts';
import type { Store } from '../store/index.ts';
import type { Tool } from '../tools/types.ts';
import { createApprovals, type Approvals } from './approvals.ts';
import { runTurn, SHUTDOWN } from './loop.ts';
import type { ModelClient } from './model/index.ts';
import { createTurnStore, type TurnRow } from './turn-store.ts';
import type { AgentEvent, ApprovalView, IncomingMessage, RuntimeSkill, TurnOutcome } from './types.ts';
import { createUsageStore } from './usage.ts';

export interface RuntimeOptions {
  store: Store;
  audit: AuditLog;
  policy: () => Policy;
  directory?: () => Directory | undefined;
  model: ModelClient;
  tools: readonly Tool[];
  /** The approved, verified skills; asked at the start of every turn. */
  skills: () => Promise<RuntimeSkill[]>;
  sandbox: SandboxPool;
  config: RuntimeConfig;
  /** Absolute directory holding one workspace per session. */
  workspaceRoot: string;
  /** Names this process in turn claims (several instances on one PostgreSQL). */
  instanceId?: string;
  now?: () => Date;
  /** How often a waiting turn looks for a decision made by another process (ms, default 500). */
  approvalPollMs?: number;
  /** How often to look for unfinished turns no live process holds (ms); off when unset. `warden serve` sets it. */
  sweepMs?: number;
  /** Called with errors nobody else sees (a turn that crashed outside its own handling). */
  onError?: (error: unknown) => void;
}

export type EventListener = (event: AgentEvent) => void;

export interface Runtime {
  readonly approvals: Approvals;
  /** Stores the message and schedules its turn; a message seen before is not run again. */
  submit(message: IncomingMessage): Promise<{ turnId: number; duplicate: boolean }>;
  /** Events of one turn, or of every turn when `turnId` is omitted. Returns the unsubscribe function. */
  subscribe(listener: EventListener, turnId?: number): () => void;
  /** Resolves once the turn is done or failed; rejects with the shutdown error when the runtime closes first. */
  outcome(turnId: number): Promise<TurnOutcome>;
  /** Schedules every turn left unfinished by an earlier process (those of one conversation key, when given); returns their ids. */
  recover(conversationKey?: string): Promise<number[]>;
  cancel(turnId: number): boolean;
  /** Stops running turns without failing them (they resume on the next start) and waits for them. */
  close(): Promise<void>;
}

/** How long a turn's claim holds without a heartbeat (another instance may take it after). */
const CLAIM_MS = 60_000;

/** A claim's owner: host, pid and a per-process nonce, so a restarted process on the same host can tell its predecessor is gone. */
function ownerName(instanceId: string | undefined): string {
  return instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** True when the owner ran on this host in a process that no longer exists: its claim can be taken at once. */
function ownerIsDead(owner: string | null): boolean {
  if (!owner) return false;
  const [host, pid] = owner.split(':');
  if (host !== hostname() || !pid || !/^\d+$/.test(pid) || Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * The workspace of one person in one conversation: derived from the ids (not stored state), so a
 * channel can place a message's files there before the turn exists. Hashed: ids are not paths.
 */
export function sessionWorkspace(root: string, channel: string, conversationId: string, principalId: string): string {
  const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 24);
  return join(root, channel.replace(/[^a-z0-9-]/gi, '_'), hash(conversationId), hash(principalId));
}

export function createRuntime(options: RuntimeOptions): Runtime {
  const now = options.now ?? (() => new Date());
  const instanceId = ownerName(options.instanceId);
  const turns = createTurnStore(options.store, now);
  const usage = createUsageStore(options.store, now);
  const listeners = new Set<{ listener: EventListener; turnId?: number }>();
  const waiters = new Map<string, Set<(approval: ApprovalView) => void>>();
  const outcomes = new Map<number, { promise: Promise<TurnOutcome>; resolve: (o: TurnOutcome) => void }>();
  const chains = new Map<string, Promise<void>>();
  const running = new Map<number, AbortController>();
  const scheduled = new Set<number>();
  let closing = false;
  let markClosed!: () => void;
  const closed = new Promise<never>((_, reject) => (markClosed = () => reject(SHUTDOWN)));
  closed.catch(() => {}); // only awaited through outcome()

  const approvals = createApprovals({
    store: options.store,
    audit: options.audit,
    policy: options.policy,
    ...(options.directory ? { directory: options.directory } : {}),
    now,
    onDecided: (approval) => {
      for (const wake of waiters.get(approval.id) ?? []) wake(approval);
    },
  });

  function emit(event: AgentEvent) {
    for (const l of listeners) {
      if (l.turnId !== undefined && l.turnId !== event.turnId) continue;
      try {
        l.listener(event);
      } catch (error) {
        options.onError?.(error);
      }
    }
  }

  function outcomeEntry(turnId: number) {
    let entry = outcomes.get(turnId);
    if (!entry) {
      let resolve!: (o: TurnOutcome) => void;
      const promise = new Promise<TurnOutcome>((r) => (resolve = r));
      entry = { promise, resolve };
      outcomes.set(turnId, entry);
    }
    return entry;
  }

  async function waitForDecision(approval: ApprovalView, signal: AbortSignal): Promise<ApprovalView> {
    const deadline = Date.now() + options.config.approvalWaitSec * 1000;
    return new Promise<ApprovalView>((resolve, reject) => {
      let done = false;
      const set = waiters.get(approval.id) ?? new Set();
      waiters.set(approval.id, set);
      const finish = (value: ApprovalView | Error) => {
        if (done) return;
        done = true;
        clearInterval(timer);
        set.delete(wake);
        if (set.size === 0) waiters.delete(approval.id);
        signal.removeEventListener('abort', onAbort);
        if (value instanceof Error) reject(value);
        else resolve(value);
      };
      const wake = (decided: ApprovalView) => finish(decided);
      const onAbort = () => finish(signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));
      set.add(wake);
      signal.addEventListener('abort', onAbort);
      // Decisions made by another process (the CLI, another instance) are seen by polling.
      const timer = setInterval(() => {
        approvals
          .expireIfDue(approval.id)
          .then((current) => {
            if (current && current.status !== 'pending') finish(current);
            else if (Date.now() > deadline) finish({ ...approval, status: 'expired' });
          })
          .catch((error: unknown) => options.onError?.(error));
      }, options.approvalPollMs ?? 500);
    });
  }

  const deps = {
    turns,
    approvals,
    audit: options.audit,
    usage,
    policy: options.policy,
    ...(options.directory ? { directory: options.directory } : {}),
    model: options.model,
    tools: new Map(options.tools.map((t) => [t.name, t])),
    skills: options.skills,
    sandbox: options.sandbox,
    config: options.config,
    now,
    waitForDecision,
  };

  async function execute(turn: TurnRow): Promise<void> {
    const current = await turns.turn(turn.id);
    if (!current || current.status === 'done' || current.status === 'failed') {
      if (current) outcomeEntry(current.id).resolve({ turnId: current.id, status: current.status as 'done' | 'failed', text: current.answer ?? current.error ?? '' });
      return;
    }
    // An earlier turn of the conversation still unfinished (stored by another instance, or left by a
    // process that died) goes first: run it here when nobody live holds it, else wait for it.
    for (;;) {
      if (closing) return;
      const earlier = await turns.unfinishedBefore(current.conversation_key, current.id);
      if (!earlier) break;
      if (!liveElsewhere(earlier)) await execute(earlier);
      else await new Promise((r) => setTimeout(r, options.approvalPollMs ?? 500));
    }
    const stamp = () => ({ until: new Date(now().getTime() + CLAIM_MS).toISOString(), at: now().toISOString() });
    const first = stamp();
    const takeOver = ownerIsDead(current.owner) ? current.owner! : undefined;
    if (!(await turns.claim(current.id, instanceId, first.until, first.at, takeOver))) return; // another instance runs it; outcome() polls
    const heartbeat = setInterval(() => {
      const s = stamp();
      turns.claim(current.id, instanceId, s.until, s.at).catch((error: unknown) => options.onError?.(error));
    }, CLAIM_MS / 3);
    const controller = new AbortController();
    running.set(current.id, controller);
    try {
      const session = await turns.session(current.session_id);
      mkdirSync(session.workspace, { recursive: true, mode: 0o755 });
      const outcome = await runTurn({ ...deps, channel: session.channel }, current, session, emit, controller.signal);
      outcomeEntry(current.id).resolve(outcome);
    } catch (error) {
      if (controller.signal.reason === SHUTDOWN) return; // resumes on the next start
      options.onError?.(error);
      const text = `Sorry, something went wrong on Warden's side and this message could not be answered (${(error as Error).message}).`;
      await turns.setStatus(current.id, 'failed', { error: text, answer: text }).catch(() => {});
      emit({ type: 'error', turnId: current.id, message: text });
      outcomeEntry(current.id).resolve({ turnId: current.id, status: 'failed', text });
    } finally {
      clearInterval(heartbeat);
      running.delete(current.id);
    }
  }

  /** Whether another live process holds the turn's claim. */
  function liveElsewhere(turn: TurnRow): boolean {
    if (!turn.owner || turn.owner === instanceId) return false;
    if (!turn.owner_until || turn.owner_until < now().toISOString()) return false;
    return !ownerIsDead(turn.owner);
  }

  // With `sweepMs`, unfinished turns nobody live holds (their instance died, or stored by an instance
  // that died before claiming them) are picked up without waiting for a restart.
  const sweeper = options.sweepMs
    ? setInterval(() => {
        turns
          .unfinished()
          .then((rows) => {
            const stale = now().getTime() - (options.sweepMs ?? 0);
            for (const row of rows) {
              if (scheduled.has(row.id) || liveElsewhere(row)) continue;
              if (!row.owner && Date.parse(row.created_at) > stale) continue; // its instance is about to claim it
              schedule(row);
            }
          })
          .catch((error: unknown) => options.onError?.(error));
      }, options.sweepMs)
    : undefined;
  sweeper?.unref();

  function schedule(turn: TurnRow) {
    if (scheduled.has(turn.id) || closing) return;
    scheduled.add(turn.id);
    const key = turn.conversation_key;
    const previous = chains.get(key) ?? Promise.resolve();
    const next = previous.then(() => execute(turn)).catch((error: unknown) => options.onError?.(error));
    chains.set(key, next);
    void next.finally(() => {
      scheduled.delete(turn.id);
      if (chains.get(key) === next) chains.delete(key);
    });
  }

  return {
    approvals,

    async submit(message) {
      if (closing) throw new Error('the runtime is shutting down');
      const { turn, duplicate } = await turns.enqueue(message, () => sessionWorkspace(options.workspaceRoot, message.channel, message.conversationId, message.principal.id));
      if (!duplicate) schedule(turn);
      return { turnId: turn.id, duplicate };
    },

    subscribe(listener, turnId) {
      const entry = { listener, ...(turnId !== undefined ? { turnId } : {}) };
      listeners.add(entry);
      return () => listeners.delete(entry);
    },

    async outcome(turnId) {
      const entry = outcomeEntry(turnId);
      const check = async () => {
        const row = await turns.turn(turnId);
        if (!row) throw new Error(`no turn ${turnId}`);
        if (row.status === 'done' || row.status === 'failed') entry.resolve({ turnId, status: row.status, text: row.answer ?? row.error ?? '' });
      };
      await check();
      // A turn run by another process (or instance) finishes there: look at the store now and then,
      // until this runtime closes (the turn then resumes in the next process, not here).
      const timer = setInterval(() => void check().catch((error: unknown) => options.onError?.(error)), options.approvalPollMs ?? 500);
      try {
        return await Promise.race([entry.promise, closed]);
      } finally {
        clearInterval(timer);
      }
    },

    async recover(conversationKey) {
      const unfinished = (await turns.unfinished()).filter((t) => conversationKey === undefined || t.conversation_key === conversationKey);
      for (const turn of unfinished) schedule(turn);
      return unfinished.map((t) => t.id);
    },

    cancel(turnId) {
      const controller = running.get(turnId);
      if (!controller) return false;
      controller.abort(new Error('cancelled'));
      return true;
    },

    async close() {
      closing = true;
      markClosed();
      if (sweeper) clearInterval(sweeper);
      for (const controller of running.values()) controller.abort(SHUTDOWN);
      await Promise.allSettled([...chains.values()]);
    },
  };
}
