// End-to-end support: a Warden installation in a temp directory (warden.yaml, policy.yaml, data
// directory), the real `bin/warden` run as child processes, the scripted model server and a
// loopback "company API" the skill calls through the egress proxy. PostgreSQL when a URL is given.

import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startModelServer, type ModelServer, type Script } from '../emulators/model/index.ts';

export const WARDEN = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/warden');

export interface LoopbackApi {
  port: number;
  requests: Array<{ method: string; url: string; body: string }>;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 that answers every request with `answer(url)` and records it. */
export async function startApi(answer: (req: IncomingMessage) => unknown = () => ({ ok: true })): Promise<LoopbackApi> {
  const requests: LoopbackApi['requests'] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', body });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(answer(req)));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export interface Installation {
  root: string;
  home: string;
  env: Record<string, string>;
  model: ModelServer;
  setScript(script: Script): void;
  /** Writes files under root (e.g. a skill folder) and returns the folder's path. */
  writeTree(dir: string, files: Record<string, string>): string;
  close(): Promise<void>;
}

export async function install(options: { policy: string; databaseUrl?: string; runtime?: string }): Promise<Installation> {
  const root = mkdtempSync(join(tmpdir(), 'warden-e2e-'));
  // The sandbox runs commands as an unprivileged uid: the workspace's ancestors must be searchable.
  chmodSync(root, 0o711);
  const home = join(root, 'data');
  let script: Script = () => ({ error: { status: 500, message: 'no script set' } });
  const model = await startModelServer({ apiKey: 'e2e-key', script: (request, index) => (typeof script === 'function' ? script(request, index) : script[index] ?? { error: { status: 500, message: 'script exhausted' } }) });
  writeFileSync(
    join(root, 'warden.yaml'),
    `home: ./data\npolicy: ./policy.yaml\nmodel:\n  baseUrl: ${model.baseUrl}\n  model: e2e-model\n  apiKeySecret: MODEL_KEY\n  maxRetries: 0\n  timeoutMs: 20000\nruntime:\n  maxSteps: 8\n${options.runtime ?? ''}`,
  );
  writeFileSync(join(root, 'policy.yaml'), options.policy);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: root,
    WARDEN_CONFIG: join(root, 'warden.yaml'),
    ...(options.databaseUrl ? { WARDEN_DATABASE_URL: options.databaseUrl } : {}),
  };
  const inst: Installation = {
    root,
    home,
    env,
    model,
    setScript(next) {
      script = next;
    },
    writeTree(dir, files) {
      const base = join(root, dir);
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(base, path)), { recursive: true });
        writeFileSync(join(base, path), text);
      }
      return base;
    },
    async close() {
      await model.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
  // The model's API key lives in Warden's secret store, as in production.
  await wardenOk(inst, ['secrets', 'set', 'MODEL_KEY', '--host', new URL(model.baseUrl).host], 'e2e-key');
  return inst;
}

export interface Run {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  stdout(): string;
  stderr(): string;
}

/** Starts `bin/warden ARGV…` in the installation's directory with its environment. */
export function warden(inst: Installation, argv: string[], input?: string): Run {
  const child = spawn(WARDEN, argv, { cwd: inst.root, env: inst.env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdin!.end(input ?? '');
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done, stdout: () => stdout, stderr: () => stderr };
}

export async function wardenOk(inst: Installation, argv: string[], input?: string): Promise<string> {
  const r = await warden(inst, argv, input).done;
  if (r.code !== 0) throw new Error(`warden ${argv.join(' ')} exited ${r.code}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

export async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
