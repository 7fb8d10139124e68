// Scanning many skills: discovery streams the skills found in the inputs, a dispatcher loads and
// scans them (on this thread, or on a pool of worker threads when there is more than one skill and
// more than one job), the baseline is applied, and results come out in input order. A skill folder
// goes to a worker as its path and is read there; only skills from bundles are loaded here. Memory
// stays bounded: at most a window of skills is between discovery and the consumer, and a skill sent
// to a worker is dropped here.

import { availableParallelism } from 'node:os';
import { findSkills, loadSkillFolderSync } from '../skills/index.ts';
import type { LoadOptions } from '../skills/index.ts';
import { applyBaseline } from './baseline.ts';
import type { Baseline } from './baseline.ts';
import { scanSkill } from './engine.ts';
import type { ScanSkillOptions } from './engine.ts';
import type { Rule, ScanError, ScanReport, SkillReport } from './types.ts';
import { createWorkerPool } from './worker-pool.ts';
import type { PoolWork, WorkerPool } from './worker-pool.ts';

export interface ScanOptions {
  /** Skills scanned in parallel. Default: the number of CPU cores. 1 scans on the calling thread. */
  jobs?: number;
  /** Accepted findings: marked `baselined` and left out of the verdict. */
  baseline?: Baseline;
  /** Loader caps (analysed bytes per file, archive limits, …). */
  load?: LoadOptions;
  /** Per-rule options by rule id. */
  ruleOptions?: ScanSkillOptions['ruleOptions'];
  /** Rules to run instead of the built-in ones; functions cannot cross to workers, so this scans on the calling thread. */
  rules?: readonly Rule[];
  /** Scan even a single skill on a worker thread, so `skillTimeoutMs` holds (used by `openclaw-policy`). */
  isolate?: boolean;
  /** A skill still loading or scanning on a worker after this long becomes an error entry (its worker is replaced). Default 60 s. */
  skillTimeoutMs?: number;
  /** Stops the scan: workers are terminated and the iteration throws the abort reason. */
  signal?: AbortSignal;
}

export function isSkillReport(item: SkillReport | ScanError): item is SkillReport {
  return 'verdict' in item;
}

interface Dispatcher {
  /** The skill's report, or the folder's load error; rejects when the scan fails. */
  submit(work: PoolWork): Promise<SkillReport | ScanError>;
  /** More than one skill is coming: move a held skill to the pool. */
  commit(): void;
  /** The loader is done: a single held skill is scanned on this thread (no worker start-up cost). */
  finish(): void;
  close(): Promise<void>;
}

function createDispatcher(options: ScanOptions, jobs: number): Dispatcher {
  const scanHere = (work: PoolWork): Promise<SkillReport | ScanError> => {
    const loaded = 'folder' in work ? loadSkillFolderSync(work.folder, options.load) : { ok: true as const, skill: work.skill };
    return loaded.ok ? scanSkill(loaded.skill, { rules: options.rules, ruleOptions: options.ruleOptions }) : Promise.resolve(loaded.error);
  };
  // Loading throws for nothing but a bug; it must still become this skill's error, not the batch's.
  const local = (work: PoolWork) => Promise.resolve(work).then(scanHere);
  if (options.rules || (jobs <= 1 && !options.isolate)) {
    return { submit: local, commit() {}, finish() {}, close: async () => {} };
  }
  let pool: WorkerPool | undefined;
  let held: { work: PoolWork; resolve(r: SkillReport | ScanError): void; reject(e: Error): void } | undefined;
  const startPool = () =>
    (pool ??= createWorkerPool({
      size: jobs,
      ruleOptions: options.ruleOptions,
      load: options.load,
      skillTimeoutMs: options.skillTimeoutMs ?? 60_000,
      maxHeapMb: 512,
    }));
  const release = (toPool: boolean) => {
    if (!held) return;
    const { work, resolve, reject } = held;
    held = undefined;
    (toPool ? startPool().scan(work) : local(work)).then(resolve, reject);
  };
  return {
    submit(work) {
      if (pool || options.isolate) return startPool().scan(work);
      if (held) {
        release(true);
        return startPool().scan(work);
      }
      return new Promise((resolve, reject) => {
        held = { work, resolve, reject };
      });
    },
    commit: () => release(true),
    finish: () => release(false),
    close: async () => {
      held?.reject(new Error('scan cancelled'));
      held = undefined;
      await pool?.close();
    },
  };
}

function checkJobs(jobs: number): number {
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new Error(`scan: options.jobs must be an integer from 1 to 256, got ${jobs}`);
  return jobs;
}

/**
 * Streams one result per skill found (a report) or per input that could not be loaded or scanned
 * (an error), in input order. Never throws for bad input; throws only on abort.
 */
export async function* scanSkills(paths: readonly string[], options: ScanOptions = {}): AsyncGenerator<SkillReport | ScanError> {
  const jobs = checkJobs(options.jobs ?? availableParallelism());
  const dispatcher = createDispatcher(options, jobs);
  const { baseline, signal } = options;
  // Results leave in input order, so one slow skill at the head holds the window: it must be wide
  // enough that the other workers keep busy meanwhile (4 per job left them idle 17 % of a bench run;
  // replaying the bench's skill sizes, 16 per job still cost 2.6 % of the run, 64 per job nothing).
  // Skills sent to a worker are dropped here, so the window costs reports and queued skills only.
  const window = Math.max(2, jobs * 64);
  const pending: Promise<SkillReport | ScanError>[] = [];
  const onAbort = () => void dispatcher.close();
  signal?.throwIfAborted();
  signal?.addEventListener('abort', onAbort, { once: true });
  const scanOne = (work: PoolWork): Promise<SkillReport | ScanError> => {
    const path = 'folder' in work ? work.folder : work.skill.path;
    return dispatcher.submit(work).then(
      (result) => (baseline && isSkillReport(result) ? applyBaseline(result, baseline) : result),
      (error: Error) => ({ path, message: error.message }),
    );
  };
  try {
    for await (const found of findSkills([...paths], options.load)) {
      signal?.throwIfAborted();
      if ('folder' in found) pending.push(scanOne(found));
      else pending.push(found.ok ? scanOne({ skill: found.skill }) : Promise.resolve({ path: found.error.path, message: found.error.message }));
      if (pending.length >= window) {
        dispatcher.commit();
        yield await pending.shift()!;
      }
    }
    dispatcher.finish();
    while (pending.length > 0) {
      yield await pending.shift()!;
      signal?.throwIfAborted();
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await dispatcher.close();
  }
}

/** Scans every skill under `paths` and returns the whole report (skills and errors in input order). */
export async function scan(paths: readonly string[], options: ScanOptions = {}): Promise<ScanReport> {
  const report: ScanReport = { version: 1, skills: [], errors: [] };
  for await (const item of scanSkills(paths, options)) {
    if (isSkillReport(item)) report.skills.push(item);
    else report.errors.push(item);
  }
  return report;
}
