import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { codes, collect, errorsOf, makeTar, makeTgz, makeZip, skillMd, skillsOf, withTree } from './helpers.ts';

const files = { 'SKILL.md': skillMd('packed'), 'scripts/run.sh': '#!/bin/sh\necho packed\n' };

test('zip, tgz, tar.gz and tar bundles load, with the same fingerprint as the folder', () =>
  withTree({ 'folder/SKILL.md': files['SKILL.md'], 'folder/scripts/run.sh': files['scripts/run.sh'] }, async (root) => {
    const entries = Object.entries(files).map(([name, data]) => ({ name, data }));
    await writeFile(join(root, 'a.zip'), makeZip(entries.map((e) => ({ ...e, deflate: true }))));
    await writeFile(join(root, 'b.tgz'), makeTgz(entries));
    await writeFile(join(root, 'c.tar.gz'), makeTgz(entries));
    await writeFile(join(root, 'd.tar'), makeTar(entries));
    const inputs = ['a.zip', 'b.tgz', 'c.tar.gz', 'd.tar', 'folder'].map((p) => join(root, p));
    const results = await collect(inputs);
    assert.deepEqual(errorsOf(results), []);
    const skills = skillsOf(results);
    assert.deepEqual(skills.map((s) => s.path), inputs);
    assert.ok(skills.every((s) => s.name === 'packed'));
    assert.equal(new Set(skills.map((s) => s.hash)).size, 1, 'same files, same fingerprint');
    assert.ok(skills.every((s) => s.files.find((f) => f.path === 'scripts/run.sh')?.text === files['scripts/run.sh']));
  }));

test("a bundle's single top-level folder is the skill root", () =>
  withTree({}, async (root) => {
    await writeFile(join(root, 'one.zip'), makeZip([{ name: 'myskill/SKILL.md', data: skillMd('mine') }, { name: 'myskill/a.txt', data: 'a' }]));
    const [result] = await collect([join(root, 'one.zip')]);
    assert.ok(result?.ok);
    assert.equal(result.skill.path, join(root, 'one.zip'));
    assert.deepEqual(result.skill.files.map((f) => f.path), ['SKILL.md', 'a.txt']);
  }));

test('a bundle holding several skills yields bundle!dir paths', () =>
  withTree({}, async (root) => {
    await writeFile(join(root, 'many.tgz'), makeTgz([
      { name: 'alice/one/SKILL.md', data: skillMd('one') },
      { name: 'bob/two/SKILL.md', data: skillMd('two') },
      { name: 'bob/two/x.py', data: 'print(1)\n' },
    ]));
    const results = await collect([join(root, 'many.tgz')]);
    assert.deepEqual(skillsOf(results).map((s) => s.path), [join(root, 'many.tgz!alice/one'), join(root, 'many.tgz!bob/two')]);
    assert.deepEqual(skillsOf(results)[1]?.files.map((f) => f.path), ['SKILL.md', 'x.py']);
  }));

test('a folder mixing bundles and skill folders loads all of them', () =>
  withTree({ 'mix/plain/SKILL.md': skillMd('plain') }, async (root) => {
    await writeFile(join(root, 'mix/z.zip'), makeZip([{ name: 'SKILL.md', data: skillMd('zipped') }]));
    await writeFile(join(root, 'mix/t.tgz'), makeTgz([{ name: 'SKILL.md', data: skillMd('tarred') }]));
    const results = await collect([join(root, 'mix')]);
    assert.deepEqual(skillsOf(results).map((s) => s.name).sort(), ['plain', 'tarred', 'zipped']);
  }));

test('corrupt and empty bundles are LoadErrors naming the file; the batch goes on', () =>
  withTree({ 'good/SKILL.md': skillMd('good') }, async (root) => {
    await writeFile(join(root, 'bad.zip'), Buffer.from('PK\u0003\u0004 this is not really a zip'));
    await writeFile(join(root, 'bad.tgz'), Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]));
    await writeFile(join(root, 'noskill.zip'), makeZip([{ name: 'README.md', data: 'hi' }]));
    const results = await collect([root]);
    const errors = errorsOf(results);
    assert.deepEqual(errors.map((e) => e.path), ['bad.tgz', 'bad.zip', 'noskill.zip'].map((p) => join(root, p)));
    assert.match(errors[0]!.message, /cannot read bundle/);
    assert.match(errors[2]!.message, /no SKILL\.md/);
    assert.deepEqual(skillsOf(results).map((s) => s.name), ['good']);
  }));

test('tar mode bits survive as executable', () =>
  withTree({}, async (root) => {
    await writeFile(join(root, 'x.tar'), makeTar([{ name: 'SKILL.md', data: skillMd('x') }, { name: 'run.sh', data: '#!/bin/sh\n', mode: 0o755 }]));
    const [result] = await collect([join(root, 'x.tar')]);
    assert.ok(result?.ok);
    assert.equal(result.skill.files.find((f) => f.path === 'run.sh')?.executable, true);
    assert.deepEqual(codes(result.skill), []);
  }));

test('results come in discovery order whatever the concurrency', () =>
  withTree(Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`tree/s${String(i).padStart(2, '0')}/SKILL.md`, skillMd(`s${i}`)])), async (root) => {
    await writeFile(join(root, 'tree/m.zip'), makeZip([{ name: 'SKILL.md', data: skillMd('zipped') }]));
    const expected = [...Array.from({ length: 40 }, (_, i) => join(root, 'tree', `s${String(i).padStart(2, '0')}`))];
    expected.splice(0, 0, join(root, 'tree/m.zip'));
    for (const concurrency of [1, 7, 64]) {
      const paths = skillsOf(await collect([join(root, 'tree')], { concurrency })).map((s) => s.path);
      assert.deepEqual(paths, expected, `concurrency ${concurrency}`);
    }
  }));
