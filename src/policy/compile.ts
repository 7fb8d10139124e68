// From a validated policy document to the compiled form `decide` reads: each allow list entry,
// deny and approval becomes a rule with its key path as id, its stage and its specificity.

import { compileHost, compilePattern, type Matcher } from './match.ts';
import type { PolicyDocument, RoleDocument } from './schema.ts';
import type { CompiledRole, CompiledRule, Policy, Stage } from './types.ts';

type MatchFields = { tool?: string; skill?: string; host?: string; args?: Record<string, string> };

function matchers(fields: MatchFields) {
  const tool = fields.tool === undefined ? undefined : compilePattern(fields.tool);
  const skill = fields.skill === undefined ? undefined : compilePattern(fields.skill);
  const host = fields.host === undefined ? undefined : compileHost(fields.host);
  const args = fields.args ? Object.entries(fields.args).map(([k, p]) => [k, compilePattern(p)] as const) : undefined;
  const specificity =
    (tool?.specificity ?? 0) + (skill?.specificity ?? 0) + (host?.specificity ?? 0) + (args ?? []).reduce((n, [, m]: readonly [string, Matcher]) => n + Math.max(1, m.specificity), 0);
  return { tool, skill, host, args, specificity };
}

function denyStage(rule: MatchFields): Stage {
  if (rule.host !== undefined) return 'egress';
  if (rule.tool !== undefined || rule.args !== undefined) return 'tool';
  return 'skill';
}

function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function compileRole(name: string, role: RoleDocument): CompiledRole {
  const at = `roles.${name}`;
  const rules: CompiledRule[] = [];
  role.skills.forEach((skill, i) => rules.push(defined({ id: `${at}.skills[${i}]`, role: name, effect: 'allow' as const, stage: 'skill' as const, ...matchers({ skill }) })));
  role.tools.forEach((tool, i) => rules.push(defined({ id: `${at}.tools[${i}]`, role: name, effect: 'allow' as const, stage: 'tool' as const, ...matchers({ tool }) })));
  role.egress.forEach((host, i) => rules.push(defined({ id: `${at}.egress[${i}]`, role: name, effect: 'allow' as const, stage: 'egress' as const, ...matchers({ host }) })));
  role.deny.forEach((d, i) => rules.push(defined({ id: `${at}.deny[${i}]`, role: name, effect: 'deny' as const, stage: denyStage(d), reason: d.reason, ...matchers(d) })));
  role.approvals.forEach((a, i) =>
    rules.push(defined({ id: `${at}.approvals[${i}]`, role: name, effect: 'ask' as const, stage: 'tool' as const, reason: a.reason, approvers: a.approvers, expiresMinutes: a.expiresMinutes, ...matchers(a) })),
  );
  return { name, rules, quotas: defined({ turnsPerDay: role.quotas.turnsPerDay, tokensPerDay: role.quotas.tokensPerDay }) };
}

export function compilePolicy(doc: PolicyDocument): Policy {
  const roles = new Map<string, CompiledRole>();
  for (const [name, role] of Object.entries(doc.roles)) roles.set(name, compileRole(name, role));
  // The default and external roles exist even when the file does not define them: empty, so
  // unknown and external people may do nothing until an admin says otherwise.
  for (const name of [doc.defaultRole, doc.externalRole]) if (!roles.has(name)) roles.set(name, { name, rules: [], quotas: {} });
  return {
    ...(doc.corpId ? { corpId: doc.corpId } : {}),
    defaultRole: doc.defaultRole,
    externalRole: doc.externalRole,
    principals: Object.entries(doc.principals).map(([name, p]) => ({ name, ...p })),
    groups: Object.entries(doc.groups).map(([name, g]) => ({ name, departments: g.departments, userIds: g.userIds, unionIds: g.unionIds, roles: g.roles })),
    roles,
  };
}
