// The workspace file tools on a temporary workspace: reads, writes, edits and listings stay inside
// it whatever the path says (`..`, absolute paths, links planted in and out, hard links, FIFOs),
// edits need exactly one match, and large files are cut with a marker that says how to read on.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, readFileSync, statSync, chmodSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createEditTool, createListTool, createReadTool, createWriteTool } from '../../src/tools/index.ts';
import { createTestRoot, toolContext, type TestRoot } from './helpers.ts';

const read = createReadTool();
const write = createWriteTool();
const edit = createEditTool();
const list = createListTool();

let root: TestRoot;
let outsideDir: string;
let outsideFile: string;

before(() => {
  root = createTestRoot('files');
  outsideDir = join(root.root, 'outside');
  mkdirSync(outsideDir);
  outsideFile = join(outsideDir, 'secret.txt');
  writeFileSync(outsideFile, 'host only\n');
});
after(() => root.remove());

function workspace(files: Record<string, string> = {}): string {
  const ws = root.workspace();
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(ws, name, '..'), { recursive: true });
    writeFileSync(join(ws, name), content);
  }
  return ws;
}

describe('read', () => {
  test('reads a file by relative path, and by absolute path inside the workspace', async () => {
    const ws = workspace({ 'notes/a.txt': 'one\ntwo\nthree\n' });
    const relative = await read.run({ path: 'notes/a.txt' }, toolContext(ws));
    assert.equal(relative.ok, true);
    assert.equal(relative.content, 'one\ntwo\nthree\n');
    const absolute = await read.run({ path: join(ws, 'notes/a.txt') }, toolContext(ws));
    assert.equal(absolute.content, 'one\ntwo\nthree\n');
  });

  test('offset and limit select lines; a cut says which offset reads on', async () => {
    const ws = workspace({ 'a.txt': 'l1\nl2\nl3\nl4\nl5' });
    const middle = await read.run({ path: 'a.txt', offset: 2, limit: 2 }, toolContext(ws));
    assert.match(middle.content, /^l2\nl3\n\n\[… more lines follow: showed lines 2–3 of a\.txt; call read with offset=4/);
    const tail = await read.run({ path: 'a.txt', offset: 4 }, toolContext(ws));
    assert.equal(tail.content, 'l4\nl5');
    assert.deepEqual([tail.data?.firstLine, tail.data?.lastLine], [4, 5]);
    const past = await read.run({ path: 'a.txt', offset: 9 }, toolContext(ws));
    assert.equal(past.ok, false);
    assert.equal(past.data?.error, 'past-end');
  });

  test('a file over the byte cap is cut at a line boundary and the marker’s offset continues exactly', async () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => `line ${String(i + 1).padStart(6, '0')} ${'x'.repeat(20)}`);
    const ws = workspace({ 'big.txt': `${lines.join('\n')}\n` });
    const first = await read.run({ path: 'big.txt', limit: 100_000 }, toolContext(ws));
    assert.equal(first.ok, true);
    const marker = /\[… cut at 256\.0 KiB: showed lines 1–(\d+) of big\.txt \([\d.]+ MiB\); call read with offset=(\d+) to read on\]$/.exec(first.content);
    assert.ok(marker, first.content.slice(-200));
    const shown = Number(marker[1]);
    assert.equal(Number(marker[2]), shown + 1);
    assert.ok(first.content.length <= 256 * 1024 + 200);
    assert.ok(first.content.startsWith(`${lines.slice(0, shown).join('\n')}\n`));
    const next = await read.run({ path: 'big.txt', offset: shown + 1, limit: 1 }, toolContext(ws));
    assert.ok(next.content.startsWith(`${lines[shown]}\n`));
  });

  test('a single line longer than the cap is cut and marked', async () => {
    const ws = workspace({ 'long.txt': `${'y'.repeat(300 * 1024)}\nafter\n` });
    const result = await read.run({ path: 'long.txt' }, toolContext(ws));
    assert.equal(result.data?.cut, 'long-line');
    assert.match(result.content, /line 1 of long\.txt is longer than 256\.0 KiB and was cut; read on with offset=2/);
  });

  test('binary files are described, not shown', async () => {
    const ws = workspace();
    writeFileSync(join(ws, 'blob.bin'), Buffer.from([0x7f, 0x45, 0x00, 0x01, 0x02]));
    const result = await read.run({ path: 'blob.bin' }, toolContext(ws));
    assert.equal(result.data?.binary, true);
    assert.match(result.content, /blob\.bin is a binary file \(5 B\)/);
  });

  const refusals: Array<[string, (ws: string) => string, string]> = [
    ['a missing file', () => 'nope/missing.txt', 'not-found'],
    ['a directory', (ws) => (mkdirSync(join(ws, 'd')), 'd'), 'is-directory'],
    ['.. above the root', () => '../outside/secret.txt', 'outside-workspace'],
    ['.. hidden in the middle', () => 'a/../../outside/secret.txt', 'outside-workspace'],
    ['an absolute path outside', () => outsideFile, 'outside-workspace'],
    ['/etc/passwd', () => '/etc/passwd', 'outside-workspace'],
    ['a link to an absolute path outside', (ws) => (symlinkSync(outsideFile, join(ws, 'l')), 'l'), 'outside-workspace'],
    ['a relative link that climbs out', (ws) => (symlinkSync('../outside/secret.txt', join(ws, 'l')), 'l'), 'outside-workspace'],
    ['a directory link that leads out', (ws) => (symlinkSync(outsideDir, join(ws, 'd')), 'd/secret.txt'), 'outside-workspace'],
    ['a link chain that ends outside', (ws) => (symlinkSync('b', join(ws, 'a')), symlinkSync('/etc/passwd', join(ws, 'b')), 'a'), 'outside-workspace'],
    ['a link loop', (ws) => (symlinkSync('b', join(ws, 'a')), symlinkSync('a', join(ws, 'b')), 'a'), 'too-many-links'],
    ['a FIFO (no hang)', (ws) => (execFileSync('mkfifo', [join(ws, 'pipe')]), 'pipe'), 'not-regular-file'],
    ['a file used as a directory', (ws) => (writeFileSync(join(ws, 'f'), 'x'), 'f/inner'), 'not-a-directory'],
  ];
  for (const [name, setup, code] of refusals) {
    test(`refuses ${name}`, async () => {
      const ws = workspace();
      const result = await read.run({ path: setup(ws) }, toolContext(ws));
      assert.equal(result.ok, false, result.content);
      assert.equal(result.data?.error, code, result.content);
      assert.doesNotMatch(result.content, /host only/);
    });
  }

  test('links that stay inside are followed (file and directory links, relative and absolute)', async () => {
    const ws = workspace({ 'notes/a.txt': 'inside\n' });
    symlinkSync('notes/a.txt', join(ws, 'rel'));
    symlinkSync(join(ws, 'notes'), join(ws, 'abs-dir'));
    symlinkSync('../notes/a.txt', join(ws, 'notes-link'));
    mkdirSync(join(ws, 'sub'));
    symlinkSync('../notes/a.txt', join(ws, 'sub/up'));
    for (const path of ['rel', 'abs-dir/a.txt', 'sub/up']) {
      const result = await read.run({ path }, toolContext(ws));
      assert.equal(result.content, 'inside\n', path);
      assert.equal(result.data?.path, 'notes/a.txt');
    }
  });

  test('bad arguments name the argument', async () => {
    const ws = workspace();
    for (const args of [{}, { path: 3 }, { path: 'a', offset: 0 }, { path: 'a', limit: 'ten' }]) {
      const result = await read.run(args, toolContext(ws));
      assert.equal(result.data?.error, 'bad-argument', JSON.stringify(args));
      assert.match(result.content, /argument "(path|offset|limit)"/);
    }
  });
});

