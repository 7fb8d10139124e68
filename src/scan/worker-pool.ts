// A fixed pool of scan worker threads. The main thread finds skills and hands each to a worker: a
// skill folder as its path (the worker loads and scans it), a skill from a bundle as loaded. Each
// worker prepares its parsers once and has up to two skills in hand (the second only a folder's
// path), so it starts the next one while this thread is still taking the last report (on 2 busy
// cores the hand-over otherwise waits for this thread to be scheduled). A worker that crashes, runs out of its heap or exceeds the
// per-skill time limit (loading included) is replaced: the skill it was on fails with a clear
// message, the one it had not started goes back to the queue, and the batch goes on.

import module from 'node:module';
import { Worker } from 'node:worker_threads';
import type { LoadedSkill, LoadOptions } from '../skills/index.ts';
import type { ScanSkillOptions } from './engine.ts';
import type { WorkerReply, WorkerSetup, WorkerTask } from './batch-worker.ts';
import type { ScanError, SkillReport } from './types.ts';

/** What a worker scans: a skill folder it loads itself, or a skill loaded here. */
export type PoolWork = { folder: string } | { skill: LoadedSkill };

export interface WorkerPoolOptions {
  size: number;
  ruleOptions?: ScanSkillOptions['ruleOptions'];
  /** Loader caps for the folders the workers load. */
  load?: LoadOptions;
  /** A skill still scanning after this long fails and its worker is replaced. */
  skillTimeoutMs: number;
  /** Heap cap of one worker, so a hostile skill cannot take the whole process's memory. */
  maxHeapMb: number;
}

export interface WorkerPool {
  /** The skill's report, or the folder's load error; rejects when the scan fails, crashes or times out. */
  scan(work: PoolWork): Promise<SkillReport | ScanError>;
  close(): Promise<void>;
}

interface Task {
  id: number;
  /** Kept until the report is in: a replaced worker's unstarted task is queued again. */
  work: PoolWork;
  resolve(result: SkillReport | ScanError): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  /** Posted to the worker, in order; the first is the one it is scanning. */
  tasks: Task[];
  /** The time limit of the first task. */
  timer?: NodeJS.Timeout;
}

/**
 * Skills a worker holds at once: the one it scans and the next. Only a folder is handed over ahead:
 * its path is a few bytes, while a loaded skill is copied into the worker's heap on arrival and, if
 * that kills the worker, would be blamed on the skill being scanned.
 */
const inHand = 2;

const workerUrl = new URL('./batch-worker.ts', import.meta.url);
/**
 * Young generation of a worker's heap. V8 sizes it from the old-generation cap, which leaves a
 * 512 MB worker a few MB of nursery: a scan allocates many short-lived objects (syntax nodes,
 * values, facts), so it scavenged often and promoted garbage. 64 MB measured about 5 % less CPU on
 * the 2,000-skill bench; 128 MB another 4-13 % less on the 10,000 (A/B alternated twice: 32.4/30.6
 * -> 31.2/26.7 s) with the same peak RSS (~740 MiB); 256 MB raised peak RSS to ~950 MiB.
 */
const youngGenerationMb = 128;

export function createWorkerPool(options: WorkerPoolOptions): WorkerPool {
  if (!Number.isInteger(options.size) || options.size < 1) throw new Error(`createWorkerPool: size must be a positive integer, got ${options.size}`);
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let nextId = 0;
  let closed = false;

  const startTimer = (slot: Slot) => {
    clearTimeout(slot.timer);
    slot.timer = slot.tasks.length > 0
      ? setTimeout(() => replace(slot, `scan did not finish within ${options.skillTimeoutMs} ms`), options.skillTimeoutMs)
      : undefined;
  };

  const replace = (slot: Slot, why: string) => {
    clearTimeout(slot.timer);
    const [current, ...unstarted] = slot.tasks;
    slot.tasks = [];
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    current?.reject(new Error(why));
    if (closed) {
      for (const task of unstarted) task.reject(new Error('scan cancelled'));
      return;
    }
    queue.unshift(...unstarted);
    slots[slots.indexOf(slot)] = spawn();
    pump();
  };

  const spawn = (): Slot => {
    const worker = new Worker(workerUrl, {
      workerData: { ruleOptions: options.ruleOptions, load: options.load, compileCacheDir: module.getCompileCacheDir?.() } satisfies WorkerSetup,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb, maxYoungGenerationSizeMb: youngGenerationMb },
    });
    const slot: Slot = { worker, tasks: [] };
    worker.on('message', (reply: WorkerReply) => {
      // The worker answers in the order it was given; anything else is not ours to take.
      if (slot.tasks[0]?.id !== reply.id) return;
      const task = slot.tasks.shift()!;
      startTimer(slot);
      if ('report' in reply) task.resolve(reply.report);
      else if ('loadError' in reply) task.resolve(reply.loadError);
      else task.reject(new Error(`scan failed: ${reply.error}`));
      pump();
    });
    worker.on('error', (error) => replace(slot, `scanner crashed on this skill: ${error.message}`));
    worker.on('exit', (code) => {
      if (!closed) replace(slot, `scanner stopped on this skill (worker exit code ${code})`);
    });
    return slot;
  };

  function pump(): void {
    for (const slot of slots) {
      while (queue.length > 0 && (slot.tasks.length === 0 || (slot.tasks.length < inHand && 'folder' in queue[0]!.work))) {
        const task = queue.shift()!;
        slot.tasks.push(task);
        if (slot.tasks.length === 1) startTimer(slot);
        slot.worker.postMessage({ id: task.id, ...task.work } satisfies WorkerTask);
      }
    }
  }

  for (let i = 0; i < options.size; i++) slots.push(spawn());

  return {
    scan(work) {
      if (closed) return Promise.reject(new Error('worker pool is closed'));
      return new Promise<SkillReport | ScanError>((resolve, reject) => {
        queue.push({ id: nextId++, work, resolve, reject });
        pump();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const task of queue.splice(0)) task.reject(new Error('scan cancelled'));
      await Promise.all(slots.map(async (slot) => {
        clearTimeout(slot.timer);
        for (const task of slot.tasks.splice(0)) task.reject(new Error('scan cancelled'));
        slot.worker.removeAllListeners();
        await slot.worker.terminate();
      }));
    },
  };
}
