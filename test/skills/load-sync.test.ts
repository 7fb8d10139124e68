// The synchronous loader a scan worker uses (loadSkillFolderSync) gives what loadSkills gives for
// the same folder, hostile ones included; findSkills finds the same skills in the same order as
// loadSkills without reading them; the reads themselves (io.ts) never follow a link or block on a
// FIFO, whichever driver runs them.

import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { findSkills, loadSkillFolderSync } from '../../src/skills/index.ts';
import type { LoadOptions } from '../../src/skills/index.ts';
import { fileOf, runAsync, runSync, type KeepPlan } from '../../src/skills/io.ts';
import { collect, makeZip, skillMd, withTree } from './helpers.ts';

const asUnprivileged = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

/** One skill folder each; `options` lowers a cap so it acts on a small tree. */
const cases: { name: string; files: Record<string, string | Uint8Array>; options?: LoadOptions; codes: string[] }[] = [
  { name: 'plain', files: { 'SKILL.md': skillMd('plain'), 'scripts/run.sh': '#!/bin/sh\necho hi\n', 'ref/a.md': '# a\n' }, codes: [] },
  { name: 'invalid UTF-8 and a NUL in a script', files: { 'SKILL.md': skillMd('bytes'), 'bad.txt': Buffer.from([0x68, 0xff, 0xfe, 0x69]), 'x.sh': 'echo a\0b\n' }, codes: ['invalid-utf8'] },
  { name: 'a file over the analysis cap', files: { 'SKILL.md': skillMd('big'), 'data.txt': 'a'.repeat(5000) + 'TAIL' }, options: { maxAnalyzedBytes: 4096 }, codes: ['file-too-large'] },
  { name: 'a skill over the byte budget', files: { 'SKILL.md': skillMd('fat'), 'a.txt': 'a'.repeat(3000), 'b.txt': 'b'.repeat(3000) }, options: { maxArchiveBytes: 4000 }, codes: ['skill-too-large'] },
  { name: 'too many files', files: { 'SKILL.md': skillMd('many'), ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f/${i}.txt`, `${i}`])) }, options: { maxFiles: 5 }, codes: ['too-many-files'] },
  { name: 'an ELF binary and a nested zip', files: { 'SKILL.md': skillMd('bin'), 'tool': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), 'more.zip': makeZip([{ name: 'x.txt', data: 'x' }]) }, codes: ['executable-binary', 'nested-archive'] },
  { name: 'broken YAML', files: { 'SKILL.md': '---\nname: [unclosed\n---\nbody\n' }, codes: ['frontmatter-invalid'] },
];

async function bothWays(dir: string, options?: LoadOptions) {
  const [viaAsync] = await collect([dir], options);
  return { viaSync: loadSkillFolderSync(dir, options), viaAsync };
}

describe('loadSkillFolderSync matches loadSkills', () => {
  for (const c of cases) {
    it(c.name, () =>
      withTree(Object.fromEntries(Object.entries(c.files).map(([p, d]) => [`s/${p}`, d])), async (root) => {
        const { viaSync, viaAsync } = await bothWays(join(root, 's'), c.options);
        assert.deepEqual(viaSync, viaAsync);
        assert.ok(viaSync.ok);
        assert.deepEqual([...new Set(viaSync.skill.issues.map((i) => i.code))].sort(), [...c.codes].sort());
      }));
  }

  it('symlinks (inside, outside, a linked manifest) and a FIFO', () =>
    withTree({ 'links/SKILL.md': skillMd('links'), 'links/real.txt': 'r', 'outside.txt': 'CANARY', 'lm/real.md': skillMd('lm') }, async (root) => {
      await symlink('real.txt', join(root, 'links/in'));
      await symlink(join(root, 'outside.txt'), join(root, 'links/out'));
      execFileSync('mkfifo', [join(root, 'links/pipe')]);
      await symlink('real.md', join(root, 'lm/SKILL.md'));
      const links = await bothWays(join(root, 'links'));
      assert.deepEqual(links.viaSync, links.viaAsync);
      assert.ok(links.viaSync.ok);
      assert.deepEqual(links.viaSync.skill.files.map((f) => `${f.path}:${f.kind}`), ['SKILL.md:text', 'in:symlink', 'out:symlink', 'real.txt:text']);
      assert.ok(!links.viaSync.skill.files.some((f) => f.text?.includes('CANARY')));
      const linked = await bothWays(join(root, 'lm'));
      assert.deepEqual(linked.viaSync, linked.viaAsync);
      assert.match(linked.viaSync.ok ? '' : linked.viaSync.error.message, /is a symlink/);
    }));

  it('a folder whose SKILL.md is a folder, and a folder gone since it was found, are errors naming them', () =>
    withTree({ 'odd/SKILL.md/inner.txt': 'x' }, async (root) => {
      const { viaSync, viaAsync } = await bothWays(join(root, 'odd'));
      assert.deepEqual(viaSync, viaAsync);
      assert.deepEqual(viaSync, { ok: false, error: { path: join(root, 'odd'), message: `no SKILL.md at the top of ${join(root, 'odd')}` } });
      assert.deepEqual(loadSkillFolderSync(join(root, 'gone')), { ok: false, error: { path: join(root, 'gone'), message: 'cannot read skill folder: no such file or directory' } });
    }));

  // Root reads through chmod 000, so as root the loader runs in a child process as `nobody`.
  it('an unreadable file is an error naming the folder, and findSkills names an unreadable folder in a mirror', () =>
    withTree({ 'locked/SKILL.md': skillMd('locked'), 'locked/run.sh': 'echo secret\n', 'mirror/closed/x/SKILL.md': skillMd('x'), 'mirror/open/y/SKILL.md': skillMd('y') }, async (root) => {
      await chmod(root, 0o755);
      await chmod(join(root, 'locked/run.sh'), 0o000);
      await chmod(join(root, 'mirror/closed'), 0o000);
      const script = `import { findSkills, loadSkillFolderSync } from ${JSON.stringify(new URL('../../src/skills/index.ts', import.meta.url).href)};
        const found = [];
        for await (const f of findSkills([process.argv[2]])) found.push(f);
        process.stdout.write(JSON.stringify({ locked: loadSkillFolderSync(process.argv[1]), found }));`;
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, join(root, 'locked'), join(root, 'mirror')], asUnprivileged);
      const { locked, found } = JSON.parse(stdout);
      assert.deepEqual(locked, { ok: false, error: { path: join(root, 'locked'), message: 'cannot read skill folder: permission denied' } });
      assert.deepEqual(found, [
        { ok: false, error: { path: join(root, 'mirror/closed'), message: 'cannot read folder: permission denied' } },
        { folder: join(root, 'mirror/open/y') },
      ]);
    }));
});

describe('findSkills', () => {
  it('gives skill folders unread, in loadSkills order, with bundles and errors in place', () =>
    withTree({ 'm/a/one/SKILL.md': skillMd('one'), 'm/b.zip': makeZip([{ name: 'SKILL.md', data: skillMd('zipped') }]), 'm/c/two/SKILL.md': skillMd('two'), 'm/d.zip': 'not a zip' }, async (root) => {
      const inputs = [join(root, 'm'), join(root, 'missing')];
      const found = [];
      for await (const f of findSkills(inputs)) found.push(f);
      const loaded = await collect(inputs);
      assert.deepEqual(found.map((f) => ('folder' in f ? f.folder : f.ok ? f.skill.path : f.error.path)), loaded.map((r) => (r.ok ? r.skill.path : r.error.path)));
      assert.deepEqual(found.map((f) => ('folder' in f ? 'folder' : f.ok ? 'skill' : 'error')), ['folder', 'skill', 'folder', 'error', 'error']);
      assert.deepEqual(found.filter((f) => !('folder' in f)), loaded.filter((r) => !r.ok || r.skill.path.endsWith('.zip')));
    }));
});

describe('file reads (both drivers)', () => {
  const drivers = { sync: (path: string, keep: KeepPlan) => runSync(fileOf(path, keep)), async: (path: string, keep: KeepPlan) => runAsync(fileOf(path, keep)) };

  for (const [name, run] of Object.entries(drivers)) {
    it(`${name}: a symlink is not read through and a FIFO fails at once`, () =>
      withTree({ 'target.txt': 'CANARY' }, async (root) => {
        await symlink(join(root, 'target.txt'), join(root, 'link'));
        execFileSync('mkfifo', [join(root, 'pipe')]);
        await assert.rejects(async () => run(join(root, 'link'), () => Infinity), { code: 'ELOOP' });
        await assert.rejects(async () => run(join(root, 'pipe'), () => Infinity), { code: 'ENOTREG' });
      }));

    it(`${name}: keeps the planned head and hashes the whole file`, () =>
      withTree({}, async (root) => {
        await mkdir(join(root, 'd'));
        const body = Buffer.from('x'.repeat(200_000) + 'END');
        await writeFile(join(root, 'd/big'), body, { mode: 0o755 });
        let seen = -1;
        const head = await run(join(root, 'd/big'), (size) => ((seen = size), 10));
        assert.equal(seen, body.length);
        assert.equal(Buffer.from(head.data).toString(), 'xxxxxxxxxx');
        assert.deepEqual(head.whole, { size: body.length, sha256: execFileSync('sha256sum', [join(root, 'd/big')]).toString().split(' ')[0] });
        assert.equal(head.mode & 0o111, 0o111);
        const whole = await run(join(root, 'd/big'), () => Infinity);
        assert.deepEqual(Buffer.from(whole.data), body);
        assert.equal(whole.whole, undefined);
      }));
  }
});
