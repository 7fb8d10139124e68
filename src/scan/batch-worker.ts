// A scan worker thread: prepares the parsers once, then scans each skill the pool sends and posts
// the report back. Messages: in `{ id, skill, ruleOptions }`, out `{ id, report }` or `{ id, error }`.

import { parentPort } from 'node:worker_threads';
import type { LoadedSkill } from '../skills/index.ts';
import { prepareAnalyzers, scanSkill } from './engine.ts';
import type { ScanSkillOptions } from './engine.ts';

export interface WorkerTask {
  id: number;
  skill: LoadedSkill;
  ruleOptions?: ScanSkillOptions['ruleOptions'];
}

export type WorkerReply =
  | { id: number; report: Awaited<ReturnType<typeof scanSkill>> }
  | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error('batch-worker.ts must run as a worker thread (started by worker-pool.ts)');

const ready = prepareAnalyzers(['markdown', 'text', 'shell', 'powershell', 'python', 'javascript', 'manifest']);

port.on('message', (task: WorkerTask) => {
  ready
    .then(() => scanSkill(task.skill, { ruleOptions: task.ruleOptions }))
    .then(
      (report) => port.postMessage({ id: task.id, report } satisfies WorkerReply),
      (error: unknown) => port.postMessage({ id: task.id, error: (error as Error)?.message ?? String(error) } satisfies WorkerReply),
    );
});
