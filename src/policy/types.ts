// The request `decide` answers and the compiled policy it answers from.

import type { ApproverSpec } from './schema.ts';
import type { compileHost, Matcher } from './match.ts';

/** Who asks, as the channel identified them. */
export interface Principal {
  userId?: string;
  unionId?: string;
  /** The organisation the person belongs to (DingTalk corpId). */
  corpId?: string;
  /** Set by the channel for people outside the organisation (e.g. a shared group's guest). */
  external?: boolean;
  /** Department ids the person is directly in. */
  departments?: readonly string[];
}

export type PolicyAction =
  | { kind: 'turn'; usage?: { turnsToday: number; tokensToday: number } }
  | { kind: 'skill'; skill: string }
  | { kind: 'tool'; tool: string; skill?: string; args?: Readonly<Record<string, unknown>> }
  | { kind: 'egress'; host: string; port?: number; skill?: string };

/** The organisation chart as data: department id → its direct sub-departments. */
export interface Directory {
  children: Readonly<Record<string, readonly string[]>>;
}

export interface PolicyRequest {
  principal: Principal;
  action: PolicyAction;
  directory?: Directory;
}

export type Effect = 'allow' | 'deny' | 'ask';

export interface Decision {
  effect: Effect;
  /** A sentence for the user and the audit log. */
  reason: string;
  /** The deciding rule's key path in policy.yaml (`roles.analyst.tools[1]`), or `default-deny`. */
  rule: string;
  /** The principal's roles the decision was made for. */
  roles: readonly string[];
  /** With `ask`: who may approve, and when the request expires. */
  approvers?: ApproverSpec;
  expiresMinutes?: number;
}

export type Stage = 'skill' | 'tool' | 'egress';

export interface CompiledRule {
  id: string;
  role: string;
  effect: Effect;
  stage: Stage;
  tool?: Matcher;
  skill?: Matcher;
  host?: ReturnType<typeof compileHost>;
  args?: ReadonlyArray<readonly [string, Matcher]>;
  specificity: number;
  reason?: string;
  approvers?: ApproverSpec;
  expiresMinutes?: number;
}

export interface CompiledRole {
  name: string;
  rules: readonly CompiledRule[];
  quotas: { turnsPerDay?: number; tokensPerDay?: number };
}

export interface Policy {
  corpId?: string;
  defaultRole: string;
  externalRole: string;
  principals: ReadonlyArray<{ name: string; userId?: string; unionId?: string; roles: readonly string[] }>;
  groups: ReadonlyArray<{ name: string; departments: readonly string[]; userIds: readonly string[]; unionIds: readonly string[]; roles: readonly string[] }>;
  roles: ReadonlyMap<string, CompiledRole>;
}
