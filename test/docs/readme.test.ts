// The README's examples are what admins copy: the policy example must parse as it is, and the
// starter files `warden init` writes must load.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseConfig } from '../../src/config/index.ts';
import { STARTER_CONFIG } from '../../src/gateway/starter-config.ts';
import { decide, parsePolicy, STARTER_POLICY } from '../../src/policy/index.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

function yamlBlockAfter(heading: string): string {
  const section = readme.split(heading)[1];
  assert.ok(section, `README has a "${heading}" section`);
  const block = /```yaml\n([\s\S]*?)```/.exec(section);
  assert.ok(block, `the "${heading}" section has a yaml block`);
  return block[1]!;
}

describe('README and starter files', () => {
  it('the README policy example parses and means what its comments say', () => {
    const policy = parsePolicy(yamlBlockAfter('### Policy'), 'README.md');
    const sales = { userId: 'u1', departments: ['2'] };
    assert.equal(decide(policy, { principal: sales, action: { kind: 'tool', tool: 'dingtalk_notable_create_records' } }).effect, 'ask');
    assert.equal(decide(policy, { principal: sales, action: { kind: 'tool', tool: 'exec', args: { command: 'rm -rf /' } } }).effect, 'deny');
    assert.equal(decide(policy, { principal: { userId: 'c1', corpId: 'other' }, action: { kind: 'tool', tool: 'exec' } }).effect, 'deny');
    assert.equal(decide(policy, { principal: { userId: 'nobody' }, action: { kind: 'tool', tool: 'read' } }).effect, 'allow');
  });

  it('the README configuration example is a valid warden.yaml', () => {
    const config = parseConfig(yamlBlockAfter('## Configuration'), 'README.md');
    assert.equal(config.model?.apiKeySecret, 'MODEL_API_KEY');
    assert.equal(config.dingtalk?.clientSecretSecret, 'DINGTALK_CLIENT_SECRET');
  });

  it('the starter warden.yaml and policy.yaml that `warden init` writes load as they are', () => {
    const config = parseConfig(STARTER_CONFIG, 'warden.yaml');
    assert.equal(config.model?.baseUrl, 'http://127.0.0.1:11434/v1');
    assert.equal(config.policy, './policy.yaml');
    const policy = parsePolicy(STARTER_POLICY, 'policy.yaml');
    assert.ok(policy.roles.size >= 2);
  });
});
