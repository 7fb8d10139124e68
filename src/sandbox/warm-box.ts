// A warm box: the engine's wrapped command (same bwrap profile, seccomp, in-box proxy relays)
// started once per runner × workspace with box-launcher.py as its command, then reused. Each
// command costs a fork and exec inside the running box instead of a new bwrap, relays and
// apply-seccomp. The launcher gets requests on a FIFO the runner holds (its path is unlinked at
// once and lives in the runner's private TMPDIR, which the box cannot see) and answers in frames
// on its stdout. Any limit kill, a launcher that dies, or a box it cannot put back as it was
// ends the box; the next command gets a fresh one. Nothing runs outside a box.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, constants, openSync, unlinkSync } from 'node:fs';
import { Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFrameReader, type Frame } from './box-frames.ts';
import { createBoxCgroups, killCgroup, readCounters, removeCgroupTree, writeLimits, type Controller } from './cgroups.ts';
import type { LimitName } from './events.ts';
import { boxArgv, classifyExit, commandRlimits } from './limits.ts';
import type { Limits } from './types.ts';
import { shellQuote } from './wrap-cache.ts';
import { workspaceBytes } from './workspace-usage.ts';

/** Shipped beside this file; the engine config makes it readable (only it) inside the box. */
export const LAUNCHER_PATH = join(dirname(fileURLToPath(import.meta.url)), 'box-launcher.py');
const PYTHON = '/usr/bin/python3';
const READY_TIMEOUT_MS = 30_000;
const WORKSPACE_POLL_MS = 250;

export interface BoxOptions {
  /** The engine's wrap, whose inner shell runs `eval "$WARDEN_CMD"` under seccomp. */
  wrapped: string;
  workspace: string;
  /** The runner's private directory (0700): the request FIFO is made and unlinked here. */
  privateDir: string;
  /** Name of the box's cgroup directories under the runner's delegated parents. */
  name: string;
  cgroupParents?: Partial<Record<Controller, string>>;
  limits: Limits;
}

export interface BoxCommand {
  argv: string[];
  env: Record<string, string>;
  limits: Limits;
  memoryByRlimit: boolean;
}

export interface BoxRunOutput {
  /** False when the box ended before the launcher accepted the request: nothing ran. */
  started: boolean;
  /** The box is as it was before the command and may take the next one. */
  reusable: boolean;
  exitCode: number | null;
  signal: string | null;
  stdout: Buffer;
  stderr: Buffer;
  stdoutBytes: number;
  stderrBytes: number;
  truncated: boolean;
  limitHit: LimitName | null;
  /** Set when the box ended mid-command with no limit hit (a command can kill its own launcher). */
  boxEnded?: string;
}

export interface Box {
  readonly workspace: string;
  readonly alive: boolean;
  run(command: BoxCommand): Promise<BoxRunOutput>;
  close(): Promise<void>;
}

interface Capture {
  chunks: Buffer[];
  kept: number;
  seen: number;
  cut: boolean;
}

function requestPipe(privateDir: string, name: string): { read: number; write: Socket } {
  const path = join(privateDir, `box-${name}.fifo`);
  const made = spawnSync('mkfifo', ['-m', '600', path]);
  if (made.status !== 0) throw new Error(`mkfifo ${path} failed: ${made.stderr?.toString().trim() || made.error?.message}`);
  try {
    const read = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const write = new Socket({ fd: openSync(path, constants.O_WRONLY | constants.O_NONBLOCK), readable: false, writable: true });
    write.on('error', () => undefined); // a dead box: its close event reports it
    return { read, write };
  } finally {
    unlinkSync(path);
  }
}