describe('write', () => {
  test('creates a file and its directories, then replaces it keeping its mode', async () => {
    const ws = workspace();
    const created = await write.run({ path: 'out/deep/x.txt', content: 'hello' }, toolContext(ws));
    assert.equal(created.ok, true, created.content);
    assert.equal(created.data?.created, true);
    assert.equal(readFileSync(join(ws, 'out/deep/x.txt'), 'utf8'), 'hello');
    chmodSync(join(ws, 'out/deep/x.txt'), 0o750);
    const replaced = await write.run({ path: 'out/deep/x.txt', content: '' }, toolContext(ws));
    assert.equal(replaced.data?.created, false);
    assert.equal(readFileSync(join(ws, 'out/deep/x.txt'), 'utf8'), '');
    assert.equal(statSync(join(ws, 'out/deep/x.txt')).mode & 0o777, 0o750);
  });

  const planted: Array<[string, (ws: string) => string]> = [
    ['a link to a file outside', (ws) => (symlinkSync(outsideFile, join(ws, 'evil')), 'evil')],
    ['a dangling link whose target would be outside', (ws) => (symlinkSync(join(outsideDir, 'new.txt'), join(ws, 'evil')), 'evil')],
    ['a directory link leading out', (ws) => (symlinkSync(outsideDir, join(ws, 'd')), 'd/secret.txt')],
    ['a relative link climbing out', (ws) => (mkdirSync(join(ws, 'sub')), symlinkSync('../../outside/secret.txt', join(ws, 'sub/evil')), 'sub/evil')],
  ];
  for (const [name, setup] of planted) {
    test(`does not write through ${name}`, async () => {
      const ws = workspace();
      const result = await write.run({ path: setup(ws), content: 'pwned' }, toolContext(ws));
      assert.equal(result.ok, false);
      assert.equal(result.data?.error, 'outside-workspace');
      assert.equal(readFileSync(outsideFile, 'utf8'), 'host only\n');
      assert.equal(existsSync(join(outsideDir, 'new.txt')), false);
    });
  }

  test('a hard link to an outside file is replaced, not written through', async () => {
    const ws = workspace();
    const victim = join(outsideDir, 'victim.txt');
    writeFileSync(victim, 'untouched');
    linkSync(victim, join(ws, 'hard'));
    const result = await write.run({ path: 'hard', content: 'new' }, toolContext(ws));
    assert.equal(result.ok, true);
    assert.equal(readFileSync(victim, 'utf8'), 'untouched');
    assert.equal(readFileSync(join(ws, 'hard'), 'utf8'), 'new');
  });

  test('a link that stays inside is written through to its target', async () => {
    const ws = workspace({ 'notes/a.txt': 'old' });
    symlinkSync('notes/a.txt', join(ws, 'alias'));
    const result = await write.run({ path: 'alias', content: 'new' }, toolContext(ws));
    assert.equal(result.data?.path, 'notes/a.txt');
    assert.equal(readFileSync(join(ws, 'notes/a.txt'), 'utf8'), 'new');
  });

  test('refuses content over the cap, a directory, and the workspace itself', async () => {
    const ws = workspace({ 'd/x': '' });
    const small = createWriteTool({ maxBytes: 10 });
    assert.equal((await small.run({ path: 'f', content: 'x'.repeat(11) }, toolContext(ws))).data?.error, 'too-large');
    assert.equal((await write.run({ path: 'd', content: 'x' }, toolContext(ws))).data?.error, 'is-directory');
    assert.equal((await write.run({ path: '.', content: 'x' }, toolContext(ws))).data?.error, 'is-workspace');
  });
});

