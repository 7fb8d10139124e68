import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { benignSkill, maliciousSkill, runWarden, tempDir, writeSkill } from './helpers.ts';

let root = '';
before(async () => {
  root = await tempDir('cli-scan');
  await writeSkill(root, 'skills/daily-notes', benignSkill);
  await writeSkill(root, 'skills/weather-pro', maliciousSkill);
});
after(() => rm(root, { recursive: true, force: true }));

const run = (argv: string[], extra: { tty?: boolean; env?: Record<string, string> } = {}) => runWarden(argv, { cwd: root, ...extra });

describe('warden scan: exit codes', () => {
  it('0 for a benign skill', async () => {
    const r = await run(['scan', 'skills/daily-notes']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /clean +daily-notes/);
    assert.match(r.stdout, /^1 skill: 0 malicious, 0 suspicious, 1 clean; 0 errors$/m);
  });

  it('1 when a skill is malicious (default --fail-on)', async () => {
    const r = await run(['scan', 'skills']);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /malicious +weather-pro/);
    assert.match(r.stdout, /SKILL\.md:\d+ +critical +[a-z-]+ +\S/);
  });

  it('2 for a missing path, listed as an error', async () => {
    const r = await run(['scan', 'skills/daily-notes', 'no/such/dir']);
    assert.equal(r.code, 2);
    assert.match(r.stdout, /^error {2}no\/such\/dir: /m);
    assert.match(r.stdout, /daily-notes/, 'the other input is still scanned');
  });

  it('1 wins over 2 when a skill fails and an input is missing', async () => {
    const r = await run(['scan', 'skills', 'no/such/dir']);
    assert.equal(r.code, 1);
  });

  const usage: [string, string[]][] = [
    ['no path', ['scan']],
    ['bad format', ['scan', 'skills', '--format', 'xml']],
    ['bad fail-on', ['scan', 'skills', '--fail-on', 'clean']],
    ['bad jobs', ['scan', 'skills', '--jobs', '0']],
    ['unknown flag', ['scan', 'skills', '--nope']],
    ['missing baseline', ['scan', 'skills', '--baseline', 'none.json']],
    ['unwritable output', ['scan', 'skills/daily-notes', '--output', 'no/such/dir/out.txt']],
  ];
  for (const [name, argv] of usage) {
    it(`2 for ${name}, with a message on stderr`, async () => {
      const r = await run(argv);
      assert.equal(r.code, 2, r.stdout);
      assert.notEqual(r.stderr.trim(), '');
    });
  }

  it('--fail-on suspicious also fails on malicious', async () => {
    const r = await run(['scan', 'skills', '--fail-on', 'suspicious']);
    assert.equal(r.code, 1);
  });
});

describe('warden scan: formats and output', () => {
  it('--format json prints the documented shape', async () => {
    const r = await run(['scan', 'skills', '--format', 'json', '--jobs', '2']);
    const json = JSON.parse(r.stdout);
    assert.equal(json.version, 1);
    assert.deepEqual(json.skills.map((s: { path: string }) => s.path).sort(), ['skills/daily-notes', 'skills/weather-pro']);
    const evil = json.skills.find((s: { name: string }) => s.name === 'weather-pro');
    assert.equal(evil.verdict, 'malicious');
    assert.match(evil.hash, /^[0-9a-f]{64}$/);
    assert.ok(evil.findings.every((f: Record<string, unknown>) => typeof f.ruleId === 'string' && typeof f.line === 'number'));
    assert.deepEqual(json.errors, []);
  });

  it('--format sarif locates results relative to the cwd', async () => {
    const r = await run(['scan', 'skills', '--format', 'sarif']);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const uris = sarif.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0]!.physicalLocation.artifactLocation.uri);
    assert.ok(uris.length > 0);
    assert.ok(uris.every((u: string) => u.startsWith('skills/weather-pro/')), uris.join());
  });

  it('--output writes the report to a file and nothing to stdout', async () => {
    const r = await run(['scan', 'skills', '--format', 'json', '--output', 'report.json']);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.equal(JSON.parse(await readFile(join(root, 'report.json'), 'utf8')).skills.length, 2);
  });

  it('--quiet prints only skills at or above --fail-on', async () => {
    const r = await run(['scan', 'skills', '--quiet']);
    assert.match(r.stdout, /weather-pro/);
    assert.doesNotMatch(r.stdout, /daily-notes|skills:/);
  });

  it('colours on a TTY, not with NO_COLOR, and shows progress only on a TTY', async () => {
    const tty = await run(['scan', 'skills'], { tty: true });
    assert.match(tty.stdout, /\x1b\[/);
    const plain = await run(['scan', 'skills'], { tty: true, env: { NO_COLOR: '1' } });
    assert.doesNotMatch(plain.stdout, /\x1b\[/);
    const pipe = await run(['scan', 'skills']);
    assert.doesNotMatch(pipe.stdout + pipe.stderr, /\x1b\[/);
  });
});

describe('warden scan: baseline', () => {
  it('--write-baseline then --baseline turns the run green until the skill changes', async () => {
    const first = await run(['scan', 'skills', '--write-baseline', 'baseline.json', '--format', 'json']);
    assert.equal(first.code, 1);
    const baseline = JSON.parse(await readFile(join(root, 'baseline.json'), 'utf8'));
    assert.equal(baseline.version, 1);
    assert.ok(baseline.accepted.length > 0);

    const second = await run(['scan', 'skills', '--baseline', 'baseline.json', '--format', 'json']);
    assert.equal(second.code, 0, second.stdout);
    const evil = JSON.parse(second.stdout).skills.find((s: { name: string }) => s.name === 'weather-pro');
    assert.equal(evil.verdict, 'clean');
    assert.ok(evil.findings.every((f: { baselined?: boolean }) => f.baselined === true));

    await writeFile(join(root, 'skills/weather-pro/notes.txt'), 'changed\n');
    const third = await run(['scan', 'skills', '--baseline', 'baseline.json']);
    await rm(join(root, 'skills/weather-pro/notes.txt'));
    assert.equal(third.code, 1, 'a changed skill is no longer covered');
  });

  it('an invalid baseline names the file and the entry', async () => {
    await writeFile(join(root, 'bad.json'), JSON.stringify({ version: 1, accepted: [{ ruleId: 'x', hash: 'nothex', file: 'a' }] }));
    const r = await run(['scan', 'skills', '--baseline', 'bad.json']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /bad\.json: accepted\[0\]\.hash/);
  });
});
