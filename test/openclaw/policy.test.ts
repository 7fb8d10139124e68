import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { benignSkill, maliciousSkill, runWarden, tempDir, writeSkill } from '../cli/helpers.ts';

let root = '';
before(async () => {
  root = await tempDir('policy');
  await writeSkill(root, 'good', benignSkill);
  await writeSkill(root, 'evil', maliciousSkill);
});
after(() => rm(root, { recursive: true, force: true }));

const request = (over: Record<string, unknown>) => JSON.stringify({
  protocolVersion: 1, openclawVersion: '2026.9.6', targetType: 'skill', targetName: 'demo',
  sourcePath: join(root, 'good'), sourcePathKind: 'directory',
  source: { kind: 'local-path', mutable: true, network: false }, origin: { type: 'local' },
  request: { kind: 'skill-install', mode: 'install' }, ...over,
});

async function ask(stdin: string, args: string[] = []) {
  const r = await runWarden(['openclaw-policy', ...args], { cwd: root, stdin });
  assert.equal(r.code, 0, 'exit 0 once answered (OpenClaw treats non-zero as failure)');
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1, 'one JSON object on stdout');
  const response = JSON.parse(lines[0]!);
  assert.equal(response.protocolVersion, 1);
  if (response.decision !== 'allow') assert.ok(typeof response.reason === 'string' && response.reason.trim().length > 0, 'warn/block need a reason');
  for (const f of response.findings) {
    assert.ok(f.ruleId && f.message);
    assert.ok(['info', 'warn', 'critical'].includes(f.severity));
  }
  return response;
}

describe('warden openclaw-policy', () => {
  it('allows a benign skill', async () => {
    const r = await ask(request({}));
    assert.equal(r.decision, 'allow');
  });

  it('blocks a malicious skill with its findings', async () => {
    const r = await ask(request({ sourcePath: join(root, 'evil'), targetName: 'weather-pro' }));
    assert.equal(r.decision, 'block');
    assert.match(r.reason, /weather-pro.*malicious/);
    assert.ok(r.findings.some((f: { severity: string; file?: string }) => f.severity === 'critical' && f.file));
  });

  // Requests are built when the test runs: `root` is set in `before`.
  const bad: [string, () => string, RegExp][] = [
    ['invalid JSON', () => '{"protocolVersion":', /not valid JSON/],
    ['an empty request', () => '', /not valid JSON/],
    ['a wrong protocol version', () => request({ protocolVersion: 2 }), /protocolVersion/],
    ['a missing sourcePath', () => request({ sourcePath: undefined }), /sourcePath/],
    ['a relative sourcePath', () => request({ sourcePath: 'good' }), /sourcePath: must be an absolute path/],
    ['a missing request', () => request({ request: undefined }), /request/],
    ['a missing targetName', () => request({ targetName: undefined }), /targetName/],
    ['a plugin target', () => request({ targetType: 'plugin' }), /skills only/],
    ['a source that does not exist', () => request({ sourcePath: join(root, 'gone') }), /could not scan/],
  ];
  for (const [name, stdin, reason] of bad) {
    it(`blocks ${name} (fail closed)`, async () => {
      const r = await ask(stdin());
      assert.equal(r.decision, 'block');
      assert.match(r.reason, reason);
    });
  }

  it('rejects a bad --timeout-ms as a usage error', async () => {
    const r = await runWarden(['openclaw-policy', '--timeout-ms', '5'], { cwd: root, stdin: request({}) });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /timeout-ms/);
  });
});
