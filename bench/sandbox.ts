// `npm run bench:sandbox`: start-up and proxy cost of the sandbox, side by side in one run, and 50
// sandboxes of different principals in parallel, each of which must see only its own secret.
// Prints figures; asserts nothing about time.

import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { createSandboxPool } from '../src/sandbox/index.ts';
import { makeTestCa } from '../test/attacks/support/test-ca.ts';
import { startApi } from '../test/attacks/support/servers.ts';

const N = Number(process.env.BENCH_N ?? 40);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const row = (name: string, xs: number[]) => console.log(`${name.padEnd(44)} p50 ${pct(xs, 50).toFixed(1).padStart(7)} ms   p95 ${pct(xs, 95).toFixed(1).padStart(7)} ms`);

function spawnTimed(cmd: string, args: string[]): Promise<number> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const c = spawn(cmd, args, { stdio: 'ignore' });
    c.on('error', reject);
    c.on('close', () => resolve(performance.now() - t));
  });
}

async function times(n: number, fn: () => Promise<number | void>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const v = await fn();
    out.push(typeof v === 'number' ? v : performance.now() - t);
  }
  return out;
}

// The same Python client inside and outside the box: N GETs each way, times in ms as JSON.
const CLIENT = `
import http.client, json, os, ssl, sys, time, urllib.parse
host, port, sport, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
proxy = os.environ.get('http_proxy')
ctx = ssl.create_default_context(cafile=os.environ.get('SSL_CERT_FILE') or sys.argv[5])
def conn(tls):
    if proxy:
        p = urllib.parse.urlsplit(proxy)
        c = (http.client.HTTPSConnection(p.hostname, p.port, context=ctx) if tls else http.client.HTTPConnection(p.hostname, p.port))
        auth = {'Proxy-Authorization': 'Basic ' + __import__('base64').b64encode(f'{urllib.parse.unquote(p.username)}:{p.password}'.encode()).decode()}
        if tls: c.set_tunnel(host, sport, headers=auth)
        return c, auth
    return (http.client.HTTPSConnection(host, sport, context=ctx) if tls else http.client.HTTPConnection(host, port)), {}
def get(c, auth, tls):
    path = '/' if tls else (f'http://{host}:{port}/' if proxy else '/')
    c.request('GET', path, headers={} if tls else auth); r = c.getresponse(); r.read(); assert r.status == 200, r.status
out = {'http': [], 'https_new': [], 'https_keepalive': []}
for kind, tls in (('http', False), ('https_new', True)):
    for i in range(n + 2):
        t = time.perf_counter(); c, auth = conn(tls); get(c, auth, tls); c.close(); d = (time.perf_counter() - t) * 1000
        if i >= 2: out[kind].append(d)
c, auth = conn(True)
for i in range(n + 2):
    t = time.perf_counter(); get(c, auth, True); d = (time.perf_counter() - t) * 1000
    if i >= 2: out['https_keepalive'].append(d)
print(json.dumps(out))
`;

