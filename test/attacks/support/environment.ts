// The world the attacks run in: a fake home with canaries where real credentials live (~/.ssh,
// ~/.openclaw/openclaw.json, ~/.aws/credentials), a .env beside the workspaces, Warden's own data
// directory (secret store, key) and canaries in Warden's own environment; a warden.yaml that
// registers the canary files with DLP and trusts the test CA upstream; a stored secret bound to
// the loopback API. Commands run through the real CLI: `bin/warden sandbox exec`.

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makeTestCa } from './test-ca.ts';
import { startApi, startAttacker, type Api, type Attacker } from './servers.ts';

export const ROOT = resolve(import.meta.dirname, '../../..');
const WARDEN = process.env.WARDEN_CLI ? process.env.WARDEN_CLI.split(' ') : [join(ROOT, 'bin/warden')];

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
  events: Array<Record<string, unknown>>;
}

export interface World {
  root: string;
  home: string;
  wardenHome: string;
  attacker: Attacker;
  api: Api;
  /** Distinct marker strings, one per canary; none may ever reach the attacker. */
  markers: string[];
  /** Real values of the stored secrets, by secret name. */
  secretValues: Record<string, string>;
  env: Record<string, string>;
  /** Run the CLI with args; `stdin` feeds commands like `secrets set`. */
  warden(args: string[], stdin?: string): Promise<ExecResult>;
  /** `warden sandbox exec` in a fresh workspace named `id`. */
  exec(id: string, flags: string[], argv: string[], files?: Record<string, string>): Promise<ExecResult & { workspace: string }>;
  close(): Promise<void>;
}

const marker = (kind: string) => `CANARY-${kind}-${randomBytes(6).toString('hex')}`;

export async function createWorld(): Promise<World> {
  const root = mkdtempSync(join(tmpdir(), 'warden-attacks-'));
  chmodSync(root, 0o711);
  const home = join(root, 'home');
  const wardenHome = join(root, 'data');
  const wsRoot = join(root, 'ws');
  for (const d of [home, join(home, '.ssh'), join(home, '.openclaw'), join(home, '.aws'), wsRoot]) mkdirSync(d, { recursive: true });
  chmodSync(home, 0o700);
  chmodSync(wsRoot, 0o711);
  const markers: string[] = [];
  const canary = (path: string, kind: string, body: (m: string) => string) => {
    const m = marker(kind);
    markers.push(m);
    writeFileSync(path, body(m));
    return path;
  };
  const canaryFiles = [
    canary(join(home, '.ssh/id_rsa'), 'ssh', (m) => `-----BEGIN OPENSSH PRIVATE KEY-----\n${m}\n-----END OPENSSH PRIVATE KEY-----\n`),
    canary(join(home, '.openclaw/openclaw.json'), 'openclaw', (m) => JSON.stringify({ gateway: { token: m } })),
    canary(join(home, '.aws/credentials'), 'aws', (m) => `[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${m}\n`),
    canary(join(wsRoot, '.env'), 'dotenv', (m) => `OPENAI_API_KEY=${m}\n`),
  ];
  const ca = makeTestCa(root);
  const attacker = await startAttacker();
  const api = await startApi(ca.cert, ca.key);
  const envMarker = marker('env');
  markers.push(envMarker);
  writeFileSync(join(root, 'warden.yaml'), [
    `home: ${wardenHome}`,
    'sandbox:',
    `  upstreamCaFile: ${ca.caFile}`,
    '  limits: { wallTimeSec: 15, cpuTimeSec: 10, memoryMb: 256, processes: 64, outputBytes: 65536, workspaceBytes: 8388608 }',
    'egress:',
    `  canaryFiles: [${canaryFiles.map((f) => JSON.stringify(f)).join(', ')}]`,
    '',
  ].join('\n'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    WARDEN_CONFIG: join(root, 'warden.yaml'),
    // Warden's own environment: none of it may reach a box.
    WARDEN_DATABASE_URL: `postgres://warden:${envMarker}@db.invalid/warden`,
    DINGTALK_APP_SECRET: envMarker,
  };
  const warden = (args: string[], stdin?: string, cwd = root) =>
    new Promise<ExecResult>((done) => {
      const child = spawn(WARDEN[0]!, [...WARDEN.slice(1), ...args], { cwd, env, stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout!.on('data', (d: Buffer) => out.push(d));
      child.stderr!.on('data', (d: Buffer) => err.push(d));
      if (stdin !== undefined) child.stdin!.end(stdin);
      child.on('close', (code) => done({ code: code ?? -1, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString(), events: [] }));
    });
  const secretValues: Record<string, string> = {};
  for (const name of ['api-token', 'alice-token', 'bob-token']) {
    secretValues[name] = `realsecret-${name}-${randomBytes(12).toString('hex')}`;
    const set = await warden(['secrets', 'set', name, '--host', `127.0.0.1:${api.port}`, '--header', 'authorization', '--path', '/api', '--path', '/echo'], secretValues[name]);
    if (set.code !== 0) throw new Error(`secrets set failed: ${set.stderr}`);
  }
  markers.push(...Object.values(secretValues));
  // Warden's own data directory holds a canary too (beside the real secret store and key).
  canary(join(wardenHome, 'warden.db'), 'datadir', (m) => `SQLite format 3\0${m}`);
  chmodSync(wardenHome, 0o700);

  return {
    root,
    home,
    wardenHome,
    attacker,
    api,
    markers,
    secretValues,
    env,
    warden,
    async exec(id, flags, argv, files = {}) {
      const workspace = join(wsRoot, id);
      mkdirSync(workspace, { recursive: true });
      for (const [name, content] of Object.entries(files)) writeFileSync(join(workspace, name), content);
      const eventsFile = join(root, `${id}.events.jsonl`);
      const r = await warden(['sandbox', 'exec', '--workspace', workspace, '--events', eventsFile, ...flags, '--', ...argv]);
      let events: Array<Record<string, unknown>> = [];
      try {
        events = readFileSync(eventsFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
      } catch {
        // no events file: the assertion on events reports it
      }
      return { ...r, events, workspace };
    },
    async close() {
      await attacker.close();
      await api.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Does `data` hold any marker, plainly or base64/hex encoded? */
export function leaked(data: Buffer | string, markers: string[]): string | undefined {
  const text = typeof data === 'string' ? data : data.toString('latin1');
  for (const m of markers) {
    const forms = [m, Buffer.from(m).toString('base64').slice(0, -4), Buffer.from(m).toString('hex')];
    if (forms.some((f) => text.includes(f))) return m.slice(0, 14);
  }
  return undefined;
}
