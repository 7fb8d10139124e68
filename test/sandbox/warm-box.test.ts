// Warm boxes: one long-lived box per runner × workspace runs command after command. Each command
// must still start clean: no process of the previous command, no file it left in /tmp, the same
// sandbox (seccomp, no capabilities, no host files) even after its launcher was killed.

import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createSandboxPool, type SandboxPool } from '../../src/sandbox/index.ts';
import type { SandboxResult } from '../../src/sandbox/types.ts';

let root: string;
let pool: SandboxPool;
let outside: string;

before(() => {
  root = mkdtempSync(join(tmpdir(), 'warden-warm-'));
  chmodSync(root, 0o711);
  outside = join(root, 'outside.txt');
  writeFileSync(outside, 'host-only');
  pool = createSandboxPool({ boxIdleMs: 60_000 });
});

after(async () => {
  await pool.close();
  rmSync(root, { recursive: true, force: true });
});

let count = 0;
function workspace(): string {
  const dir = join(root, `ws${++count}`);
  mkdirSync(dir);
  return dir;
}

const bash = (ws: string, script: string, extra: Partial<Parameters<SandboxPool['runSandboxed']>[0]> = {}): Promise<SandboxResult> =>
  pool.runSandboxed({ workspace: ws, command: 'bash', args: ['-c', script], ...extra });

const out = (r: SandboxResult) => r.stdout.toString().trim();

/** The box's launcher start time: the same value means the same box. */
const LAUNCHER_START = `cut -d' ' -f22 /proc/$PPID/stat`;

/** Host processes whose command line holds `marker`, of uid `uid` when given. */
function hostProcesses(marker: string, uid?: string): number[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        if (!readFileSync(`/proc/${p}/cmdline`, 'latin1').includes(marker)) return false;
        return uid === undefined || new RegExp(`^Uid:\\s+${uid}\\s`, 'm').test(readFileSync(`/proc/${p}/status`, 'utf8'));
      } catch {
        return false;
      }
    })
    .map(Number);
}

test('back-to-back commands share one box, and the second sees the workspace but not the first one’s /tmp', async () => {
  const ws = workspace();
  const first = await bash(ws, `echo one > note.txt; echo left > /tmp/left; mkdir -p /dev/shm/x; ${LAUNCHER_START}`);
  assert.equal(first.exitCode, 0, first.stderr.toString());
  const second = await bash(ws, `cat note.txt; ls -A /tmp /dev/shm | tr '\\n' ' '; echo; ${LAUNCHER_START}`);
  assert.equal(second.exitCode, 0, second.stderr.toString());
  const [note, listing, start] = out(second).split('\n');
  assert.equal(note, 'one');
  assert.doesNotMatch(listing!, /left|\bx\b/);
  assert.equal(start, out(first), 'the second command ran in a new box');
});

test('a background process a command leaves behind is gone before the next command', async () => {
  const ws = workspace();
  const marker = `warden-leftover-${process.pid}-${Date.now()}`;
  const first = await bash(ws, `(exec -a ${marker} sleep 300 </dev/null >/dev/null 2>&1 &); setsid bash -c 'exec -a ${marker}-s sleep 300' </dev/null >/dev/null 2>&1 & echo started`);
  assert.equal(out(first), 'started');
  assert.deepEqual(hostProcesses(marker), []);
  const second = await bash(ws, `ps -eo args | grep -c '^${marker}' || true`);
  assert.equal(out(second), '0');
});

test('a killed launcher ends its box; the next command runs in a fresh box, still sandboxed', async () => {
  const ws = workspace();
  const warm = await bash(ws, LAUNCHER_START);
  const killed = await bash(ws, 'kill -9 $PPID; sleep 5; echo survived');
  assert.doesNotMatch(out(killed), /survived/);
  assert.equal(killed.signal, 'SIGKILL');
  // Kill the next launcher from the host while it is idle, too.
  const idle = await bash(ws, `${LAUNCHER_START}; id -u`);
  const [start, uid] = out(idle).split('\n');
  assert.notEqual(start, out(warm));
  const launchers = hostProcesses('box-launcher.py', uid);
  assert.ok(launchers.length >= 1);
  for (const pid of launchers) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  const next = await bash(ws, `grep -E '^(Seccomp|NoNewPrivs|CapEff):' /proc/self/status | tr -s '\\t' ' '; id -u; cat ${outside} 2>/dev/null || echo no-host-file; ls -A /root | wc -l`);
  assert.equal(next.exitCode, 0, next.stderr.toString());
  const lines = out(next).split('\n');
  assert.ok(lines.includes('Seccomp: 2'), out(next));
  assert.ok(lines.includes('NoNewPrivs: 1'), out(next));
  assert.ok(lines.includes('CapEff: 0000000000000000'), out(next));
  assert.ok(lines.includes('no-host-file'), out(next));
  assert.equal(lines.at(-1), '0');
  if (process.getuid?.() === 0) assert.notEqual(lines[3], '0');
});

test('two commands in one workspace at once get a box each, with their own /tmp', async () => {
  const ws = workspace();
  const script = (me: string) => `echo ${me} > /tmp/me; sleep 1; cat /tmp/me; echo ${me} >> shared.txt`;
  const [a, b] = await Promise.all([bash(ws, script('a')), bash(ws, script('b'))]);
  assert.equal(out(a), 'a');
  assert.equal(out(b), 'b');
  assert.deepEqual(readFileSync(join(ws, 'shared.txt'), 'utf8').split('\n').filter(Boolean).sort(), ['a', 'b']);
});

test('limits still hold in a warm box, and a box that hit one is replaced', async () => {
  const ws = workspace();
  const warm = await bash(ws, LAUNCHER_START);
  const slow = await bash(ws, 'sleep 30', { limits: { wallTimeSec: 1 } });
  assert.equal(slow.limitHit, 'wall-time');
  const loud = await bash(ws, 'yes', { limits: { outputBytes: 1000 } });
  assert.equal(loud.limitHit, 'output');
  assert.equal(loud.truncated, true);
  assert.equal(loud.stdout.length, 1000);
  const after = await bash(ws, LAUNCHER_START);
  assert.equal(after.exitCode, 0);
  assert.notEqual(out(after), out(warm));
  const cpu = await pool.runSandboxed({ workspace: ws, command: 'python3', args: ['-c', 'while True: pass'], limits: { cpuTimeSec: 1 } });
  assert.equal(cpu.limitHit, 'cpu-time');
});

test('another trust domain waiting for the workspace ends the holder’s idle box at once; the tree goes back to its owner on close', { timeout: 40_000 }, async () => {
  const ws = workspace();
  const owner = statSync(ws).uid;
  const mine = await bash(ws, 'echo mine > mine.txt', { principal: 'alice' });
  assert.equal(mine.exitCode, 0);
  // Alice's box holds the lease for 60 s unless Bob's wait ends it.
  const theirs = await bash(ws, 'cat mine.txt; echo theirs > theirs.txt', { principal: 'bob' });
  assert.equal(theirs.exitCode, 0, theirs.stderr.toString());
  assert.equal(out(theirs), 'mine');
  const local = createSandboxPool({ boxIdleMs: 60_000 });
  const ws2 = workspace();
  const r = await local.runSandboxed({ workspace: ws2, command: 'touch', args: ['made.txt'] });
  assert.equal(r.exitCode, 0);
  await local.close();
  assert.equal(statSync(join(ws2, 'made.txt')).uid, owner);
  assert.equal(statSync(ws2).uid, owner);
});