async function main() {
  const root = mkdtempSync(join(tmpdir(), 'warden-bench-'));
  chmodSync(root, 0o711);
  const ca = makeTestCa(root);
  const api = await startApi(ca.cert, ca.key);
  const web = createHttpServer((_, res) => res.end('ok'));
  await new Promise<void>((r) => web.listen(0, '127.0.0.1', r));
  const webPort = (web.address() as AddressInfo).port;
  const pool = createSandboxPool({ upstreamCaFile: ca.caFile });
  const ws = join(root, 'ws');
  mkdirSync(ws);
  const allowHosts = [{ host: '127.0.0.1', port: webPort }, { host: '127.0.0.1', port: api.port }];
  await pool.prewarm({ allowHosts });

  console.log(`sandbox start-up (${N} runs each, after 3 warm-ups)`);
  const direct = await times(N, () => spawnTimed('true', []));
  const bwrap = await times(N, () => spawnTimed('bwrap', ['--ro-bind', '/', '/', '--unshare-all', 'true']));
  const boxed = await times(N, async () => {
    const r = await pool.runSandboxed({ workspace: ws, command: 'true', allowHosts });
    if (r.exitCode !== 0) throw new Error(`sandboxed true failed: ${r.stderr}`);
  });
  row('direct spawn true', direct);
  row('bare bwrap --ro-bind / / --unshare-all true', bwrap);
  row('true via runSandboxed (warm runner)', boxed);
  console.log(`runSandboxed p50 / bare bwrap p50 = ${(pct(boxed, 50) / pct(bwrap, 50)).toFixed(2)}x (target <= 2.5x)`);

  console.log(`\nHTTP GET to a loopback server (${N} requests each, Python http.client)`);
  const args = ['127.0.0.1', String(webPort), String(api.port), String(N), ca.caFile];
  const hostRun = await new Promise<string>((resolve) => {
    const c = spawn('python3', ['-c', CLIENT, ...args], { env: { PATH: '/usr/bin:/bin' }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    c.stdout.on('data', (d) => (out += d));
    c.on('close', () => resolve(out));
  });
  const boxRun = await pool.runSandboxed({ workspace: ws, command: 'python3', args: ['-c', CLIENT, ...args], allowHosts, limits: { wallTimeSec: 300 } });
  if (boxRun.exitCode !== 0) throw new Error(`in-box client failed: ${boxRun.stderr.toString()}`);
  const h = JSON.parse(hostRun) as Record<string, number[]>;
  const b = JSON.parse(boxRun.stdout.toString()) as Record<string, number[]>;
  row('HTTP direct', h.http!);
  row('HTTP through the egress proxy', b.http!);
  console.log(`proxy adds ${(pct(b.http!, 50) - pct(h.http!, 50)).toFixed(1)} ms p50 to a plain request (target <= 5 ms)`);
  row('HTTPS direct, new connection', h.https_new!);
  row('HTTPS via proxy + TLS termination, new conn', b.https_new!);
  row('HTTPS direct, kept alive', h.https_keepalive!);
  row('HTTPS via proxy + TLS termination, kept alive', b.https_keepalive!);

  console.log('\n50 sandboxes of different principals in parallel');
  const values = Array.from({ length: 50 }, (_, i) => `bench-secret-${i}-${Math.random().toString(36).slice(2)}`);
  const t = performance.now();
  const results = await Promise.all(
    values.map((value, i) =>
      pool.runSandboxed({
        workspace: ws,
        principal: `user-${i}`,
        command: 'bash',
        args: ['-c', `curl -fsS -m 60 -H "Authorization: Bearer $TOKEN" https://127.0.0.1:${api.port}/api/p${i} >/dev/null && echo "$TOKEN"`],
        secrets: [{ env: 'TOKEN', name: `s${i}`, value, hosts: [{ host: '127.0.0.1', port: api.port }] }],
        limits: { wallTimeSec: 120 },
      }),
    ),
  );
  const failed = results.filter((r) => r.exitCode !== 0).length;
  const firstFailure = results.find((r) => r.exitCode !== 0);
  if (firstFailure) console.log(`first failure: exit ${firstFailure.exitCode} ${firstFailure.limitHit ?? ''} ${firstFailure.stderr.toString().slice(0, 300)} ${JSON.stringify(firstFailure.events.at(-1))}`);
  const own = values.filter((v, i) => api.records.find((r) => r.path === `/api/p${i}`)?.authorization === `Bearer ${v}`).length;
  const sawReal = results.filter((r, i) => r.stdout.toString().includes(values[i]!)).length;
  console.log(`${results.length} runs in ${((performance.now() - t) / 1000).toFixed(1)} s: ${failed} failed, ${own}/50 APIs received their own principal's secret, ${sawReal} boxes saw a real value`);

  await pool.close();
  await api.close();
  web.close();
  rmSync(root, { recursive: true, force: true });
  if (failed > 0 || own !== 50 || sawReal > 0) process.exitCode = 1;
}

await main();
