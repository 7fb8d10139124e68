// The starter policy as a who-may-do-what table, with the demo organisation's people as the channel
// reports them (own departments plus every ancestor, external for another corpId or an unknown user).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decide, parsePolicy, STARTER_POLICY, type PolicyAction, type Principal } from '../../src/policy/index.ts';

const policy = parsePolicy(STARTER_POLICY, 'starter');
// With the admin's faq-* line filled in, as docs/policy.md tells an admin to do.
const withFaq = parsePolicy(STARTER_POLICY.replace('skills: []  ', 'skills: ["faq-*"]'), 'starter+faq');

const people: Record<string, Principal> = {
  zhangsan: { userId: 'user0001', unionId: 'unionUser0001', corpId: 'dingcorpdemo0001', departments: ['2', '3', '1'] },
  manager: { userId: 'manager0001', unionId: 'unionManager0001', corpId: 'dingcorpdemo0001', departments: ['2', '1'] },
  customer: { userId: 'customer0001', external: true, departments: [] },
  nobody: { userId: 'new0001', departments: [] },
};

const tool = (name: string, args?: Record<string, unknown>): PolicyAction => ({ kind: 'tool', tool: name, ...(args ? { args } : {}) });
const skill = (name: string): PolicyAction => ({ kind: 'skill', skill: name });

const READS = ['dingtalk_notable_list_bases', 'dingtalk_notable_list_sheets', 'dingtalk_notable_query_records', 'dingtalk_project_list_tasks', 'dingtalk_todo_list'];
const WRITES = [
  'dingtalk_notable_create_records', 'dingtalk_notable_update_records', 'dingtalk_notable_delete_records',
  'dingtalk_project_create_task', 'dingtalk_project_update_task', 'dingtalk_project_complete_task',
  'dingtalk_todo_create', 'dingtalk_todo_complete', 'dingtalk_send_message',
];

type Row = [who: string, action: PolicyAction, effect: 'allow' | 'deny' | 'ask', rule?: string];
const table: Row[] = [
  // Members: knowledge skills, built-in tools, DingTalk reads; every DingTalk write asks the manager.
  ['zhangsan', skill('faq-shop'), 'allow'],
  ['zhangsan', tool('read'), 'allow'],
  ['zhangsan', tool('list'), 'allow'],
  ['zhangsan', tool('exec', { command: 'python3 report.py' }), 'allow'],
  ['zhangsan', tool('exec', { command: 'rm -rf data' }), 'deny', 'roles.employee.deny[0]'],
  ['zhangsan', tool('web_fetch'), 'ask', 'roles.employee.approvals[0]'],
  ...READS.map((t): Row => ['zhangsan', tool(t), 'allow']),
  ...WRITES.map((t): Row => ['zhangsan', tool(t), 'ask']),
  ['zhangsan', tool('dingtalk_calendar_invent_new'), 'deny', 'default-deny'],
  // The admin has every tool, but DingTalk writes still wait for an approval.
  ['manager', tool('web_fetch'), 'ask'],
  ['manager', tool('dingtalk_notable_create_records'), 'ask'],
  ['manager', tool('dingtalk_notable_query_records'), 'allow'],
  // Customers: nothing but read, no skill until an admin lists one.
  ['customer', tool('read'), 'allow'],
  ['customer', skill('faq-shop'), 'deny', 'default-deny'],
  ...['list', 'write', 'edit', 'exec', 'web_fetch', ...READS, ...WRITES].map((t): Row => ['customer', tool(t), 'deny', 'default-deny']),
  // Someone in the organisation the policy does not place: harmless tools only.
  ['nobody', tool('read'), 'allow'],
  ['nobody', tool('list'), 'allow'],
  ['nobody', skill('faq-shop'), 'deny'],
  ...['write', 'edit', 'exec', 'web_fetch', ...READS, ...WRITES].map((t): Row => ['nobody', tool(t), 'deny', 'default-deny']),
];

function label(action: PolicyAction): string {
  return action.kind === 'tool' ? `${action.tool}${action.args ? ` ${JSON.stringify(action.args)}` : ''}` : action.kind === 'skill' ? `skill ${action.skill}` : action.kind;
}

describe('the starter policy', () => {
  for (const [who, action, effect, rule] of table) {
    it(`${who}: ${label(action)} → ${effect}`, () => {
      const d = decide(policy, { principal: people[who]!, action });
      assert.equal(d.effect, effect, d.reason);
      if (rule) assert.equal(d.rule, rule);
    });
  }

  it('DingTalk writes ask the requester\'s manager, not a role', () => {
    for (const t of WRITES) assert.deepEqual(decide(policy, { principal: people.zhangsan!, action: tool(t) }).approvers, { manager: true }, t);
  });

  it('roles: members by the root department, customers external, the unplaced default', () => {
    assert.deepEqual(decide(policy, { principal: people.zhangsan!, action: tool('read') }).roles, ['employee']);
    assert.deepEqual(decide(policy, { principal: people.manager!, action: tool('read') }).roles, ['admin', 'employee']);
    assert.deepEqual(decide(policy, { principal: people.customer!, action: tool('read') }).roles, ['external']);
    assert.deepEqual(decide(policy, { principal: { ...people.zhangsan!, external: undefined, corpId: 'dingother' }, action: tool('read') }).roles, ['employee'], 'without corpId in the policy only the channel marks externals');
    assert.deepEqual(decide(policy, { principal: people.nobody!, action: tool('read') }).roles, ['guest']);
  });

  it('an admin listing faq-* gives customers those skills and still no other tool', () => {
    assert.equal(decide(withFaq, { principal: people.customer!, action: skill('faq-shop') }).effect, 'allow');
    assert.equal(decide(withFaq, { principal: people.customer!, action: skill('sales-report') }).effect, 'deny');
    assert.equal(decide(withFaq, { principal: people.customer!, action: { kind: 'tool', tool: 'read', skill: 'faq-shop' } }).effect, 'allow');
    assert.equal(decide(withFaq, { principal: people.customer!, action: { kind: 'tool', tool: 'exec', skill: 'faq-shop' } }).effect, 'deny');
    assert.equal(decide(withFaq, { principal: people.customer!, action: tool('dingtalk_notable_query_records') }).effect, 'deny');
  });

  it('daily quotas: customers get fewer turns than members', () => {
    const turn = (who: string, turnsToday: number) => decide(policy, { principal: people[who]!, action: { kind: 'turn', usage: { turnsToday, tokensToday: 0 } } }).effect;
    assert.equal(turn('customer', 9), 'allow');
    assert.equal(turn('customer', 10), 'deny');
    assert.equal(turn('zhangsan', 10), 'allow');
    assert.equal(turn('zhangsan', 200), 'deny');
  });
});
