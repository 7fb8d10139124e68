// npm run bench:runtime — the runtime's own overhead per turn: a message in, one model call that asks
// for one tool call, the tool, a second model call with the answer. The scripted model server
// answers at once; time spent inside model calls and inside the tool is measured and subtracted, so
// what is left is Warden's own work (store writes, policy, audit chain, prompt, scheduling).
// Runs sequential turns (p50/p95 overhead) and 50 conversations in parallel (turns/s), on SQLite
// and on a throwaway PostgreSQL cluster. Target: ≤ 20 ms p50 overhead per turn.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createModelClient, type ModelClient } from '../src/agent/model/index.ts';
import { createRuntime } from '../src/agent/runtime.ts';
import type { RuntimePrincipal } from '../src/agent/types.ts';
import { createAuditLog } from '../src/audit/index.ts';
import { runtimeConfigSchema } from '../src/config/index.ts';
import { parsePolicy } from '../src/policy/index.ts';
import { createSandboxPool } from '../src/sandbox/index.ts';
import { openStore, type OpenStoreOptions } from '../src/store/index.ts';
import { builtinTools } from '../src/tools/index.ts';
import type { Tool } from '../src/tools/types.ts';
import { startModelServer } from '../test/emulators/model/index.ts';
import { startPostgres } from '../test/helpers/postgres.ts';

const SEQUENTIAL = 200;
const PARALLEL_CONVERSATIONS = 50;
const TURNS_PER_CONVERSATION = 4;

const POLICY = parsePolicy(`
version: 1
defaultRole: member
roles:
  member: { tools: [list, read] }
`);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function run(label: string, storeOptions: OpenStoreOptions, root: string): Promise<void> {
  const store = await openStore(storeOptions);
  const server = await startModelServer({
    script: (request) => (request.messages.some((m) => m.role === 'tool') ? { text: 'The workspace is listed.' } : { toolCalls: [{ name: 'list', arguments: { path: '.' } }] }),
  });
  const timing = { model: 0, tool: 0 };
  const inner = createModelClient({ baseUrl: server.baseUrl, model: 'bench', apiKey: 'k', maxRetries: 0 });
  const model: ModelClient = {
    async complete(request) {
      const t = performance.now();
      try {
        return await inner.complete(request);
      } finally {
        timing.model += performance.now() - t;
      }
    },
  };
  const tools: Tool[] = builtinTools().map((tool) => ({
    ...tool,
    async run(args, context) {
      const t = performance.now();
      try {
        return await tool.run(args, context);
      } finally {
        timing.tool += performance.now() - t;
      }
    },
  }));
  const sandbox = createSandboxPool({});
  const runtime = createRuntime({
    store,
    audit: createAuditLog({ store }),
    policy: () => POLICY,
    model,
    tools,
    skills: async () => [],
    sandbox,
    config: runtimeConfigSchema.parse({}),
    workspaceRoot: join(root, `${label}-ws`),
  });
  const principal = (i: number): RuntimePrincipal => ({ id: `dingtalk:u${i}`, userId: `u${i}` });
  let key = 0;
  const turn = async (conversation: number) => {
    const { turnId } = await runtime.submit({ channel: 'bench', conversationId: `c${conversation}`, messageKey: `k${key++}`, principal: principal(conversation), text: 'list my files' });
    const outcome = await runtime.outcome(turnId);
    if (outcome.status !== 'done') throw new Error(`turn failed: ${outcome.text}`);
  };

  // Warm up (module caches, prepared statements, connections).
  for (let i = 0; i < 10; i++) await turn(0);
  const overheads: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    timing.model = 0;
    timing.tool = 0;
    const t = performance.now();
    await turn(1);
    overheads.push(performance.now() - t - timing.model - timing.tool);
  }
  overheads.sort((a, b) => a - b);

  const t = performance.now();
  await Promise.all(
    Array.from({ length: PARALLEL_CONVERSATIONS }, async (_, c) => {
      for (let i = 0; i < TURNS_PER_CONVERSATION; i++) await turn(100 + c);
    }),
  );
  const seconds = (performance.now() - t) / 1000;
  const total = PARALLEL_CONVERSATIONS * TURNS_PER_CONVERSATION;
  const verify = await createAuditLog({ store }).verify();

  console.log(
    `${label.padEnd(10)} overhead per turn p50 ${percentile(overheads, 50).toFixed(1)} ms, p95 ${percentile(overheads, 95).toFixed(1)} ms (${SEQUENTIAL} sequential turns, model and tool time excluded); ` +
      `${PARALLEL_CONVERSATIONS} conversations in parallel: ${total} turns in ${seconds.toFixed(2)} s = ${(total / seconds).toFixed(0)} turns/s; audit chain ${verify.ok ? 'verifies' : 'BROKEN'} (${verify.records} records)`,
  );
  await runtime.close();
  await sandbox.close();
  await server.close();
  await store.close();
}

const root = mkdtempSync(join(tmpdir(), 'warden-bench-runtime-'));
try {
  console.log('bench:runtime — one message, one tool call, instant model; target ≤ 20 ms p50 overhead per turn');
  await run('SQLite', { home: join(root, 'sqlite') }, root);
  const pg = await startPostgres();
  await run('PostgreSQL', { databaseUrl: await pg.emptyDatabase(), poolSize: 10 }, root);
} finally {
  rmSync(root, { recursive: true, force: true });
}
