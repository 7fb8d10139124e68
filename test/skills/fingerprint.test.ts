import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { fingerprint, loadSkillFromFiles } from '../../src/skills/index.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

test('fingerprint: SHA-256 of sorted "path:sha256" lines joined by \\n, no trailing newline', () => {
  const files = [
    { path: 'scripts/run.sh', sha256: sha('echo hi\n') },
    { path: 'SKILL.md', sha256: sha('---\nname: a\n---\n') },
    { path: 'README.md', sha256: sha('readme') },
  ];
  // localeCompare order: README.md, scripts/run.sh, SKILL.md ("sc" < "sk" ignoring case).
  const payload = [files[2]!, files[0]!, files[1]!].map((f) => `${f.path}:${f.sha256}`).join('\n');
  assert.equal(fingerprint(files), sha(payload));
  assert.notEqual(fingerprint(files), sha(payload + '\n'));
});

test('fingerprint: order of input does not matter; content does', () => {
  const a = [{ path: 'a.txt', sha256: sha('1') }, { path: 'b.txt', sha256: sha('2') }];
  assert.equal(fingerprint(a), fingerprint([...a].reverse()));
  assert.notEqual(fingerprint(a), fingerprint([a[0]!, { path: 'b.txt', sha256: sha('3') }]));
});

test('fingerprint: fixed vector', () => {
  // Computed by hand from the documented algorithm: sha256("SKILL.md:" + sha256("x")).
  const vector = sha(`SKILL.md:${sha('x')}`);
  assert.equal(fingerprint([{ path: 'SKILL.md', sha256: sha('x') }]), vector);
  assert.equal(vector, createHash('sha256').update('SKILL.md:2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881').digest('hex'));
});

test('fingerprint: dot paths, node_modules and symlinks are left out, as ClawHub does', () => {
  const base = [{ path: 'SKILL.md', sha256: sha('x') }];
  const extra = [
    { path: '.clawhub/origin.json', sha256: sha('o') },
    { path: 'scripts/.env', sha256: sha('e') },
    { path: 'node_modules/x/index.js', sha256: sha('n') },
    { path: 'link', sha256: sha('target'), kind: 'symlink' },
  ];
  assert.equal(fingerprint([...base, ...extra]), fingerprint(base));
});

test('fingerprint: paths sort with localeCompare (ClawHub), not by code unit', async () => {
  const result = await loadSkillFromFiles({ 'SKILL.md': 'x', 'b/c.txt': 'c' }, 'mem/s');
  assert.ok(result.ok);
  // By code unit "SKILL.md" < "b/c.txt"; localeCompare puts "b/c.txt" first.
  assert.equal(result.skill.hash, sha(`b/c.txt:${sha('c')}\nSKILL.md:${sha('x')}`));
  assert.notEqual(result.skill.hash, sha(`SKILL.md:${sha('x')}\nb/c.txt:${sha('c')}`));
});
