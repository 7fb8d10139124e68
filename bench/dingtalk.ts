// npm run bench:dingtalk — Warden's own latency per DingTalk message with 200 conversations open at
// once (1:1 chats) through the DingTalk emulator into `warden serve` (a real child process, SQLite)
// and back, with a model that answers at once. Per message: the emulator's receipt (post time) to
// the first reply byte carrying the answer at the emulator (the outbox event's own time), minus the
// time spent inside the model server's answer. The loopback HTTP round trip to the model counts as
// Warden's (Warden's client makes it).
// Two phases after a warm-up:
//  - latency: every conversation writes `--rounds` messages, each after a think time of 2–8 s
//    (about 40 messages/s in all, a busy office), so the figure is per-message work plus the
//    queueing that load brings, not a backlog;
//  - throughput: every conversation writes its next message the moment the previous one is
//    answered (saturation): messages/s.
// Prints p50/p95, messages/s, the serve process's peak RSS (VmHWM) and how many were lost.
// Target: ≤ 20 ms p50.
//
//   --markdown        answers as markdown through the session webhook (default: AI cards)
//   --rounds N        messages per conversation in each phase (default 3)
//   --cpu-prof DIR    write a V8 CPU profile of the serve process into DIR (stopped with SIGTERM)

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startDingtalkEmulator } from '../src/emulator/dingtalk/index.ts';
import { deliveryOrg, echoTokenScript, installForEmulator, token } from '../test/e2e/dingtalk-delivery-support.ts';
import { until, warden } from '../test/e2e/support.ts';

const CONVERSATIONS = 200;
const { values: flags } = parseArgs({ options: { markdown: { type: 'boolean', default: false }, rounds: { type: 'string', default: '3' }, 'cpu-prof': { type: 'string' } } });
const rounds = Number(flags.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds: expected a whole number ≥ 1, got ${flags.rounds}`);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

const { org, conversations } = deliveryOrg(CONVERSATIONS, 0);
const emulator = await startDingtalkEmulator({ org });
const inst = await installForEmulator(emulator, { cards: !flags.markdown });
let modelMs = 0;
let modelCalls = 0;
inst.setScript((request) => {
  const t = performance.now();
  try {
    return echoTokenScript(request);
  } finally {
    modelMs += performance.now() - t;
    modelCalls++;
  }
});
if (flags['cpu-prof']) inst.env.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${flags['cpu-prof']}`;
const serve = warden(inst, ['serve']);

/**
 * One poller reads the emulator's outbox events as they come and settles the waiting exchanges: the
 * first event whose content carries a message's token is its first reply byte (the event's own
 * time, so the polling interval does not add to the figure).
 */
const waiting = new Map<string, (at: number) => void>();
let seen = 0;
const poller = setInterval(() => {
  if (waiting.size === 0) return;
  for (const event of emulator.control.events(seen)) {
    seen = event.seq;
    const text = event.kind === 'card' ? Object.values(event.card.streaming).join('\n') : event.message.text;
    for (const tok of text.match(/\bm\d+x\d+\b/g) ?? []) {
      const settle = waiting.get(tok);
      waiting.delete(tok);
      settle?.(event.at);
    }
  }
}, 2);

/** One message from conversation c: posts it and waits for its answer; the latency in ms, or undefined when lost. */
async function exchange(c: number, index: number): Promise<{ latency: number } | undefined> {
  const tok = token(c, index);
  const answered = new Promise<number | undefined>((resolve) => {
    waiting.set(tok, resolve);
    setTimeout(() => {
      if (waiting.delete(tok)) resolve(undefined);
    }, 30_000);
  });
  const posted = emulator.control.postMessage({ as: conversations[c]!.as, content: `please echo ${tok}` });
  if (!posted.accepted) throw new Error(`the emulator refused message ${tok}`);
  const sentAt = Date.now();
  const at = await answered;
  return at === undefined ? undefined : { latency: at - sentAt };
}

try {
  await until('warden serve to connect', () => (/serving DingTalk app/.test(serve.stderr()) ? true : serve.child.exitCode !== null ? Promise.reject(new Error(`serve exited:\n${serve.stderr()}`)) : undefined), 60_000);
  // Warm-up: one message per conversation (token, contact cache, JIT), not measured.
  const warm = await Promise.all(conversations.map((_, c) => exchange(c, 0)));
  if (warm.some((w) => w === undefined)) throw new Error(`warm-up: ${warm.filter((w) => w === undefined).length} messages unanswered\n${serve.stderr().slice(-2000)}`);
  const between = (min: number, max: number) => min + Math.random() * (max - min);
  let lost = 0;
  async function phase(thinkMs: [number, number] | undefined, first: number) {
    modelMs = 0;
    modelCalls = 0;
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      conversations.map(async (_, c) => {
        for (let i = first; i < first + rounds; i++) {
          if (thinkMs) await new Promise((r) => setTimeout(r, between(...thinkMs)));
          const result = await exchange(c, i);
          if (result) latencies.push(result.latency);
          else lost++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const modelPerMessage = modelCalls ? modelMs / modelCalls : 0;
    return { overhead: latencies.map((l) => l - modelPerMessage).sort((a, b) => a - b), seconds, count: latencies.length, modelPerMessage };
  }
  const paced = await phase([2000, 8000], 1);
  const flat = await phase(undefined, 1 + rounds);
  const rss = peakRssMiB(serve.child.pid!);
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(`bench:dingtalk — ${CONVERSATIONS} conversations through the emulator into warden serve (child process, SQLite), answers as ${flags.markdown ? 'markdown via the session webhook' : 'AI cards'}`);
  console.log(`  latency (${rounds} messages per conversation, 2–8 s apart; ${(paced.count / paced.seconds).toFixed(1)} messages/s offered):`);
  console.log(`    Warden's own latency per message (receipt → first reply byte, model time excluded): p50 ${ms(percentile(paced.overhead, 50))}, p95 ${ms(percentile(paced.overhead, 95))}  (target p50 ≤ 20 ms)`);
  console.log(`    model time per message at the model server: ${paced.modelPerMessage.toFixed(3)} ms`);
  console.log(`  throughput (next message as soon as answered): ${(flat.count / flat.seconds).toFixed(1)} messages/s (${flat.count} in ${flat.seconds.toFixed(1)} s); latency under saturation p50 ${ms(percentile(flat.overhead, 50))}, p95 ${ms(percentile(flat.overhead, 95))}`);
  console.log(`  peak RSS of the serve process: ${rss.toFixed(0)} MiB`);
  console.log(`  lost: ${lost}`);
  const trouble = serve.stderr().split('\n').filter((l) => /fail|error|retry|busy/i.test(l));
  if (trouble.length) console.log(`  serve logged ${trouble.length} problem lines, e.g.:\n    ${trouble.slice(0, 5).join('\n    ')}`);
  process.exitCode = lost === 0 ? 0 : 1;
} finally {
  clearInterval(poller);
  serve.child.kill('SIGTERM');
  await serve.done;
  await emulator.close();
  await inst.close();
}
