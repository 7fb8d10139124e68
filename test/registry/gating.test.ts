// OpenClaw's load-time gating as Warden applies it, table-driven over the pure `gate` function.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gate } from '../../src/registry/index.ts';
import { parseManifest, type SkillManifest } from '../../src/skills/index.ts';

function manifest(openclaw: Record<string, unknown>): SkillManifest {
  return parseManifest(`---\nname: sample\ndescription: d\nmetadata: ${JSON.stringify({ openclaw })}\n---\nbody\n`, 'SKILL.md').manifest;
}

const bins = new Set(['sh', 'curl', 'jq', 'python3']);
const environment = { binExists: (b: string) => bins.has(b), secretNames: ['GITHUB_TOKEN', 'vendor-key'], platform: 'linux' };

interface Case {
  name: string;
  openclaw: Record<string, unknown>;
  mapped?: Record<string, string>;
  /** The granted map when the skill loads, or a pattern of the reason when it does not. */
  expect: Record<string, string> | RegExp;
}

const cases: Case[] = [
  { name: 'no requirements', openclaw: {}, expect: {} },
  { name: 'every bin present', openclaw: { requires: { bins: ['sh', 'curl'] } }, expect: {} },
  { name: 'one bin missing', openclaw: { requires: { bins: ['sh', 'ffmpeg'] } }, expect: /requires "ffmpeg", not found in the sandbox image/ },
  { name: 'anyBins: one present', openclaw: { requires: { anyBins: ['python', 'python3'] } }, expect: {} },
  { name: 'anyBins: none present', openclaw: { requires: { anyBins: ['python', 'pypy'] } }, expect: /one of "python", "pypy"/ },
  { name: 'env by the secret of the same name', openclaw: { requires: { env: ['GITHUB_TOKEN'] } }, expect: { GITHUB_TOKEN: 'GITHUB_TOKEN' } },
  { name: 'env by an explicit mapping', openclaw: { requires: { env: ['API_KEY'] } }, mapped: { API_KEY: 'vendor-key' }, expect: { API_KEY: 'vendor-key' } },
  { name: 'env unmapped', openclaw: { requires: { env: ['API_KEY'] } }, expect: /requires env "API_KEY", not mapped/ },
  { name: 'mapping to a secret that is gone', openclaw: {}, mapped: { X_TOKEN: 'deleted' }, expect: /secret "deleted", which does not exist/ },
  { name: 'optional variables only by explicit mapping', openclaw: { primaryEnv: 'GITHUB_TOKEN' }, expect: {} },
  { name: 'os matches', openclaw: { os: ['darwin', 'linux'] }, expect: {} },
  { name: 'os does not match', openclaw: { os: ['darwin'] }, expect: /runs on "darwin" only; Warden's sandbox is linux/ },
  { name: 'OpenClaw config keys never resolve', openclaw: { requires: { config: ['browser.enabled'] } }, expect: /OpenClaw config "browser.enabled"/ },
  { name: 'always skips requirement checks', openclaw: { always: true, requires: { bins: ['ffmpeg'], env: ['GITHUB_TOKEN', 'MISSING'], config: ['x'] } }, expect: { GITHUB_TOKEN: 'GITHUB_TOKEN' } },
  { name: 'always does not skip os', openclaw: { always: true, os: ['win32'] }, expect: /runs on "win32" only/ },
];

describe('gate', () => {
  for (const c of cases) {
    it(c.name, () => {
      const result = gate(manifest(c.openclaw), c.mapped ?? {}, environment);
      if (c.expect instanceof RegExp) {
        assert.equal(result.ok, false, JSON.stringify(result));
        if (!result.ok) assert.match(result.reason, c.expect);
      } else {
        assert.deepEqual(result, { ok: true, secretMap: c.expect });
      }
    });
  }
});
