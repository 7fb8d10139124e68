// The real OpenClaw CLI (openclaw@2026.9.6, installed by `npm run setup:openclaw` into
// .tools/openclaw; nothing is downloaded here) with `security.installPolicy` pointing at bin/warden:
// it installs a local benign skill and refuses a local malicious one.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { benignSkill, maliciousSkill, tempDir, writeSkill } from '../cli/helpers.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const openclaw = join(repo, '.tools/openclaw/node_modules/.bin/openclaw');
const warden = join(repo, 'bin/warden');
const node24 = dirname(join(repo, 'node_modules/.bin/node'));

let home = '';
let work = '';

function install(dir: string, slug: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(openclaw, ['skills', 'install', dir, '--as', slug], {
      cwd: work,
      // Node 24 first on PATH: OpenClaw needs node:sqlite; HOME isolates its config and state.
      env: { HOME: home, PATH: `${node24}:/usr/local/bin:/usr/bin:/bin`, NO_COLOR: '1' },
      timeout: 120_000,
    }, (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr }));
  });
}

before(async () => {
  assert.ok(existsSync(openclaw), `OpenClaw is not installed at ${openclaw}; run \`npm run setup:openclaw\` once (it installs openclaw@2026.9.6 into .tools/openclaw with Node 24)`);
  home = await tempDir('openclaw-home');
  work = await tempDir('openclaw-work');
  await mkdir(join(home, '.openclaw'), { recursive: true });
  await writeFile(join(home, '.openclaw/openclaw.json'), JSON.stringify({
    // A generous timeout: this test is about the protocol and the decision, and the suite runs it
    // beside other heavy tests on two cores. The 10 s default is checked by bench:scan's single-skill figure.
    security: {
      installPolicy: {
        enabled: true,
        exec: { source: 'exec', command: warden, args: ['openclaw-policy', '--timeout-ms', '50000'], timeoutMs: 60_000 },
      },
    },
  }, null, 2));
  await writeSkill(work, 'daily-notes', benignSkill);
  await writeSkill(work, 'weather-pro', maliciousSkill);
});
after(async () => {
  await rm(home, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

describe('OpenClaw security.installPolicy → warden openclaw-policy', { timeout: 300_000 }, () => {
  it('installs a benign skill', async () => {
    const r = await install('./daily-notes', 'daily-notes');
    assert.equal(r.code, 0, r.output);
    assert.ok(existsSync(join(home, '.openclaw/workspace/skills/daily-notes/SKILL.md')), r.output);
  });

  it('refuses a malicious skill with Warden\'s reason', async () => {
    const r = await install('./weather-pro', 'weather-pro');
    assert.notEqual(r.code, 0, r.output);
    assert.match(r.output, /blocked by policy/i);
    assert.match(r.output, /Warden judged "weather-pro" malicious/);
    assert.ok(!existsSync(join(home, '.openclaw/workspace/skills/weather-pro')), 'nothing was installed');
  });
});
