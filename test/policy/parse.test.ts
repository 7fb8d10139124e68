import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { isWardenError } from '../../src/core/index.ts';
import { decide, parsePolicy, STARTER_POLICY } from '../../src/policy/index.ts';

function rejects(text: string, ...parts: string[]) {
  assert.throws(
    () => parsePolicy(text, 'p.yaml'),
    (e: unknown) => {
      assert.ok(isWardenError(e) && e.code === 'policy-invalid', String(e));
      for (const part of parts) assert.ok(e.message.includes(part), `${JSON.stringify(part)} not in:\n${e.message}`);
      return true;
    },
  );
}

describe('parsePolicy', () => {
  it('the starter policy parses and keeps unknown people to harmless tools', () => {
    const policy = parsePolicy(STARTER_POLICY);
    for (const tool of ['exec', 'write', 'edit', 'web_fetch']) assert.equal(decide(policy, { principal: { userId: 'stranger' }, action: { kind: 'tool', tool } }).effect, 'deny', tool);
    assert.equal(decide(policy, { principal: { userId: 'x', external: true }, action: { kind: 'tool', tool: 'exec' } }).effect, 'deny');
    assert.equal(decide(policy, { principal: { userId: 'x', departments: ['1'] }, action: { kind: 'tool', tool: 'exec', args: { command: 'rm -rf /' } } }).rule, 'roles.employee.deny[0]');
  });

  it('the example in docs/policy.md parses and decides as the page says', () => {
    const page = readFileSync(new URL('../../docs/policy.md', import.meta.url), 'utf8');
    const policy = parsePolicy(page.split('```yaml\n')[1]!.split('```')[0]!, 'docs/policy.md');
    const directory = { children: { '100': ['130'] } };
    const principal = { userId: 'e1', departments: ['130'], corpId: 'dingexamplecorp' };
    const effect = (action: Parameters<typeof decide>[1]['action']) => decide(policy, { principal, action, directory }).effect;
    assert.equal(effect({ kind: 'tool', tool: 'exec', skill: 'report-q1', args: { command: 'python run.py' } }), 'allow');
    assert.equal(effect({ kind: 'tool', tool: 'exec', args: { command: 'rm -rf data' } }), 'deny');
    assert.equal(effect({ kind: 'tool', tool: 'exec', skill: 'report-finance', args: { command: 'report --send' } }), 'ask');
    assert.equal(effect({ kind: 'tool', tool: 'web_fetch' }), 'ask');
    assert.equal(decide(policy, { principal: { userId: 'x', corpId: 'other' }, action: { kind: 'turn', usage: { turnsToday: 10, tokensToday: 0 } } }).effect, 'deny');
  });

  const bad: Array<[string, string, string[]]> = [
    ['YAML syntax', 'version: 1\nroles: [', ['p.yaml: not valid YAML']],
    ['duplicate keys', 'version: 1\nversion: 1\n', ['not valid YAML']],
    ['wrong version', 'version: 2\n', ['key "version"', 'value 2']],
    ['unknown key', 'version: 1\nrole: {}\n', ['key "(top level)"', 'role']],
    ['bad host', 'version: 1\nroles:\n  a:\n    egress: ["http://x.example.com/"]\n', ['key "roles.a.egress[0]"', 'value "http://x.example.com/"', 'host name']],
    ['bad regex', 'version: 1\nroles:\n  a:\n    deny: [{ tool: exec, args: { command: "/(/" } }]\n', ['key "roles.a.deny[0].args.command"', 'regular expression']],
    ['empty deny rule', 'version: 1\nroles:\n  a:\n    deny: [{ reason: x }]\n', ['key "roles.a.deny[0]"', 'at least one of']],
    ['approval without approvers', 'version: 1\nroles:\n  a:\n    approvals: [{ tool: exec }]\n', ['key "roles.a.approvals[0].approvers"', '(missing)']],
    ['principal without ids', 'version: 1\nprincipals:\n  bob: { roles: [a] }\nroles: { a: {} }\n', ['key "principals.bob"', 'userId or unionId']],
    ['undefined role', 'version: 1\ngroups:\n  g: { userIds: [u], roles: [nope] }\n', ['key "groups.g.roles[0]"', 'value "nope"', 'no role "nope"']],
    ['undefined approver role', 'version: 1\nroles:\n  a:\n    approvals: [{ tool: exec, approvers: { role: boss } }]\n', ['key "roles.a.approvals[0].approvers.role"', 'no role "boss"']],
    ['negative quota', 'version: 1\nroles:\n  a:\n    quotas: { turnsPerDay: -1 }\n', ['key "roles.a.quotas.turnsPerDay"', 'value -1']],
  ];
  for (const [name, text, parts] of bad) it(`rejects ${name}, naming the key and value`, () => rejects(text, ...parts));
});
