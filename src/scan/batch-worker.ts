// A scan worker thread: prepares the parsers once, then scans each skill the pool sends and posts
// the report back, in the order the skills came. A skill comes as a folder path, which the worker loads itself with synchronous
// reads (cheaper than the main thread's promise-per-file reads, and the skill's text is never
// copied between threads), or already loaded (a skill from a bundle). Rule and load options come
// once, as `workerData`. Messages: in `{ id, folder }` or `{ id, skill }`; out `{ id, report }`,
// `{ id, loadError }` (the folder is not a loadable skill) or `{ id, error }` (the scan failed).

import module from 'node:module';
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { LoadedSkill, LoadError, LoadOptions } from '../skills/index.ts';
import type { scanSkill as ScanSkill, ScanSkillOptions } from './engine.ts';

export interface WorkerSetup {
  ruleOptions?: ScanSkillOptions['ruleOptions'];
  load?: LoadOptions;
  /** The parent's compile cache (`module.getCompileCacheDir()`), when it has one. */
  compileCacheDir?: string;
}

export type WorkerTask = { id: number; folder: string } | { id: number; skill: LoadedSkill };

export type WorkerReply =
  | { id: number; report: Awaited<ReturnType<typeof ScanSkill>> }
  | { id: number; loadError: LoadError }
  | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error('batch-worker.ts must run as a worker thread (started by worker-pool.ts)');
const setup = (workerData ?? {}) as WorkerSetup;

// A worker does not inherit its parent's compile cache, and the scanner's modules cost it about
// 0.4 s of CPU to type-strip and compile (measured: importing the scanner 0.65 s cold, 0.24 s from
// the cache). So it joins the parent's cache (the CLI enables one) before importing them, which is
// why they are imported here and not at the top. getCompileCacheDir() names the cache's
// per-version folder inside the directory enableCompileCache() takes.
if (setup.compileCacheDir) module.enableCompileCache?.(dirname(setup.compileCacheDir));
const { loadSkillFolderSync } = await import('../skills/index.ts');
const { prepareAnalyzers, scanSkill } = await import('./engine.ts');

const ready = prepareAnalyzers(['markdown', 'text', 'shell', 'powershell', 'python', 'javascript', 'manifest']);

async function run(task: WorkerTask): Promise<WorkerReply> {
  await ready;
  let skill: LoadedSkill;
  if ('folder' in task) {
    const loaded = loadSkillFolderSync(task.folder, setup.load);
    if (!loaded.ok) return { id: task.id, loadError: loaded.error };
    skill = loaded.skill;
  } else skill = task.skill;
  return { id: task.id, report: await scanSkill(skill, { ruleOptions: setup.ruleOptions }) };
}

// The pool may post the next skill before this one is done: skills are scanned one after the other
// and answered in the order they came, which is what the pool's time limit and crash handling count on.
let previous: Promise<void> = Promise.resolve();
port.on('message', (task: WorkerTask) => {
  previous = previous.then(() => run(task)).then(
    (reply) => port.postMessage(reply),
    (error: unknown) => port.postMessage({ id: task.id, error: (error as Error)?.message ?? String(error) } satisfies WorkerReply),
  );
});
