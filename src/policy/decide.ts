// decide(policy, request) → allow | deny | ask, with the reason and the deciding rule. Pure: same
// input, same answer; no I/O, no clock (quota usage comes in the request).
//
// Within a stage (skill use, tool call, egress host), the rules of all the principal's roles that
// match are compared by specificity. Nothing allowing (no allow, no approval rule) → deny. A deny at
// least as specific as the most specific allowing rule → deny (so a more specific deny wins and a
// tie goes to deny). Otherwise, when an approval rule matches → ask; else allow. A tool call made by
// a skill passes the skill stage too, and the stricter answer stands.

import { argumentText } from './match.ts';
import { resolveRoles } from './principals.ts';
import type { CompiledRule, Decision, Policy, PolicyAction, PolicyRequest, Stage } from './types.ts';

type Verdict = Omit<Decision, 'roles'>;

function matches(rule: CompiledRule, action: PolicyAction): boolean {
  if (action.kind === 'turn') return false;
  const skill = 'skill' in action ? action.skill : undefined;
  if (rule.skill && (skill === undefined || !rule.skill.test(skill))) return false;
  if (rule.tool && (action.kind !== 'tool' || !rule.tool.test(action.tool))) return false;
  if (rule.host && (action.kind !== 'egress' || !rule.host.test(action.host, action.port ?? 443))) return false;
  if (rule.args) {
    const args = action.kind === 'tool' ? (action.args ?? {}) : {};
    for (const [name, m] of rule.args) if (!Object.hasOwn(args, name) || !m.test(argumentText(args[name]))) return false;
  }
  return true;
}

function pick(rules: CompiledRule[]): CompiledRule | undefined {
  // Most specific first; equal specificity keeps policy order (roles sorted, rules as written).
  return rules.reduce<CompiledRule | undefined>((best, r) => (!best || r.specificity > best.specificity ? r : best), undefined);
}

function what(action: PolicyAction): string {
  switch (action.kind) {
    case 'skill':
      return `skill "${action.skill}"`;
    case 'tool':
      return `tool "${action.tool}"${action.skill ? ` (skill "${action.skill}")` : ''}`;
    case 'egress':
      return `connection to ${action.host}:${action.port ?? 443}`;
    default:
      return 'a new turn';
  }
}

function stage(rules: CompiledRule[], stageName: Stage, action: PolicyAction, roles: readonly string[]): Verdict {
  const hits = rules.filter((r) => r.stage === stageName && matches(r, action));
  const allow = pick(hits.filter((r) => r.effect !== 'deny'));
  const target = stageName === 'skill' && action.kind === 'tool' ? `skill "${action.skill}"` : what(action);
  if (!allow) return { effect: 'deny', reason: `no rule of role ${roles.join(', ')} allows ${target}`, rule: 'default-deny' };
  const deny = pick(hits.filter((r) => r.effect === 'deny'));
  if (deny && deny.specificity >= allow.specificity) {
    return { effect: 'deny', reason: deny.reason ?? `${target} is denied to role ${deny.role}`, rule: deny.id };
  }
  const ask = pick(hits.filter((r) => r.effect === 'ask'));
  if (ask) {
    const who = ask.approvers && 'role' in ask.approvers ? `a member of role ${ask.approvers.role}` : "the requester's manager";
    return { effect: 'ask', reason: ask.reason ?? `${target} needs approval by ${who}`, rule: ask.id, ...(ask.approvers ? { approvers: ask.approvers } : {}), ...(ask.expiresMinutes ? { expiresMinutes: ask.expiresMinutes } : {}) };
  }
  return { effect: 'allow', reason: `${target} is allowed to role ${allow.role}`, rule: allow.id };
}

const STRICTNESS = { deny: 2, ask: 1, allow: 0 } as const;

function turn(policy: Policy, roles: readonly string[], usage: { turnsToday: number; tokensToday: number } | undefined): Verdict {
  // The most generous role sets the quota; a role without a limit means no limit.
  for (const [key, used, unit] of [['turnsPerDay', usage?.turnsToday ?? 0, 'turns'], ['tokensPerDay', usage?.tokensToday ?? 0, 'tokens']] as const) {
    const limits = roles.map((r) => ({ role: r, limit: policy.roles.get(r)?.quotas[key] }));
    if (limits.some((l) => l.limit === undefined)) continue;
    const best = limits.reduce((a, b) => (b.limit! > a.limit! ? b : a));
    if (used >= best.limit!) return { effect: 'deny', reason: `daily quota reached: ${used} of ${best.limit} ${unit}`, rule: `roles.${best.role}.quotas.${key}` };
  }
  return { effect: 'allow', reason: `a new turn is allowed to role ${roles.join(', ')}`, rule: `roles.${roles[0]}` };
}

export function decide(policy: Policy, request: PolicyRequest): Decision {
  const roles = resolveRoles(policy, request.principal, request.directory);
  const rules = roles.flatMap((r) => policy.roles.get(r)?.rules ?? []);
  const { action } = request;
  let verdict: Verdict;
  if (action.kind === 'turn') verdict = turn(policy, roles, action.usage);
  else if (action.kind === 'skill') verdict = stage(rules, 'skill', action, roles);
  else if (action.kind === 'egress') verdict = stage(rules, 'egress', action, roles);
  else {
    verdict = stage(rules, 'tool', action, roles);
    if (action.skill !== undefined) {
      const skill = stage(rules, 'skill', action, roles);
      if (STRICTNESS[skill.effect] > STRICTNESS[verdict.effect]) verdict = skill;
    }
  }
  return { ...verdict, roles };
}
