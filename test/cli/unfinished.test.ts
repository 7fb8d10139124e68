import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { benignSkill, tempDir, writeSkill } from './helpers.ts';

const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
let root = '';
before(async () => {
  root = await tempDir('unfinished');
  await writeSkill(root, 'notes', { ...benignSkill, 'scripts/format.sh': '#!/bin/sh\nwhile read -r line; do printf -- "- %s\\n" "$line"; done < "$1"\n' });
});
after(() => rm(root, { recursive: true, force: true }));

describe('a command that never finishes', () => {
  it('never ends with exit 0 and no report: either a report, or exit 70 saying the command stopped', () => {
    // With this V8 flag, Node 24's WebAssembly compilation of the grammars leaves the scan waiting
    // forever: the event loop empties before the command has answered.
    const run = spawnSync(process.execPath, ['--no-wasm-lazy-compilation', main, 'scan', join(root, 'notes'), '--format', 'json'], { encoding: 'utf8' });
    if (run.status === 0 || run.status === 1) {
      assert.equal(JSON.parse(run.stdout).skills.length, 1, 'a passing exit code comes with the report');
    } else {
      assert.equal(run.status, 70, run.stderr);
      assert.match(run.stderr, /the command stopped before it finished/);
      assert.equal(run.stdout, '');
    }
  });
});
