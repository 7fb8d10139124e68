// Property tests over random policies and requests (fast-check): the two promises of decide.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compilePolicy, decide, policySchema, type PolicyAction, type PolicyDocument } from '../../src/policy/index.ts';

const TOOLS = ['read', 'exec', 'write', 'web_fetch'];
const SKILLS = ['alpha', 'beta', 'alpine'];
const HOSTS = ['api.example.com', 'x.api.example.com', 'example.org'];

const toolPattern = fc.constantFrom('read', 'exec', 'write', 'web_fetch', '*', 'e*', '/^w/');
const skillPattern = fc.constantFrom('alpha', 'beta', 'al*', '*');
const hostPattern = fc.constantFrom('api.example.com', '*.example.com', 'example.org', '*.api.example.com');
const argPattern = fc.constantFrom('ls', 'rm *', '*', '/^r/');

const matchFields = fc.record({ tool: toolPattern, skill: skillPattern, args: fc.constant({ command: 'ls' }) }, { requiredKeys: [] }).map((r) => (Object.keys(r).length ? r : { tool: 'exec' }));
const role = fc.record({
  skills: fc.array(skillPattern, { maxLength: 3 }),
  tools: fc.array(toolPattern, { maxLength: 3 }),
  egress: fc.array(hostPattern, { maxLength: 2 }),
  deny: fc.array(fc.oneof(matchFields, fc.record({ host: hostPattern })), { maxLength: 2 }),
  approvals: fc.array(matchFields.map((m) => ({ ...m, approvers: { manager: true as const } })), { maxLength: 2 }),
});
// Two roles; the principal has r1 alone or both (through a group), so rules of several roles meet.
const doc = fc.record({ r1: role, r2: role, both: fc.boolean() }).map(({ r1, r2, both }) =>
  policySchema.parse({ version: 1, defaultRole: 'r1', groups: both ? { g: { userIds: ['u'], roles: ['r1', 'r2'] } } : {}, roles: { r1, r2 } }),
);
const action: fc.Arbitrary<PolicyAction> = fc.oneof(
  fc.record({ kind: fc.constant('skill' as const), skill: fc.constantFrom(...SKILLS) }),
  fc.record({ kind: fc.constant('tool' as const), tool: fc.constantFrom(...TOOLS), skill: fc.constantFrom(...SKILLS), args: fc.record({ command: fc.constantFrom('ls', 'rm -rf x', 'cat') }) }, { requiredKeys: ['kind', 'tool'] }),
  fc.record({ kind: fc.constant('egress' as const), host: fc.constantFrom(...HOSTS) }),
);

const principal = { userId: 'u' };
const withoutAllows = (d: PolicyDocument): PolicyDocument => ({
  ...d,
  roles: Object.fromEntries(Object.entries(d.roles).map(([n, r]) => [n, { ...r, skills: [], tools: [], egress: [], approvals: [] }])),
});

describe('decide: properties', () => {
  it('deny unless some rule allows: with every allow and approval removed, everything is denied', () => {
    fc.assert(
      fc.property(doc, action, (d, a) => {
        assert.equal(decide(compilePolicy(withoutAllows(d)), { principal, action: a }).effect, 'deny');
      }),
      { numRuns: 500 },
    );
  });

  it('an allow or ask always names the allowing rule that decided it', () => {
    fc.assert(
      fc.property(doc, action, (d, a) => {
        const result = decide(compilePolicy(d), { principal, action: a });
        if (result.effect !== 'deny') assert.match(result.rule, /^roles\.r[12]\.(skills|tools|egress|approvals)\[\d+\]$/);
        else assert.match(result.rule, /^(default-deny|roles\.r[12]\.deny\[\d+\])$/);
      }),
      { numRuns: 500 },
    );
  });

  it('a more specific deny wins: a literal deny for exactly this request turns any answer into deny', () => {
    fc.assert(
      fc.property(doc, action, (d, a) => {
        let deny: Record<string, unknown> = {};
        if (a.kind === 'skill') deny = { skill: a.skill };
        else if (a.kind === 'egress') deny = { host: a.host };
        else if (a.kind === 'tool') deny = { tool: a.tool, ...(a.skill ? { skill: a.skill } : {}), ...(a.args ? { args: { command: String(a.args.command) } } : {}) };
        const r1 = d.roles.r1!;
        const denied = { ...d, roles: { ...d.roles, r1: { ...r1, deny: [...r1.deny, deny] } } };
        const result = decide(compilePolicy(denied as PolicyDocument), { principal, action: a });
        assert.equal(result.effect, 'deny', result.rule);
      }),
      { numRuns: 500 },
    );
  });

  it('a deny as specific as the deciding allow wins the tie', () => {
    fc.assert(
      fc.property(doc, fc.constantFrom(...TOOLS), (d, tool) => {
        const a: PolicyAction = { kind: 'tool', tool };
        const before = decide(compilePolicy(d), { principal, action: a });
        fc.pre(before.effect === 'allow');
        const index = Number(/tools\[(\d+)\]/.exec(before.rule)![1]);
        const roleName = before.rule.split('.')[1]!;
        const r = d.roles[roleName]!;
        const denied = { ...d, roles: { ...d.roles, [roleName]: { ...r, deny: [...r.deny, { tool: r.tools[index]! }] } } };
        assert.equal(decide(compilePolicy(denied as PolicyDocument), { principal, action: a }).effect, 'deny');
      }),
      { numRuns: 300 },
    );
  });

  it('is pure: the same request twice gives the same decision and nothing is mutated', () => {
    fc.assert(
      fc.property(doc, action, (d, a) => {
        const policy = compilePolicy(d);
        const frozen = JSON.stringify(a);
        const first = decide(policy, { principal, action: a });
        assert.deepEqual(decide(policy, { principal, action: a }), first);
        assert.equal(JSON.stringify(a), frozen);
      }),
      { numRuns: 200 },
    );
  });
});
