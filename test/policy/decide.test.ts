import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decide, parsePolicy, type PolicyAction, type Principal } from '../../src/policy/index.ts';

const policy = parsePolicy(`
version: 1
corpId: ding-acme
principals:
  boss: { userId: "u-boss", roles: [admin] }
  carol: { unionId: "union-carol", roles: [analyst] }
groups:
  finance: { departments: ["100"], roles: [analyst] }
  ops: { userIds: ["u-ops"], roles: [ops] }
roles:
  guest: { tools: [read, list] }
  analyst:
    skills: ["report-*", weather]
    tools: [read, list, exec, web_fetch]
    egress: ["*.example.com", "data.example.org:8443"]
    deny:
      - skill: report-legacy
      - tool: exec
        args: { command: "rm *" }
        reason: no deletes
      - host: secret.example.com
    approvals:
      - tool: web_fetch
        approvers: { manager: true }
      - skill: report-finance
        tool: exec
        args: { command: "/--send\\\\b/" }
        approvers: { role: admin }
    quotas: { turnsPerDay: 5, tokensPerDay: 1000 }
  ops:
    tools: ["*"]
    deny: [{ tool: exec }]
  admin:
    skills: ["*"]
    tools: ["*"]
    quotas: { turnsPerDay: 100 }
`);

const directory = { children: { '100': ['110', '120'], '110': ['111'], '111': ['100'] } };
const analyst: Principal = { userId: 'u-1', corpId: 'ding-acme', departments: ['111'] };

const cases: Array<[string, Principal, PolicyAction, string, string]> = [
  ['unknown person gets the guest role: read allowed', { userId: 'nobody' }, { kind: 'tool', tool: 'read' }, 'allow', 'roles.guest.tools[0]'],
  ['unknown person: exec denied by default', { userId: 'nobody' }, { kind: 'tool', tool: 'exec' }, 'deny', 'default-deny'],
  ['unknown person: no skills', { userId: 'nobody' }, { kind: 'skill', skill: 'weather' }, 'deny', 'default-deny'],
  ['external (flag) gets only the external role', { userId: 'u-boss', external: true }, { kind: 'tool', tool: 'read' }, 'deny', 'default-deny'],
  ['external (other corpId) gets only the external role', { userId: 'u-boss', corpId: 'ding-other' }, { kind: 'skill', skill: 'weather' }, 'deny', 'default-deny'],
  ['department member through sub-department (cycle in data tolerated)', analyst, { kind: 'skill', skill: 'weather' }, 'allow', 'roles.analyst.skills[1]'],
  ['unionId principal', { unionId: 'union-carol' }, { kind: 'skill', skill: 'report-q1' }, 'allow', 'roles.analyst.skills[0]'],
  ['more specific skill deny beats the wildcard allow', analyst, { kind: 'skill', skill: 'report-legacy' }, 'deny', 'roles.analyst.deny[0]'],
  ['skill deny also stops that skill calling tools', analyst, { kind: 'tool', tool: 'read', skill: 'report-legacy' }, 'deny', 'roles.analyst.deny[0]'],
  ['tool call by an unlisted skill is denied', analyst, { kind: 'tool', tool: 'read', skill: 'other' }, 'deny', 'default-deny'],
  ['argument pattern deny', analyst, { kind: 'tool', tool: 'exec', args: { command: 'rm -rf data' } }, 'deny', 'roles.analyst.deny[1]'],
  ['argument pattern not matching → allowed', analyst, { kind: 'tool', tool: 'exec', args: { command: 'ls -l' } }, 'allow', 'roles.analyst.tools[2]'],
  ['approval by tool, approver manager', analyst, { kind: 'tool', tool: 'web_fetch', args: { url: 'https://a.example.com' } }, 'ask', 'roles.analyst.approvals[0]'],
  ['approval by skill + tool + regex argument', analyst, { kind: 'tool', tool: 'exec', skill: 'report-finance', args: { command: 'report --send q1' } }, 'ask', 'roles.analyst.approvals[1]'],
  ['same skill and tool without the argument → allowed', analyst, { kind: 'tool', tool: 'exec', skill: 'report-finance', args: { command: 'report q1' } }, 'allow', 'roles.analyst.tools[2]'],
  ['egress wildcard subdomain', analyst, { kind: 'egress', host: 'api.example.com' }, 'allow', 'roles.analyst.egress[0]'],
  ['egress wildcard does not match the apex', analyst, { kind: 'egress', host: 'example.com' }, 'deny', 'default-deny'],
  ['egress host with port', analyst, { kind: 'egress', host: 'DATA.example.org', port: 8443 }, 'allow', 'roles.analyst.egress[1]'],
  ['egress wrong port', analyst, { kind: 'egress', host: 'data.example.org', port: 443 }, 'deny', 'default-deny'],
  ['egress literal deny beats wildcard allow', analyst, { kind: 'egress', host: 'secret.example.com' }, 'deny', 'roles.analyst.deny[2]'],
  ['literal deny beats "*" allow', { userId: 'u-ops' }, { kind: 'tool', tool: 'exec' }, 'deny', 'roles.ops.deny[0]'],
  ['"*" allow for other tools', { userId: 'u-ops' }, { kind: 'tool', tool: 'write' }, 'allow', 'roles.ops.tools[0]'],
  ['turn within quota', analyst, { kind: 'turn', usage: { turnsToday: 4, tokensToday: 999 } }, 'allow', 'roles.analyst'],
  ['turn quota reached', analyst, { kind: 'turn', usage: { turnsToday: 5, tokensToday: 0 } }, 'deny', 'roles.analyst.quotas.turnsPerDay'],
  ['token quota reached', analyst, { kind: 'turn', usage: { turnsToday: 0, tokensToday: 1000 } }, 'deny', 'roles.analyst.quotas.tokensPerDay'],
  ['a role without a token limit lifts it', { userId: 'u-boss', departments: ['100'] }, { kind: 'turn', usage: { turnsToday: 50, tokensToday: 10 ** 9 } }, 'allow', 'roles.admin'],
];

describe('decide: table', () => {
  for (const [name, principal, action, effect, rule] of cases) {
    it(name, () => {
      const d = decide(policy, { principal, action, directory });
      assert.deepEqual([d.effect, d.rule], [effect, rule], d.reason);
      assert.notEqual(d.reason, '');
    });
  }

  it('ask names the approvers and the expiry', () => {
    const d = decide(policy, { principal: analyst, action: { kind: 'tool', tool: 'exec', skill: 'report-finance', args: { command: 'x --send' } }, directory });
    assert.deepEqual([d.approvers, d.expiresMinutes], [{ role: 'admin' }, 60]);
  });

  it('reports the roles it decided for', () => {
    assert.deepEqual(decide(policy, { principal: { userId: 'u-boss', departments: ['100'] }, action: { kind: 'skill', skill: 'x' }, directory }).roles, ['admin', 'analyst']);
  });

  it('without a directory only direct department membership counts', () => {
    assert.deepEqual(decide(policy, { principal: analyst, action: { kind: 'skill', skill: 'weather' } }).roles, ['guest']);
    assert.deepEqual(decide(policy, { principal: { departments: ['100'] }, action: { kind: 'skill', skill: 'weather' } }).roles, ['analyst']);
  });

  it('an empty policy denies everything but a turn', () => {
    const empty = parsePolicy('version: 1\n');
    assert.equal(decide(empty, { principal: {}, action: { kind: 'tool', tool: 'read' } }).effect, 'deny');
    assert.equal(decide(empty, { principal: {}, action: { kind: 'turn' } }).effect, 'allow');
  });
});
