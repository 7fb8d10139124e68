// `warden skills …` through bin/warden in a child process, with WARDEN_HOME in a temp folder: exit
// codes, output and the audit chain, on SQLite and on PostgreSQL (WARDEN_DATABASE_URL).

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { startPostgres } from '../helpers/postgres.ts';
import { cleanSkill, maliciousSkill, suspiciousSkill, writeFiles } from './skills.ts';

const WARDEN = resolve(import.meta.dirname, '../../bin/warden');
const roots: string[] = [];
after(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function warden(cwd: string, env: Record<string, string>, argv: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(WARDEN, argv, { cwd, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', USER: 'ana', ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

async function setup(database?: () => Promise<string>) {
  const root = await mkdtemp(join(tmpdir(), 'warden-skills-cli-'));
  roots.push(root);
  const env: Record<string, string> = { WARDEN_HOME: join(root, 'data') };
  if (database) env.WARDEN_DATABASE_URL = await database();
  const run = (...argv: string[]) => warden(root, env, argv);
  return {
    run,
    clean: await writeFiles(join(root, 'clean'), cleanSkill()),
    suspicious: await writeFiles(join(root, 'suspicious'), suspiciousSkill()),
    malicious: await writeFiles(join(root, 'malicious'), maliciousSkill()),
  };
}

const backends: Array<[string, (() => Promise<string>) | undefined]> = [
  ['sqlite', undefined],
  ['postgres', async () => (await startPostgres()).emptyDatabase()],
];

for (const [dialect, database] of backends) {
  describe(`warden skills (${dialect})`, () => {
    it('installs, holds, refuses, approves, shows and removes with the documented exit codes', async () => {
      const { run, clean, suspicious, malicious } = await setup(database);
      const added = await run('skills', 'add', clean);
      assert.equal(added.code, 0, added.stderr);
      assert.match(added.stdout, /^daily-notes [0-9a-f]{12}: installed: the scan found it clean/);

      const pending = await run('skills', 'add', suspicious, '--json');
      assert.equal(pending.code, 1, pending.stderr);
      const result = JSON.parse(pending.stdout);
      assert.deepEqual([result.outcome, result.status, result.verdict], ['pending', 'pending-approval', 'suspicious']);

      const refused = await run('skills', 'add', malicious, '--approve', '--reason', 'trust me');
      assert.equal(refused.code, 1);
      assert.match(refused.stdout, /refused: the scan found it malicious/);
      assert.match(refused.stdout, /malicious {2}weather-pro/);

      const noReason = await run('skills', 'approve', 'price-watch');
      assert.equal(noReason.code, 2);
      assert.match(noReason.stderr, /needs --reason TEXT/);

      const approved = await run('skills', 'approve', 'price-watch', '--reason', 'daemon reviewed', '--allow-host', 'prices.example.com');
      assert.equal(approved.code, 0, approved.stderr);
      assert.match(approved.stdout, /price-watch [0-9a-f]{12}: active, approved by admin:ana\n {2}secrets: \(same-name defaults\); extra hosts: prices\.example\.com:443/);

      const list = await run('skills', 'list', '--json');
      assert.equal(list.code, 0, list.stderr);
      assert.deepEqual(JSON.parse(list.stdout).map((s: { name: string; latestStatus: string }) => [s.name, s.latestStatus]), [
        ['daily-notes', 'active'], ['price-watch', 'active'], ['weather-pro', 'refused'],
      ]);

      const show = await run('skills', 'show', 'price-watch');
      assert.equal(show.code, 0, show.stderr);
      assert.match(show.stdout, /active {2}suspicious \(score \d+; 1 high, 1 low\)/);
      assert.match(show.stdout, /approved \S+ by admin:ana: daemon reviewed/);
      assert.match(show.stdout, /scan report of [0-9a-f]{12}:\n▲ suspicious {2}price-watch/);
      assert.match(show.stdout, /install-download-unverified/);

      const removed = await run('skills', 'remove', 'daily-notes');
      assert.equal(removed.code, 0, removed.stderr);
      assert.equal(JSON.parse((await run('skills', 'show', 'daily-notes', '--json')).stdout).removed, true);

      const verify = await run('audit', 'verify');
      assert.equal(verify.code, 0, verify.stdout);
      assert.match(verify.stdout, /intact: 5 records/);
    });
  });
}

describe('warden skills: input and usage errors exit 2', () => {
  it('names what was wrong', async () => {
    const { run, clean } = await setup();
    const cases: Array<[string[], RegExp]> = [
      [['skills', 'add', join(clean, 'nope')], /cannot add .*nope.*no such file/],
      [['skills', 'add', clean, '--approve'], /--approve needs --reason/],
      [['skills', 'add', clean, '--secret', 'NOEQUALS'], /--secret "NOEQUALS": expected ENV=SECRET_NAME/],
      [['skills', 'add', clean, '--secret', 'API_KEY=missing-secret'], /there is no Warden secret "missing-secret"/],
      [['skills', 'add', clean, '--allow-host', 'https://x.example/path'], /--allow-host .*not a URL/],
      [['skills', 'show', 'nope'], /no skill named "nope"/],
      [['skills', 'approve', 'nope', '--reason', 'x'], /no skill named "nope"/],
    ];
    for (const [argv, pattern] of cases) {
      const r = await run(...argv);
      assert.equal(r.code, 2, `${argv.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, pattern, argv.join(' '));
    }
    const list = await run('skills', 'list');
    assert.equal(list.code, 0);
    assert.match(list.stdout, /no skills in the registry/);
  });
});
