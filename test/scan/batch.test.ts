import assert from 'node:assert/strict';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isSkillReport, scan, scanSkills } from '../../src/scan/batch.ts';
import { benignSkill, maliciousSkill, tempDir, writeSkill } from '../cli/helpers.ts';
import { makeZip } from '../skills/helpers.ts';

let root = '';
const order = ['a-first', 'b-evil', 'c-bad.zip', 'd-missing', 'e-last'];
let inputs: string[] = [];

before(async () => {
  root = await tempDir('batch');
  await writeSkill(root, 'a-first', benignSkill);
  await writeSkill(root, 'b-evil', maliciousSkill);
  await writeFile(join(root, 'c-bad.zip'), Buffer.from('PK\u0003\u0004 this is not really a zip archive'));
  await writeSkill(root, 'e-last', { ...benignSkill, 'SKILL.md': benignSkill['SKILL.md'].replace('daily-notes', 'last-notes') });
  inputs = order.map((p) => join(root, p));
});
after(() => rm(root, { recursive: true, force: true }));

describe('scan (batch)', () => {
  for (const jobs of [1, 2]) {
    it(`keeps input order, and a missing path and a corrupt zip are errors amid good skills (jobs ${jobs})`, async () => {
      const report = await scan(inputs, { jobs });
      assert.deepEqual(report.skills.map((s) => s.path), [join(root, 'a-first'), join(root, 'b-evil'), join(root, 'e-last')]);
      assert.deepEqual(report.skills.map((s) => s.verdict), ['clean', 'malicious', 'clean']);
      assert.deepEqual(report.errors.map((e) => e.path), [join(root, 'c-bad.zip'), join(root, 'd-missing')]);
      assert.ok(report.errors.every((e) => e.message.length > 0));
    });
  }

  it('streams reports and errors interleaved in input order', async () => {
    const seen: string[] = [];
    for await (const item of scanSkills(inputs, { jobs: 2 })) seen.push(`${isSkillReport(item) ? 'skill' : 'error'}:${item.path.slice(root.length + 1)}`);
    assert.deepEqual(seen, ['skill:a-first', 'skill:b-evil', 'error:c-bad.zip', 'error:d-missing', 'skill:e-last']);
  });

  it('gives the same reports on worker threads as on the calling thread', async () => {
    const local = await scan(inputs, { jobs: 1 });
    const pooled = await scan(inputs, { jobs: 2 });
    const isolated = await scan([inputs[1]!], { jobs: 1, isolate: true });
    assert.deepEqual(pooled, local);
    assert.deepEqual(isolated.skills, [local.skills[1]]);
  });

  // Skill folders are loaded by the worker that scans them: what the loader reports must come back
  // the same as when this thread loads them, and the load options must reach the workers.
  it('a folder that fails to load in a worker is the same error entry, in its place, as on the calling thread', async () => {
    const odd = join(root, 'odd');
    await mkdir(join(odd, 'a-dir-manifest/SKILL.md'), { recursive: true });
    await writeSkill(odd, 'b-ok', benignSkill);
    await writeSkill(odd, 'c-linked', { 'real.md': benignSkill['SKILL.md'] });
    await symlink('real.md', join(odd, 'c-linked/SKILL.md'));
    const local = await scan([odd], { jobs: 1 });
    const pooled = await scan([odd], { jobs: 2 });
    assert.deepEqual(pooled, local);
    assert.deepEqual(local.skills.map((s) => s.path), [join(odd, 'b-ok')]);
    assert.deepEqual(local.errors.map((e) => e.path), [join(odd, 'a-dir-manifest'), join(odd, 'c-linked')]);
    assert.match(local.errors[0]!.message, /no SKILL\.md at the top/);
    assert.match(local.errors[1]!.message, /is a symlink/);
  });

  it('skills from a bundle (loaded on this thread, scanned on a worker) match the calling thread', async () => {
    const bundle = join(root, 'two.zip');
    const entries = (dir: string, files: Record<string, string>) => Object.entries(files).map(([name, data]) => ({ name: `${dir}/${name}`, data }));
    await writeFile(bundle, makeZip([...entries('one', benignSkill), ...entries('two', maliciousSkill)]));
    const local = await scan([bundle, inputs[0]!], { jobs: 1 });
    const pooled = await scan([bundle, inputs[0]!], { jobs: 2 });
    assert.deepEqual(pooled, local);
    assert.deepEqual(local.skills.map((s) => [s.path, s.verdict]), [[`${bundle}!one`, 'clean'], [`${bundle}!two`, 'malicious'], [inputs[0], 'clean']]);
  });

  it('passes the load options to the workers', async () => {
    const load = { maxAnalyzedBytes: 40 };
    const local = await scan([inputs[0]!, inputs[1]!], { jobs: 1, load });
    const pooled = await scan([inputs[0]!, inputs[1]!], { jobs: 2, load });
    assert.deepEqual(pooled, local);
    const capped = (r: typeof local) => r.skills.flatMap((s) => s.findings.filter((f) => /first 40 of/.test(f.message)));
    assert.ok(capped(pooled).length > 0, 'no file-too-large finding at a 40-byte cap');
    assert.equal(capped(await scan([inputs[0]!, inputs[1]!], { jobs: 2 })).length, 0);
  });

  it('applies a baseline', async () => {
    const evil = (await scan([inputs[1]!], { jobs: 1 })).skills[0]!;
    const accepted = evil.findings.map((f) => ({ ruleId: f.ruleId, hash: evil.hash, file: f.file }));
    const again = (await scan([inputs[1]!], { jobs: 2, baseline: { version: 1, accepted } })).skills[0]!;
    assert.equal(again.verdict, 'clean');
    assert.ok(again.findings.length > 0 && again.findings.every((f) => f.baselined));
  });

  it('stops on abort', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await assert.rejects(scan(inputs, { jobs: 2, signal: controller.signal }), /stop/);
  });

  it('rejects an invalid jobs value as misuse', async () => {
    await assert.rejects(scan(inputs, { jobs: 0 }), /options\.jobs/);
  });
});
