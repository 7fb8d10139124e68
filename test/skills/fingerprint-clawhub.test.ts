// The content hash against ClawHub itself. GOLDEN was computed by running ClawHub's own
// hashSkillFiles/buildSkillFingerprint and its folder walk (openclaw/clawhub packages/clawhub/src/skills.ts
// at 64db9c3fae6632758f35f3d3e8089469c0ae808b) over `tree` below written to disk with the symlink, under
// Node's en-US collation. The same skill as a folder, a zip (flat or with one top folder) and a tgz must
// give exactly that hash, on any host locale.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { loadSkillFromFiles } from '../../src/skills/index.ts';
import { collect, errorsOf, makeTar, makeTgz, makeZip, skillsOf, withTree } from './helpers.ts';

const GOLDEN = '3a40aad9f5feff83975cdbc55ee1831002dcf11718d653a91e59032c6f7e239a';

const tree: Record<string, string | Uint8Array> = {
  'SKILL.md': '---\nname: golden\ndescription: Golden vector for the ClawHub fingerprint.\n---\n\n# Golden\n',
  'README.md': 'Read me.\n',
  'scripts/run.sh': '#!/bin/sh\necho golden\n',
  'a_b.txt': 'underscore\n',
  'a-b.txt': 'hyphen\n',
  'b/c.txt': 'nested\n',
  'Zeta.md': 'upper Z\n',
  'ünï.md': 'accents\n',
  'y.md': 'why\n',
  'assets/logo.bin': Uint8Array.from([0, 1, 2, 3, 255]),
  // Left out of the fingerprint by ClawHub: dot segments anywhere, node_modules.
  '.env': 'SECRET=x\n',
  '.clawhub/origin.json': '{}\n',
  'docs/.hidden/x.md': 'hidden\n',
  'node_modules/pkg/index.js': 'module.exports = 1;\n',
};

const sha = (d: string | Uint8Array) => createHash('sha256').update(d).digest('hex');

/** The algorithm written out from its description, with an explicit en-US collator. */
function independent(files: Record<string, string | Uint8Array>): string {
  const collator = new Intl.Collator('en-US');
  const lines = Object.entries(files)
    .filter(([path]) => !path.split('/').some((s) => s.startsWith('.') || s === 'node_modules'))
    .map(([path, data]) => ({ path, line: `${path}:${sha(data)}` }))
    .sort((a, b) => collator.compare(a.path, b.path))
    .map((x) => x.line);
  return sha(lines.join('\n'));
}

const entries = (prefix = '') => Object.entries(tree).map(([name, data]) => ({ name: prefix + name, data }));

describe('fingerprint against ClawHub', () => {
  it('the independent computation gives the golden value', () => {
    assert.equal(independent(tree), GOLDEN);
  });

  it('folder, flat zip, zip with a top folder, tgz and tar give the golden value', () =>
    withTree(Object.fromEntries(entries('folder/').map((e) => [e.name, e.data])), async (root) => {
      await symlink('README.md', join(root, 'folder', 'link.md'));
      await writeFile(join(root, 'flat.zip'), makeZip(entries().map((e) => ({ ...e, deflate: true }))));
      await writeFile(join(root, 'top.zip'), makeZip(entries('golden-1.0.0/')));
      await writeFile(join(root, 'top.tgz'), makeTgz([...entries('package/'), { name: 'package/link.md', type: '2', linkname: 'README.md' }]));
      await writeFile(join(root, 'flat.tar'), makeTar(entries()));
      const inputs = ['folder', 'flat.zip', 'top.zip', 'top.tgz', 'flat.tar'].map((p) => join(root, p));
      const results = await collect(inputs);
      assert.deepEqual(errorsOf(results), []);
      const skills = skillsOf(results);
      assert.deepEqual(skills.map((s) => [s.path, s.hash]), inputs.map((p) => [p, GOLDEN]));
      // Files left out of the hash are still loaded (and scanned) from bundles.
      const zip = skills[1]!;
      assert.ok(zip.files.some((f) => f.path === '.env') && zip.files.some((f) => f.path === 'node_modules/pkg/index.js'));
      assert.equal(skills[0]!.files.find((f) => f.path === 'link.md')?.kind, 'symlink');
    }));

  it('a change to any counted file changes the hash; a change to a left-out file does not', async () => {
    const hashOf = async (files: Record<string, string | Uint8Array>) => {
      const r = await loadSkillFromFiles(files, 'mem/golden');
      assert.ok(r.ok);
      return r.skill.hash;
    };
    assert.equal(await hashOf(tree), GOLDEN);
    assert.notEqual(await hashOf({ ...tree, 'b/c.txt': 'nested!\n' }), GOLDEN);
    assert.notEqual(await hashOf({ ...tree, 'new.txt': '' }), GOLDEN, 'an empty file counts');
    assert.equal(await hashOf({ ...tree, '.env': 'SECRET=changed\n', 'node_modules/pkg/index.js': '' }), GOLDEN);
  });

  it('does not depend on the host locale (ClawHub\'s bare localeCompare does)', async () => {
    const script = `import { loadSkillFromFiles } from ${JSON.stringify(new URL('../../src/skills/index.ts', import.meta.url).href)};
      const files = JSON.parse(process.argv[1]);
      files['assets/logo.bin'] = Uint8Array.from(files['assets/logo.bin']);
      const r = await loadSkillFromFiles(files, 'mem/golden');
      process.stdout.write(JSON.stringify([new Intl.Collator().resolvedOptions().locale, r.ok ? r.skill.hash : r.error.message]));`;
    const files = { ...tree, 'assets/logo.bin': [...(tree['assets/logo.bin'] as Uint8Array)] };
    // sv_SE sorts "ü" after "y": ClawHub's own code gives this tree 73e4d73c… there.
    for (const locale of ['sv_SE.UTF-8']) {
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(files)], {
        env: { ...process.env, LANG: locale, LC_ALL: locale },
      });
      const [resolved, hash] = JSON.parse(stdout) as [string, string];
      assert.notEqual(resolved, 'en-US', `the child really runs under ${locale}`);
      assert.equal(hash, GOLDEN, locale);
    }
  });
});
