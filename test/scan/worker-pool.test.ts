import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadSkillFromFiles, type LoadedSkill } from '../../src/skills/index.ts';
import { isSkillReport } from '../../src/scan/batch.ts';
import { createWorkerPool } from '../../src/scan/worker-pool.ts';
import { benignSkill, tempDir, writeSkill } from '../cli/helpers.ts';

let root = '';
before(async () => {
  root = await tempDir('pool');
  for (const name of ['third-notes', 'fourth-notes']) await writeSkill(root, name, { ...benignSkill, 'SKILL.md': benignSkill['SKILL.md'].replace('daily-notes', name) });
});
after(() => rm(root, { recursive: true, force: true }));

async function skillNamed(name: string): Promise<LoadedSkill> {
  const loaded = await loadSkillFromFiles({ ...benignSkill, 'SKILL.md': benignSkill['SKILL.md'].replace('daily-notes', name) }, `/skills/${name}`);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.skill;
}

describe('worker pool', () => {
  it('a skill that kills its worker fails alone: the skill handed over behind it is scanned by the replacement', async () => {
    // One worker with a small heap; the second skill (loaded, as from a bundle) carries far more
    // text than that heap holds, so receiving it kills the worker (out of memory). The third and
    // fourth are folders: the third is handed over while the second is still being taken in.
    const pool = createWorkerPool({ size: 1, skillTimeoutMs: 120_000, maxHeapMb: 48 });
    try {
      const first = await skillNamed('first-notes');
      const huge: LoadedSkill = { ...first, path: '/skills/huge', files: [...first.files, ...Array.from({ length: 128 }, (_, i) => ({ ...first.files[0]!, path: `notes-${i}.md`, text: `${i} `.repeat(1 << 18) }))] };
      const results = await Promise.allSettled([
        pool.scan({ skill: first }), pool.scan({ skill: huge }), pool.scan({ folder: join(root, 'third-notes') }), pool.scan({ folder: join(root, 'fourth-notes') }),
      ]);
      assert.equal(results[0]!.status, 'fulfilled');
      assert.equal(results[1]!.status, 'rejected');
      assert.match((results[1] as PromiseRejectedResult).reason.message, /scanner (crashed|stopped) on this skill/);
      const names = results.slice(2).map((r) => (r.status === 'fulfilled' && isSkillReport(r.value) ? r.value.name : `failed: ${r.status === 'rejected' ? r.reason.message : 'error entry'}`));
      assert.deepEqual(names, ['third-notes', 'fourth-notes']);
    } finally {
      await pool.close();
    }
  });

  it('answers each skill with its own report when several are in a worker\'s hand', async () => {
    const pool = createWorkerPool({ size: 2, skillTimeoutMs: 120_000, maxHeapMb: 512 });
    try {
      const names = Array.from({ length: 9 }, (_, i) => `notes-${i}`);
      const reports = await Promise.all((await Promise.all(names.map(skillNamed))).map((skill) => pool.scan({ skill })));
      assert.deepEqual(reports.map((r) => (isSkillReport(r) ? r.name : r.message)), names);
    } finally {
      await pool.close();
    }
  });

  it('close cancels the queued skills and those in a worker\'s hand', async () => {
    const pool = createWorkerPool({ size: 1, skillTimeoutMs: 120_000, maxHeapMb: 512 });
    const skills = await Promise.all(['a-notes', 'b-notes', 'c-notes'].map(skillNamed));
    const settled = Promise.allSettled([...skills.map((skill) => pool.scan({ skill })), pool.scan({ folder: join(root, 'third-notes') })]);
    await pool.close();
    const results = await settled;
    assert.ok(results.every((r) => r.status === 'rejected' && /cancelled/.test(r.reason.message)), JSON.stringify(results.map((r) => r.status)));
    await assert.rejects(pool.scan({ skill: skills[0]! }), /pool is closed/);
  });
});
