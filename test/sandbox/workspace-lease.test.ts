// Workspace leases: one runner (uid) holds a workspace at a time, runs of the holder share it, and
// the last run hands the tree back to its owner and removes the empty mount points bwrap left.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createWorkspaceLeases } from '../../src/sandbox/workspace-lease.ts';
import { withNoDelay } from '../../src/sandbox/wrap-cache.ts';


function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'warden-lease-'));
  writeFileSync(join(dir, 'a.txt'), 'a');
  mkdirSync(join(dir, 'sub'));
  return dir;
}

test('another runner waits until the holder’s last run ends; the holder’s runs share', async () => {
  const ws = workspace();
  const leases = createWorkspaceLeases();
  const order: string[] = [];
  const a1 = await leases.acquire(ws, 'A', undefined, []);
  const a2 = await leases.acquire(ws, 'A', undefined, []);
  const b = leases.acquire(ws, 'B', undefined, []).then((release) => (order.push('B'), release));
  await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(order, []);
  a1();
  a1(); // a second call is ignored, so A still holds
  await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(order, []);
  a2();
  (await b)();
  assert.deepEqual(order, ['B']);
  rmSync(ws, { recursive: true, force: true });
});

test('a run of the holder queues behind a waiting runner (no starvation)', async () => {
  const ws = workspace();
  const leases = createWorkspaceLeases();
  const order: string[] = [];
  const a1 = await leases.acquire(ws, 'A', undefined, []);
  const b = leases.acquire(ws, 'B', undefined, []).then((r) => (order.push('B'), r));
  const a2 = leases.acquire(ws, 'A', undefined, []).then((r) => (order.push('A'), r));
  await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(order, []);
  a1();
  (await b)();
  (await a2)();
  assert.deepEqual(order, ['B', 'A']);
  rmSync(ws, { recursive: true, force: true });
});

test('empty mount points of absent deny-write names are removed after the last run; content is kept', async () => {
  const ws = workspace();
  const leases = createWorkspaceLeases();
  const release = await leases.acquire(ws, 'A', undefined, ['.bashrc', '.npmrc', '.git/hooks']);
  writeFileSync(join(ws, '.bashrc'), ''); // what bwrap leaves for a --ro-bind /dev/null target
  writeFileSync(join(ws, '.npmrc'), 'registry=https://registry.example\n');
  mkdirSync(join(ws, '.git/hooks'), { recursive: true });
  release();
  assert.equal(existsSync(join(ws, '.bashrc')), false);
  assert.equal(existsSync(join(ws, '.npmrc')), true);
  assert.equal(existsSync(join(ws, '.git')), false);
  rmSync(ws, { recursive: true, force: true });
});

test('the tree goes to the runner’s uid and back to its owner after the last run', async () => {
  const ws = workspace();
  const leases = createWorkspaceLeases();
  const owner = statSync(ws).uid;
  const first = await leases.acquire(ws, 'A', 61999, []);
  const second = await leases.acquire(ws, 'A', 61999, []);
  assert.equal(statSync(join(ws, 'sub')).uid, 61999);
  writeFileSync(join(ws, 'new.txt'), 'x');
  first();
  assert.equal(statSync(join(ws, 'a.txt')).uid, 61999, 'still held by the second run');
  second();
  for (const name of ['', 'a.txt', 'sub', 'new.txt']) assert.equal(statSync(join(ws, name)).uid, owner, name);
  rmSync(ws, { recursive: true, force: true });
});

test('withNoDelay adds TCP_NODELAY to both relay listeners and nothing else', () => {
  const relay = (port: number) => `{ socat TCP6-LISTEN:${port},ipv6only=0,fork,reuseaddr,backlog=4096 UNIX-CONNECT:/x.sock || exec socat TCP4-LISTEN:${port},fork,reuseaddr,backlog=4096 UNIX-CONNECT:/x.sock; }`;
  const wrapped = `bwrap --unshare-net -- /bin/bash -c '${relay(3128)}\n${relay(1080)}'`;
  const out = withNoDelay(wrapped);
  assert.equal(out.match(/backlog=4096,nodelay UNIX-CONNECT/g)?.length, 4);
  assert.equal(out.replaceAll(',nodelay', ''), wrapped);
  assert.equal(withNoDelay('bwrap --unshare-net -- true'), 'bwrap --unshare-net -- true');
});

test('a run that starts waiting reports contention, so the holder can end its idle warm box', async () => {
  const ws = workspace();
  const contended: string[] = [];
  const leases = createWorkspaceLeases({ onContention: (w) => contended.push(w) });
  const hold = await leases.acquire(ws, 'A', undefined, []);
  assert.equal(leases.contended(ws), false);
  const again = await leases.acquire(ws, 'A', undefined, []);
  assert.deepEqual(contended, [], 'a run of the holder itself is no contention');
  const b = leases.acquire(ws, 'B', undefined, []);
  await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(contended, [ws]);
  assert.equal(leases.contended(ws), true);
  again();
  hold();
  (await b)();
  assert.equal(leases.contended(ws), false);
  rmSync(ws, { recursive: true, force: true });
});
