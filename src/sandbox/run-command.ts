// Runner side: start one wrapped command under its limits and collect what it did. Output is
// capped in the reader; wall time, output and workspace growth kill the whole tree (the process
// group, the command's cgroups, and bwrap's --die-with-parent takes the rest).

import { spawn } from 'node:child_process';
import type { LimitName } from './events.ts';
import { killCgroup, readCounters } from './cgroups.ts';
import { classifyExit, limitedArgv } from './limits.ts';
import type { Limits } from './types.ts';
import { workspaceBytes } from './workspace-usage.ts';

export interface RunCommandInput {
  wrapped: string;
  workspace: string;
  env: Record<string, string>;
  limits: Limits;
  cgroupDirs?: string[];
  memoryByRlimit: boolean;
}

export interface RunCommandOutput {
  exitCode: number | null;
  signal: string | null;
  stdout: Buffer;
  stderr: Buffer;
  stdoutBytes: number;
  stderrBytes: number;
  truncated: boolean;
  limitHit: LimitName | null;
}

const WORKSPACE_POLL_MS = 250;

export async function runCommand(input: RunCommandInput): Promise<RunCommandOutput> {
  const { limits } = input;
  const startBytes = await workspaceBytes(input.workspace);
  const argv = limitedArgv(input.wrapped, limits, input.cgroupDirs ? { dirs: input.cgroupDirs } : undefined, input.memoryByRlimit);
  // stdin is never a socketpair: bash sources ~/.bashrc when stdin is a socket (research §2).
  const child = spawn(argv[0]!, argv.slice(1), { cwd: input.workspace, env: input.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let killedFor: LimitName | null = null;
  const kill = (why: LimitName) => {
    killedFor ??= why;
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    for (const dir of input.cgroupDirs ?? []) killCgroup(dir);
  };
  const collect = (stream: NodeJS.ReadableStream) => {
    const chunks: Buffer[] = [];
    const state = { kept: 0, seen: 0, cut: false, chunks };
    stream.on('data', (chunk: Buffer) => {
      state.seen += chunk.length;
      const room = limits.outputBytes - state.kept;
      if (room > 0) {
        const part = chunk.length <= room ? chunk : chunk.subarray(0, room);
        chunks.push(part);
        state.kept += part.length;
      }
      if (state.seen > limits.outputBytes && !state.cut) {
        state.cut = true;
        kill('output');
      }
    });
    return state;
  };
  const out = collect(child.stdout!);
  const err = collect(child.stderr!);
  const timer = setTimeout(() => kill('wall-time'), limits.wallTimeSec * 1000);
  let polling = false;
  const poll = setInterval(async () => {
    if (polling) return;
    polling = true;
    const used = await workspaceBytes(input.workspace, startBytes + limits.workspaceBytes);
    if (used - startBytes > limits.workspaceBytes) kill('workspace-bytes');
    polling = false;
  }, WORKSPACE_POLL_MS);
  const { code, signal } = await new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    child.on('error', () => resolve({ code: 125, signal: null }));
    child.on('close', (c, s) => resolve({ code: c, signal: s }));
  });
  clearTimeout(timer);
  clearInterval(poll);
  // Whatever the command left behind (a daemonised child) dies with it.
  for (const dir of input.cgroupDirs ?? []) killCgroup(dir);
  if (!killedFor && (await workspaceBytes(input.workspace, startBytes + limits.workspaceBytes)) - startBytes > limits.workspaceBytes) {
    killedFor = 'workspace-bytes';
  }
  const counters = readCounters(input.cgroupDirs ?? []);
  const limitHit = classifyExit({ exitCode: code, signal, killedFor, ...counters });
  return {
    exitCode: code,
    signal,
    stdout: Buffer.concat(out.chunks),
    stderr: Buffer.concat(err.chunks),
    stdoutBytes: out.seen,
    stderrBytes: err.seen,
    truncated: out.cut || err.cut,
    limitHit,
  };
}
