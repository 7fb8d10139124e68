// The attack suite: every program in the catalogue runs through `warden sandbox exec` with canaries
// planted where real secrets live and a loopback attacker listening. Each must be blocked, leave no
// canary byte at the attacker, and produce an event naming why.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ATTACKS, type Attack } from './catalogue.ts';
import { createWorld, leaked, type ExecResult, type World } from './support/environment.ts';

const CONCURRENCY = 4;
let world: World;
const results = new Map<string, ExecResult & { workspace: string }>();

function argvOf(attack: Attack, w: World): string[] {
  const code = attack.code(w);
  if (attack.lang === 'bash') return ['bash', '-c', code];
  if (attack.lang === 'python') return ['python3', '-c', code];
  return ['node', '-e', code];
}

const refusedAtStart = (r: ExecResult) => r.code === 125 && r.events.some((e) => e.type === 'sandbox.run' && e.outcome === 'refused');

/**
 * A loaded CI host can make a runner miss its readiness deadline: that run is refused with an
 * event (fail closed) and nothing was tested, so it is tried again, twice at most. One still
 * refused then counts as blocked by its refusal; the summary says how many.
 */
async function execWithRetry(a: Attack): Promise<ExecResult & { workspace: string }> {
  let r = await world.exec(a.id, a.flags?.(world) ?? [], argvOf(a, world), a.files?.(world));
  for (let attempt = 1; attempt <= 2 && refusedAtStart(r); attempt++) {
    r = await world.exec(`${a.id}-retry${attempt}`, a.flags?.(world) ?? [], argvOf(a, world), a.files?.(world));
  }
  return r;
}

before(async () => {
  world = await createWorld();
  const queue = [...ATTACKS];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let a = queue.shift(); a; a = queue.shift()) {
        results.set(a.id, await execWithRetry(a));
      }
    }),
  );
});

after(async () => {
  await world?.close();
});

function why(attack: Attack, r: ExecResult): string | undefined {
  const run = r.events.find((e) => e.type === 'sandbox.run');
  if (!run) return undefined;
  if (refusedAtStart(r)) return `refused: ${String(run.reason)}`;
  if (attack.evidence === 'egress') {
    const denial = r.events.find(
      (e) => (e.type === 'egress.decision' && e.outcome === 'deny' && (!attack.rule || e.rule === attack.rule)) || (!attack.rule && e.type === 'sandbox.violation' && /deny|refus/.test(String(e.detail))),
    );
    return denial ? String(denial.reason ?? denial.detail) : undefined;
  }
  if (attack.evidence.startsWith('limit:')) return run.limitHit === attack.evidence.slice(6) ? String(run.reason) : undefined;
  // A command killed by a signal did not exit 0 either (kill -9 -1 takes its own warm box down).
  if (attack.evidence === 'exit') return (run.exitCode !== 0 && run.exitCode !== null) || run.signal !== null ? String(run.reason) : undefined;
  return attack.hostClean?.(world) ? String(run.reason) : undefined;
}

test(`the catalogue has at least 40 attacks in bash, Python and Node`, () => {
  assert.ok(ATTACKS.length >= 40);
  assert.deepEqual(new Set(ATTACKS.map((a) => a.lang)), new Set(['bash', 'python', 'node']));
  assert.equal(new Set(ATTACKS.map((a) => a.id)).size, ATTACKS.length);
});

for (const attack of ATTACKS) {
  test(`blocked: ${attack.id}`, () => {
    const r = results.get(attack.id)!;
    const context = `code ${r.code}\nstdout: ${r.stdout.slice(0, 400)}\nstderr: ${r.stderr.slice(0, 400)}\nevents: ${JSON.stringify(r.events).slice(0, 1500)}`;
    assert.ok(!r.stdout.includes('PWNED'), `the attack reports success\n${context}`);
    assert.ok(why(attack, r), `no event names why it was stopped (expected ${attack.evidence}${attack.rule ? ` ${attack.rule}` : ''})\n${context}`);
  });
}

test('no canary byte reached the attacker', () => {
  assert.equal(leaked(world.attacker.received(), world.markers), undefined, 'a canary or secret value reached the attacker');
  const blocked = ATTACKS.filter((a) => {
    const r = results.get(a.id)!;
    return !r.stdout.includes('PWNED') && why(a, r) !== undefined;
  }).length;
  const refused = ATTACKS.filter((a) => refusedAtStart(results.get(a.id)!)).length;
  console.log(`${ATTACKS.length} attacks, ${blocked} blocked${refused ? ` (${refused} by a sandbox that refused to start)` : ''}`);
});