describe('edit', () => {
  const ORIGINAL = 'alpha beta gamma beta';
  const cases: Array<[string, Record<string, unknown>, string | undefined, string]> = [
    ['exactly one match', { old_string: 'gamma', new_string: 'GAMMA' }, undefined, 'alpha beta GAMMA beta'],
    ['no match', { old_string: 'delta', new_string: 'x' }, 'no-match', ORIGINAL],
    ['two matches', { old_string: 'beta', new_string: 'B' }, 'ambiguous-match', ORIGINAL],
    ['two matches with replace_all', { old_string: 'beta', new_string: 'B', replace_all: true }, undefined, 'alpha B gamma B'],
    ['the same old and new string', { old_string: 'beta', new_string: 'beta' }, 'bad-argument', ORIGINAL],
    ['an empty old string', { old_string: '', new_string: 'x' }, 'bad-argument', ORIGINAL],
  ];
  for (const [name, args, error, expected] of cases) {
    test(name, async () => {
      const ws = workspace({ 'f.txt': ORIGINAL });
      const result = await edit.run({ path: 'f.txt', ...args }, toolContext(ws));
      assert.equal(result.ok, error === undefined, result.content);
      assert.equal(result.data?.error, error);
      assert.equal(readFileSync(join(ws, 'f.txt'), 'utf8'), expected);
    });
  }

  test('the ambiguous-match message gives the count', async () => {
    const ws = workspace({ 'f.txt': 'x y x' });
    const result = await edit.run({ path: 'f.txt', old_string: 'x', new_string: 'z' }, toolContext(ws));
    assert.equal(result.data?.matches, 2);
    assert.match(result.content, /occurs 2 times in f\.txt/);
  });

  test('edit keeps $ patterns in the new string literal', async () => {
    const ws = workspace({ 'f.txt': 'cost: X' });
    await edit.run({ path: 'f.txt', old_string: 'X', new_string: "$& and $1 and $'" }, toolContext(ws));
    assert.equal(readFileSync(join(ws, 'f.txt'), 'utf8'), "cost: $& and $1 and $'");
  });

  test('refuses a file over the cap and a link that leads out', async () => {
    const ws = workspace({ 'f.txt': 'x'.repeat(100) });
    symlinkSync(outsideFile, join(ws, 'evil'));
    const small = createEditTool({ maxBytes: 50 });
    assert.equal((await small.run({ path: 'f.txt', old_string: 'x', new_string: 'y', replace_all: true }, toolContext(ws))).data?.error, 'too-large');
    assert.equal((await edit.run({ path: 'evil', old_string: 'host', new_string: 'pwned' }, toolContext(ws))).data?.error, 'outside-workspace');
    assert.equal(readFileSync(outsideFile, 'utf8'), 'host only\n');
  });
});