export async function startBox(options: BoxOptions): Promise<Box> {
  const { workspace, limits } = options;
  const dirs = options.cgroupParents ? createBoxCgroups(options.cgroupParents, options.name, limits.memoryMb * 1024 * 1024, limits.processes) : [];
  let child: ChildProcess;
  let requests: Socket;
  try {
    const pipe = requestPipe(options.privateDir, options.name);
    requests = pipe.write;
    const env = {
      PATH: '/usr/local/bin:/usr/bin:/bin',
      LANG: 'C.UTF-8',
      HOME: workspace,
      NODE_USE_ENV_PROXY: '1',
      WARDEN_CMD: `unset WARDEN_CMD; exec ${PYTHON} -I -S ${shellQuote(LAUNCHER_PATH)}`,
    };
    const argv = boxArgv(options.wrapped, dirs);
    // stdin is the FIFO, never a socketpair: bash sources ~/.bashrc when stdin is a socket.
    child = spawn(argv[0]!, argv.slice(1), { cwd: workspace, env, stdio: [pipe.read, 'pipe', 'pipe'], detached: true });
    closeSync(pipe.read);
  } catch (error) {
    removeCgroupTree(dirs);
    throw error;
  }

  let alive = true;
  let stderrTail = '';
  let onFrame: (frame: Frame) => void = () => undefined;
  let onGone: () => void = () => undefined;
  const gone = new Promise<void>((resolve) => {
    child.on('close', () => {
      alive = false;
      requests.destroy();
      onGone();
      resolve();
    });
  });
  const kill = () => {
    alive = false;
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    for (const dir of dirs) killCgroup(dir);
  };
  child.on('error', kill);
  child.stderr!.on('data', (chunk: Buffer) => (stderrTail = (stderrTail + chunk.toString()).slice(-2000)));
  child.stdout!.on('data', createFrameReader((frame) => onFrame(frame), kill));

  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
    onFrame = (frame) => frame.kind === 'R' && (clearTimeout(timer), resolve(true));
    onGone = () => (clearTimeout(timer), resolve(false));
  });
  if (!ready) {
    kill();
    await gone;
    removeCgroupTree(dirs);
    throw new Error(`the box did not start: ${stderrTail.trim().split('\n').slice(-3).join(' ') || 'no launcher'}`);
  }

  let busy = false;
  return {
    workspace,
    get alive() {
      return alive;
    },
    async run(command) {
      if (!alive || busy) throw new Error('box.run: the box is gone or busy');
      busy = true;
      try {
        return await runInBox(command);
      } finally {
        busy = false;
      }
    },
    async close() {
      kill();
      await gone;
      removeCgroupTree(dirs);
    },
  };

  async function runInBox(command: BoxCommand): Promise<BoxRunOutput> {
    const { limits: l } = command;
    writeLimits(dirs, l.memoryMb * 1024 * 1024, l.processes);
    const before = readCounters(dirs);
    const startBytes = await workspaceBytes(workspace);
    let started = false;
    let killedFor: LimitName | null = null;
    const capture = (): Capture => ({ chunks: [], kept: 0, seen: 0, cut: false });
    const out = capture();
    const err = capture();
    const limitKill = (why: LimitName) => {
      killedFor ??= why;
      kill();
    };
    const keep = (c: Capture, chunk: Buffer) => {
      c.seen += chunk.length;
      const room = l.outputBytes - c.kept;
      if (room > 0) {
        const part = chunk.length <= room ? chunk : chunk.subarray(0, room);
        c.chunks.push(Buffer.from(part));
        c.kept += part.length;
      }
      if (c.seen > l.outputBytes && !c.cut) {
        c.cut = true;
        limitKill('output');
      }
    };
    const timer = setTimeout(() => limitKill('wall-time'), l.wallTimeSec * 1000);
    let polling = false;
    const poll = setInterval(async () => {
      if (polling) return;
      polling = true;
      const used = await workspaceBytes(workspace, startBytes + l.workspaceBytes);
      if (used - startBytes > l.workspaceBytes) limitKill('workspace-bytes');
      polling = false;
    }, WORKSPACE_POLL_MS);
    const exit = await new Promise<{ code: number | null; signal: string | null; clean: boolean } | undefined>((resolve) => {
      onFrame = (frame) => {
        if (frame.kind === 'A') started = true;
        else if (frame.kind === 'O') keep(out, frame.payload);
        else if (frame.kind === 'E') keep(err, frame.payload);
        else if (frame.kind === 'X') resolve(JSON.parse(frame.payload.toString()) as { code: number | null; signal: string | null; clean: boolean });
      };
      onGone = () => resolve(undefined);
      // The box may have ended while this run awaited the size walk: its close event is past.
      if (!alive) return resolve(undefined);
      const rlimits = commandRlimits(l, command.memoryByRlimit);
      requests.write(`${JSON.stringify({ argv: command.argv, env: command.env, cwd: workspace, rlimits })}\n`);
    });
    clearTimeout(timer);
    clearInterval(poll);
    onFrame = () => undefined;
    onGone = () => undefined;
    if (!killedFor && (await workspaceBytes(workspace, startBytes + l.workspaceBytes)) - startBytes > l.workspaceBytes) killedFor = 'workspace-bytes';
    const after = readCounters(dirs);
    // A box that ended mid-command (limit kill, OOM of the launcher, killed launcher) reports the kill.
    const exitCode = exit ? exit.code : null;
    const signal = exit ? exit.signal : 'SIGKILL';
    const limitHit = classifyExit({ exitCode, signal, killedFor, oomKills: after.oomKills - before.oomKills, pidsMaxEvents: after.pidsMaxEvents - before.pidsMaxEvents });
    const reusable = alive && !!exit?.clean && !killedFor && limitHit === null;
    if (!reusable) {
      // The whole tree is gone before the result says so.
      kill();
      await gone;
      removeCgroupTree(dirs);
    }
    return {
      started,
      reusable,
      exitCode,
      signal,
      stdout: Buffer.concat(out.chunks),
      stderr: Buffer.concat(err.chunks),
      stdoutBytes: out.seen,
      stderrBytes: err.seen,
      truncated: out.cut || err.cut,
      limitHit,
      ...(!exit && limitHit === null ? { boxEnded: 'the box ended during the command (its launcher was killed or died): everything in it was killed' } : {}),
    };
  }
}
