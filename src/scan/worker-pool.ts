// A fixed pool of scan worker threads. The main thread finds skills and hands each to an idle
// worker: a skill folder as its path (the worker loads and scans it), a skill from a bundle as
// loaded. Each worker prepares its parsers once. A worker that crashes, runs out of its heap or
// exceeds the per-skill time limit (loading included) is replaced, and that one skill fails with a
// clear message: the batch goes on.

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
  /** Cleared once posted to a worker. */
  work?: PoolWork;
  resolve(result: SkillReport | ScanError): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  task?: Task;
  timer?: NodeJS.Timeout;
}

const workerUrl = new URL('./batch-worker.ts', import.meta.url);
/**
 * Young generation of a worker's heap. V8 sizes it from the old-generation cap, which leaves a
 * 512 MB worker a few MB of nursery: a scan allocates many short-lived objects (syntax nodes,
 * values, facts), so it scavenged often and promoted garbage. 64 MB measured about 5 % less CPU on
 * the 2,000-skill bench with the same peak RSS.
 */
const youngGenerationMb = 64;

export function createWorkerPool(options: WorkerPoolOptions): WorkerPool {
  if (!Number.isInteger(options.size) || options.size < 1) throw new Error(`createWorkerPool: size must be a positive integer, got ${options.size}`);
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let nextId = 0;
  let closed = false;

  const finish = (slot: Slot): Task | undefined => {
    const task = slot.task;
    clearTimeout(slot.timer);
    slot.task = undefined;
    slot.timer = undefined;
    return task;
  };

  const replace = (slot: Slot, why: string) => {
    const task = finish(slot);
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    task?.reject(new Error(why));
    if (closed) return;
    slots[slots.indexOf(slot)] = spawn();
    pump();
  };

  const spawn = (): Slot => {
    const worker = new Worker(workerUrl, {
      workerData: { ruleOptions: options.ruleOptions, load: options.load, compileCacheDir: module.getCompileCacheDir?.() } satisfies WorkerSetup,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb, maxYoungGenerationSizeMb: youngGenerationMb },
    });
    const slot: Slot = { worker };
    worker.on('message', (reply: WorkerReply) => {
      const task = finish(slot);
      if (!task || task.id !== reply.id) return;
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
      if (slot.task || queue.length === 0) continue;
      const task = queue.shift()!;
      slot.task = task;
      slot.timer = setTimeout(() => replace(slot, `scan did not finish within ${options.skillTimeoutMs} ms`), options.skillTimeoutMs);
      slot.worker.postMessage({ id: task.id, ...task.work! } satisfies WorkerTask);
      // The worker has its own copy now; drop ours so a batch holds only queued skills in memory.
      task.work = undefined;
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
        finish(slot)?.reject(new Error('scan cancelled'));
        slot.worker.removeAllListeners();
        await slot.worker.terminate();
      }));
    },
  };
}