describe('list', () => {
  test('lists one level by default, deeper with depth, filtered with a glob', async () => {
    const ws = workspace({ 'a.md': '# a', 'src/b.ts': 'x', 'src/deep/c.md': 'c' });
    const top = await list.run({}, toolContext(ws));
    assert.deepEqual(top.content.split('\n'), ['a.md  (3 B)', 'src/']);
    const deep = await list.run({ path: 'src', depth: 2 }, toolContext(ws));
    assert.deepEqual(deep.content.split('\n'), ['b.ts  (1 B)', 'deep/', 'deep/c.md  (1 B)']);
    const md = await list.run({ glob: '**/*.md' }, toolContext(ws));
    assert.deepEqual(md.content.split('\n'), ['a.md  (3 B)', 'src/deep/c.md  (1 B)']);
  });

  test('shows links with their targets and never walks a link out', async () => {
    const ws = workspace({ 'in.txt': 'x' });
    symlinkSync(outsideDir, join(ws, 'out'));
    const result = await list.run({ depth: 3 }, toolContext(ws));
    assert.deepEqual(result.content.split('\n'), ['in.txt  (1 B)', `out -> ${outsideDir}`]);
    assert.equal((await list.run({ path: 'out' }, toolContext(ws))).data?.error, 'outside-workspace');
    assert.equal((await list.run({ path: '..' }, toolContext(ws))).data?.error, 'outside-workspace');
  });

  test('stops at the entry cap with a marker', async () => {
    const ws = workspace(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${String(i).padStart(2, '0')}`, ''])));
    const result = await createListTool({ maxEntries: 5 }).run({}, toolContext(ws));
    assert.equal(result.data?.entries, 5);
    assert.match(result.content, /stopped at 5 entries/);
  });
});
