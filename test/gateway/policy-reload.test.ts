// An edited policy.yaml takes effect at the next decision without a restart; an edit that does not
// parse is refused (logged and audited) and the last good policy stays in force.

import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ModelClient } from '../../src/agent/index.ts';
import { loadConfig } from '../../src/config/index.ts';
import { assemble } from '../../src/gateway/assemble.ts';
import { decide } from '../../src/policy/index.ts';

const model: ModelClient = {
  complete: () => Promise.reject(new Error('not used')),
};

const policyWith = (tools: string) => `version: 1\nroles:\n  guest: { tools: [${tools}] }\n`;

describe('policy.yaml reload', () => {
  it('applies a valid edit at the next decision and keeps the last good policy on a broken one', async () => {
    const root = mkdtempSync(join(tmpdir(), 'warden-reload-'));
    chmodSync(root, 0o711);
    const errors: string[] = [];
    try {
      writeFileSync(join(root, 'warden.yaml'), 'home: ./data\npolicy: ./policy.yaml\n');
      writeFileSync(join(root, 'policy.yaml'), policyWith('read'));
      const env = { WARDEN_CONFIG: join(root, 'warden.yaml') };
      const app = await assemble({ loaded: loadConfig(env, root), env, cwd: root, model, onError: (e) => errors.push((e as Error).message) });
      try {
        const may = (tool: string) => decide(app.policy(), { principal: { userId: 'u1' }, action: { kind: 'tool', tool } }).effect;
        assert.equal(may('list'), 'deny');
        writeFileSync(join(root, 'policy.yaml'), policyWith('read, list'));
        utimesSync(join(root, 'policy.yaml'), new Date(), new Date(Date.now() + 5000));
        assert.equal(may('list'), 'allow');
        writeFileSync(join(root, 'policy.yaml'), 'version: 1\nroles: [oops\n');
        utimesSync(join(root, 'policy.yaml'), new Date(), new Date(Date.now() + 10_000));
        assert.equal(may('list'), 'allow', 'the last good policy stays in force');
        assert.match(errors.join('\n'), /policy\.yaml changed but was not applied/);
        await new Promise((r) => setTimeout(r, 100));
        const actions = await app.store.db.selectFrom('audit_events').select(['outcome', 'reason']).where('type', '=', 'admin-action').orderBy('seq').execute();
        assert.deepEqual(actions.map((a) => a.outcome), ['ok', 'error']);
      } finally {
        await app.close();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
