// `warden init` writes the starter files once and never over an existing file; `warden chat` and
// `warden approvals` explain a missing model section or policy file instead of failing obscurely.

import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runWarden, tempDir } from './helpers.ts';

describe('warden init / chat / approvals on bad setups', () => {
  it('init writes warden.yaml and policy.yaml, then keeps them', async () => {
    const dir = await tempDir('init');
    try {
      const first = await runWarden(['init'], { cwd: dir });
      assert.equal(first.code, 0);
      assert.match(first.stdout, /wrote .*warden\.yaml/);
      assert.match(first.stdout, /wrote .*policy\.yaml/);
      writeFileSync(join(dir, 'policy.yaml'), 'version: 1\n# mine\n');
      const second = await runWarden(['init'], { cwd: dir });
      assert.equal(second.code, 0);
      assert.match(second.stdout, /kept .*policy\.yaml \(exists\)/);
      assert.equal(readFileSync(join(dir, 'policy.yaml'), 'utf8'), 'version: 1\n# mine\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('chat without a model section says which key is missing and how to fix it', async () => {
    const dir = await tempDir('chat');
    try {
      writeFileSync(join(dir, 'warden.yaml'), 'home: ./data\n');
      writeFileSync(join(dir, 'policy.yaml'), 'version: 1\n');
      const r = await runWarden(['chat', '--as', 'someone', '--message', 'hi'], { cwd: dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /key "model": missing/);
      assert.match(r.stderr, /warden init/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('approvals without a policy file names the file and the fix', async () => {
    const dir = await tempDir('appr');
    try {
      const r = await runWarden(['approvals', 'list'], { cwd: dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /cannot read the policy file .*policy\.yaml/);
      assert.match(r.stderr, /warden init/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('approving an unknown request is a clear usage error', async () => {
    const dir = await tempDir('appr2');
    try {
      writeFileSync(join(dir, 'policy.yaml'), 'version: 1\n');
      const r = await runWarden(['approvals', 'approve', 'no-such-id'], { cwd: dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /no approval request with id no-such-id/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
