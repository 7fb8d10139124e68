// The shape every tool has, built-in (files, exec, web_fetch) or DingTalk's. A tool is plain: it
// validates its own arguments and does its job inside the context it is given. The agent decides
// whether it may run (policy), asks for approval, records it (audit) and feeds the result back to
// the model; tools never see the policy, the approvals or a real secret.

import type { AllowedHost, EventSink, SandboxPool, SecretGrant } from '../sandbox/index.ts';

/** JSON Schema (draft 2020-12 subset the OpenAI tools API accepts) of a tool's arguments. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** The person a tool acts for, as the channel identified them. */
export interface ToolPrincipal {
  /** Warden's id of the person: `dingtalk:<userId>`, `cli:<name>`… */
  id: string;
  /** DingTalk userId (staffId) within the organisation, when known. */
  userId?: string;
  /** DingTalk unionId, when known: the operator id of AI Table and todo calls. */
  unionId?: string;
  name?: string;
  external?: boolean;
}

/** An approved, verified skill as the tools see it. */
export interface ToolSkill {
  name: string;
  /** Absolute directory of the registry's immutable copy (files verified against the version hash). */
  dir: string;
  /** Content hash (ClawHub fingerprint) of the version in use. */
  version: string;
  /** Hosts commands of this skill may reach (from its secrets' bindings and the admin's grants). */
  allowHosts: AllowedHost[];
  /** Secrets mapped to the skill's `requires.env`; the box sees placeholders only. */
  secrets: SecretGrant[];
}

export interface ToolContext {
  principal: ToolPrincipal;
  /** Absolute directory of this conversation's workspace: the only place file tools and commands touch. */
  workspace: string;
  /** Skills this principal may use in this turn (policy already applied), by name. */
  skills: ReadonlyMap<string, ToolSkill>;
  /** Hosts the principal's role adds for every command (policy `egress`). */
  roleHosts: readonly AllowedHost[];
  sandbox: SandboxPool;
  /** Aborted when the turn is cancelled; long work must stop. */
  signal: AbortSignal;
  /** Shown to the user while the tool runs ("reading sheet 订单…"). */
  progress?: (text: string) => void;
  /** Tools that run sandboxed pass this as the request's `onEvent`: the agent audits every run and egress decision. */
  onContainmentEvent?: EventSink;
}

export interface ToolResult {
  /** False when the tool ran and failed (bad arguments, non-zero exit, API error): the model sees why. */
  ok: boolean;
  /** What the model reads. Untrusted data: the agent wraps it as such. */
  content: string;
  /** Short line for people and the audit log ("exit 0, 2.1 KiB out"). */
  summary: string;
  /** Structured details for the audit log (redacted there). */
  data?: Record<string, unknown>;
}

export interface Tool {
  /** Name the model calls and policy matches: read, write, edit, list, exec, web_fetch, dingtalk_*. */
  name: string;
  /** One or two sentences for the model. */
  description: string;
  parameters: JsonSchema;
  /** True when the tool changes something outside the workspace (policy defaults and retries use it). */
  writes: boolean;
  /**
   * The skill an invocation belongs to, when its arguments name one (exec's `skill`), so policy can
   * check the skill and the sandbox can grant the skill's hosts and secrets.
   */
  skillOf?(args: Record<string, unknown>): string | undefined;
  run(args: Record<string, unknown>, context: ToolContext): Promise<ToolResult>;
}
