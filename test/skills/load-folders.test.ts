import assert from 'node:assert/strict';
import { chmod, mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadSkillFromFiles } from '../../src/skills/index.ts';
import { codes, collect, errorsOf, skillMd, skillsOf, withTree } from './helpers.ts';

test('a skill folder loads with its files, manifest and fingerprint', () =>
  withTree({ 'weather/SKILL.md': skillMd('weather'), 'weather/scripts/get.sh': '#!/bin/sh\ncurl https://example.com\n' }, async (root) => {
    const [result] = await collect([join(root, 'weather')]);
    assert.ok(result?.ok);
    const skill = result.skill;
    assert.equal(skill.path, join(root, 'weather'));
    assert.equal(skill.name, 'weather');
    assert.deepEqual(skill.files.map((f) => f.path), ['SKILL.md', 'scripts/get.sh']);
    assert.equal(skill.files[1]?.kind, 'text');
    assert.match(skill.hash, /^[0-9a-f]{64}$/);
    assert.deepEqual(skill.issues, []);
  }));

test('a ClawHub mirror owner/slug/ is walked at any depth, stopping at SKILL.md', () =>
  withTree({
    'mirror/alice/one/SKILL.md': skillMd('one'),
    'mirror/alice/one/nested/SKILL.md': skillMd('inner'),
    'mirror/bob/two/skill.md': skillMd('two'),
    'mirror/bob/three/skills.md': skillMd('three'),
    'mirror/carol/deep/er/four/SKILL.md': skillMd('four'),
    'mirror/node_modules/pkg/SKILL.md': skillMd('ignored'),
    'mirror/.git/x/SKILL.md': skillMd('ignored-too'),
    'mirror/README.md': 'not a skill',
  }, async (root) => {
    const results = await collect([join(root, 'mirror')]);
    assert.deepEqual(errorsOf(results), []);
    const skills = skillsOf(results);
    assert.deepEqual(skills.map((s) => s.name).sort(), ['four', 'one', 'three', 'two']);
    const one = skills.find((s) => s.name === 'one')!;
    assert.ok(one.files.some((f) => f.path === 'nested/SKILL.md'), 'a nested skill folder belongs to the outer skill');
    assert.equal(skills.find((s) => s.name === 'two')?.manifest.file, 'skill.md');
  }));

test('name falls back to the folder name when the manifest has none', () =>
  withTree({ 'unnamed/SKILL.md': '# no frontmatter\n' }, async (root) => {
    const [result] = await collect([join(root, 'unnamed')]);
    assert.ok(result?.ok);
    assert.equal(result.skill.name, 'unnamed');
  }));

test('several paths at once: a missing path and a folder without skills are errors, the rest load', () =>
  withTree({ 'good/SKILL.md': skillMd('good'), 'empty/notes.txt': 'nothing here' }, async (root) => {
    const results = await collect([join(root, 'missing'), join(root, 'empty'), join(root, 'good')]);
    assert.equal(results.length, 3);
    const errors = errorsOf(results);
    assert.equal(errors[0]?.path, join(root, 'missing'));
    assert.match(errors[0]!.message, /no such file/);
    assert.equal(errors[1]?.path, join(root, 'empty'));
    assert.match(errors[1]!.message, /no SKILL\.md/);
    assert.deepEqual(skillsOf(results).map((s) => s.name), ['good']);
  }));

test('a path to SKILL.md itself loads its folder', () =>
  withTree({ 'solo/SKILL.md': skillMd('solo') }, async (root) => {
    const [result] = await collect([join(root, 'solo', 'SKILL.md')]);
    assert.ok(result?.ok);
    assert.equal(result.skill.path, join(root, 'solo'));
  }));

test('symlinks in folders are never followed: inside → symlink, outside → symlink-outside', () =>
  withTree({ 'linky/SKILL.md': skillMd('linky'), 'linky/real.txt': 'hello', 'good/SKILL.md': skillMd('good') }, async (root) => {
    await symlink('real.txt', join(root, 'linky/inside'));
    await symlink('/etc/passwd', join(root, 'linky/passwd'));
    await symlink('../../outside', join(root, 'linky/up'));
    const results = await collect([root]);
    const linky = skillsOf(results).find((s) => s.name === 'linky');
    assert.deepEqual(codes(linky).sort(), ['symlink', 'symlink-outside', 'symlink-outside']);
    const passwd = linky!.files.find((f) => f.path === 'passwd');
    assert.equal(passwd?.kind, 'symlink');
    assert.equal(passwd?.linkTarget, '/etc/passwd');
    assert.equal(passwd?.text, undefined, 'the link target is not read');
    assert.ok(skillsOf(results).some((s) => s.name === 'good'));
  }));

test('an executable bit on a folder file is kept', () =>
  withTree({ 'x/SKILL.md': skillMd('x'), 'x/run.sh': '#!/bin/sh\n' }, async (root) => {
    await chmod(join(root, 'x/run.sh'), 0o755);
    const [result] = await collect([join(root, 'x')]);
    assert.ok(result?.ok);
    assert.equal(result.skill.files.find((f) => f.path === 'run.sh')?.executable, true);
  }));

test('loadSkillFromFiles builds a skill from memory with the same checks', async () => {
  const ok = await loadSkillFromFiles({ 'SKILL.md': skillMd('mem'), 'bin/tool': new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]) }, 'mem/skill');
  assert.ok(ok.ok);
  assert.equal(ok.skill.name, 'mem');
  assert.deepEqual(codes(ok.skill), ['executable-binary']);
  const missing = await loadSkillFromFiles({ 'README.md': 'x' }, 'mem/none');
  assert.equal(missing.ok, false);
  assert.ok(!missing.ok && /no SKILL\.md/.test(missing.error.message));
});

test('an empty folder given directly is an error naming it', () =>
  withTree({}, async (root) => {
    await mkdir(join(root, 'void'));
    const results = await collect([join(root, 'void')]);
    assert.equal(errorsOf(results)[0]?.path, join(root, 'void'));
  }));
