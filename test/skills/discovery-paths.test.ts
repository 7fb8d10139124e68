// How inputs become skill paths: a path given is reported as given (relative, trailing slash and all),
// a path found by walking is the given folder joined with what was found, in name order; bundles
// sit anywhere in a mirror; the depth limit is an honest "not found", not a silent success.

import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { collect, errorsOf, makeTgz, makeZip, skillMd, skillsOf, withTree } from './helpers.ts';

const mirror = {
  'mirror/zed/last/SKILL.md': skillMd('last'),
  'mirror/alice/one/SKILL.md': skillMd('one'),
  'mirror/alice/one/refs/SKILL.md': skillMd('inner'),
  'mirror/bob/deep/er/two/SKILL.md': skillMd('two'),
};

describe('discovery and reported paths', () => {
  it('a relative mirror path: found skills and bundles in name order, joined to the given path', () =>
    withTree(mirror, async (root) => {
      await writeFile(join(root, 'mirror/bob/packed.zip'), makeZip([{ name: 'packed-1.0.0/SKILL.md', data: skillMd('packed') }]));
      await writeFile(join(root, 'mirror/carol.tgz'), makeTgz([{ name: 'a/SKILL.md', data: skillMd('ca') }, { name: 'b/SKILL.md', data: skillMd('cb') }]));
      const given = `./${relative(process.cwd(), join(root, 'mirror'))}/`;
      const results = await collect([given]);
      assert.deepEqual(errorsOf(results), []);
      const rel = (p: string) => join(given, p);
      assert.deepEqual(skillsOf(results).map((s) => [s.path, s.name]), [
        [rel('alice/one'), 'one'],
        [rel('bob/deep/er/two'), 'two'],
        [rel('bob/packed.zip'), 'packed'],
        [`${rel('carol.tgz')}!a`, 'ca'],
        [`${rel('carol.tgz')}!b`, 'cb'],
        [rel('zed/last'), 'last'],
      ]);
    }));

  it('a skill folder, its SKILL.md and a bundle given directly keep the given spelling', () =>
    withTree(mirror, async (root) => {
      await writeFile(join(root, 'solo.tar.gz'), makeTgz([{ name: 'SKILL.md', data: skillMd('solo') }]));
      const inputs = [join(root, 'mirror/zed/last/'), join(root, 'mirror/alice/one/SKILL.md'), join(root, 'solo.tar.gz')];
      const results = await collect(inputs);
      assert.deepEqual(skillsOf(results).map((s) => [s.path, s.name]), [
        [join(root, 'mirror/zed/last/'), 'last'],
        [join(root, 'mirror/alice/one'), 'one'],
        [join(root, 'solo.tar.gz'), 'solo'],
      ]);
    }));

  it('skills below maxDepth are not found; with nothing else found that is an error naming the input', () =>
    withTree(mirror, async (root) => {
      const shallow = await collect([join(root, 'mirror')], { maxDepth: 2 });
      assert.deepEqual(skillsOf(shallow).map((s) => s.name), ['one', 'last'], 'two levels: owner/slug');
      const none = await collect([join(root, 'mirror/bob')], { maxDepth: 2 });
      assert.deepEqual(errorsOf(none).map((e) => e.path), [join(root, 'mirror/bob')]);
      assert.match(errorsOf(none)[0]!.message, /no SKILL\.md/);
    }));

  it('the same skill given twice is loaded twice, with one hash', () =>
    withTree(mirror, async (root) => {
      const results = await collect([join(root, 'mirror/zed/last'), join(root, 'mirror/zed/last')]);
      const skills = skillsOf(results);
      assert.equal(skills.length, 2);
      assert.equal(skills[0]!.hash, skills[1]!.hash);
    }));
});
