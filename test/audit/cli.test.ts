// `warden audit verify|export` in-process on a SQLite data directory (the chain suite covers both
// backends; this covers the command's exit codes and output).

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createAuditLog } from '../../src/audit/index.ts';
import { openStore } from '../../src/store/index.ts';
import { runWarden } from '../cli/helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'warden-audit-cli-'));
const home = join(root, 'data');
const env = { WARDEN_HOME: home };
after(() => rmSync(root, { recursive: true, force: true }));

before(async () => {
  const store = await openStore({ home });
  let t = Date.parse('2026-03-01T00:00:00Z');
  const log = createAuditLog({ store, now: () => new Date((t += 3_600_000)) });
  for (const outcome of ['allow', 'deny', 'ask']) await log.append({ type: 'policy-decision', actor: 'agent', principal: 'user:0123', outcome, reason: `decided ${outcome}` });
  await store.close();
});

const run = (argv: string[]) => runWarden(argv, { cwd: root, env });

describe('warden audit', () => {
  it('export prints one JSON line per record, oldest first', async () => {
    const r = await run(['audit', 'export']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => [l.seq, l.outcome]), [[1, 'allow'], [2, 'deny'], [3, 'ask']]);
  });

  it('export --since keeps later records only', async () => {
    const r = await run(['audit', 'export', '--since', '2026-03-01T02:00:00Z', '--format', 'jsonl']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n').map((l) => JSON.parse(l).seq), [2, 3]);
  });

  const usage: Array<[string, string[]]> = [
    ['a bad --since', ['audit', 'export', '--since', 'yesterday']],
    ['an unknown --format', ['audit', 'export', '--format', 'csv']],
  ];
  for (const [name, argv] of usage) {
    it(`export exits 2 for ${name}`, async () => {
      const r = await run(argv);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /audit export --(since|format)/);
    });
  }

  it('verify exits 0 on an intact log and 1 naming the record after tampering', async () => {
    const ok = await run(['audit', 'verify']);
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /intact: 3 records; head #3 sha256:[0-9a-f]{64}/);
    const store = await openStore({ home });
    await store.db.updateTable('audit_events').set({ outcome: 'allow' }).where('seq', '=', 2).execute();
    await store.close();
    const broken = await run(['audit', 'verify']);
    assert.equal(broken.code, 1);
    assert.match(broken.stdout, /BROKEN at record #2 \(altered\)/);
  });

  it('a bad database URL is exit 2 with the URL named, password masked', async () => {
    const r = await runWarden(['audit', 'verify'], { cwd: root, env: { WARDEN_DATABASE_URL: 'postgresql://w:topsecret@/warden?host=/nonexistent-dir' } });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot open database postgresql:\/\/w:\*\*\*@/);
    assert.ok(!r.stderr.includes('topsecret'));
  });
});
