// The policy.yaml schema: who is who (principals, groups), what each role may do, what needs an
// approval and by whom, and daily quotas. Every key has its default and a one-line doc beside it.
// Names and hosts are patterns: `*` matches any run of characters, `?` one; a value written
// `/…/flags` is a regular expression (for argument patterns).

import { z } from 'zod';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const name = z.string().regex(ID, 'must be letters, digits, ".", "_" or "-" (at most 64), starting with a letter or digit');

/** A name pattern (`exec`, `report-*`) or a /regex/. */
const pattern = z
  .string()
  .min(1, 'must not be empty')
  .refine((p) => {
    const m = /^\/(.+)\/([a-z]*)$/.exec(p);
    if (!m) return true;
    try {
      new RegExp(m[1]!, m[2]);
      return true;
    } catch {
      return false;
    }
  }, 'is not a valid /regular expression/');

const host = z
  .string()
  .regex(/^(\*\.)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:\d{1,5})?$/, 'must be a host name, optionally *.domain and :port (e.g. api.example.com or *.example.com:443)');

const approvers = z.union([
  z.object({ role: name }).strict(),
  z.object({ manager: z.literal(true) }).strict(),
]);

/** What a deny or approval rule matches; every key given must match, at least one key is needed. */
const matchShape = {
  /** Tool name pattern (read, write, edit, list, exec, web_fetch, dingtalk_*…). */
  tool: pattern.optional(),
  /** Skill name pattern. */
  skill: pattern.optional(),
  /** Argument patterns by argument name; a non-string argument is matched as JSON. */
  args: z.record(z.string().min(1), pattern).optional(),
};

const denyRule = z
  .object({
    ...matchShape,
    /** Egress host pattern (deny rules only). */
    host: host.optional(),
    /** Shown to the user and written to the audit log. */
    reason: z.string().optional(),
  })
  .strict()
  .refine((r) => r.tool || r.skill || r.host || (r.args && Object.keys(r.args).length), 'needs at least one of tool, skill, host, args');

const approvalRule = z
  .object({
    ...matchShape,
    /** Who may approve: a role's members, or the requester's manager. */
    approvers,
    /** Minutes before an unanswered request expires (denied). */
    expiresMinutes: z.number().int().min(1).max(7 * 24 * 60).default(60),
    reason: z.string().optional(),
  })
  .strict()
  .refine((r) => r.tool || r.skill || (r.args && Object.keys(r.args).length), 'needs at least one of tool, skill, args');

const quotas = z
  .object({
    /** Turns (messages answered) per principal per day. */
    turnsPerDay: z.number().int().min(0).optional(),
    /** Model tokens per principal per day. */
    tokensPerDay: z.number().int().min(0).optional(),
  })
  .strict();

export const roleSchema = z
  .object({
    description: z.string().optional(),
    /** Skills this role may use (patterns). */
    skills: z.array(pattern).default([]),
    /** Tools this role may call (patterns). */
    tools: z.array(pattern).default([]),
    /** Hosts sandboxes may reach on this role's behalf, beyond each skill's declared ones. */
    egress: z.array(host).default([]),
    /** Explicit denials; the most specific matching rule decides, a deny winning a tie. */
    deny: z.array(denyRule).default([]),
    /** Actions allowed only after someone approves them. */
    approvals: z.array(approvalRule).default([]),
    quotas: quotas.default({}),
  })
  .strict();

const member = z
  .object({
    /** DingTalk userId (staffId) within the organisation. */
    userId: z.string().min(1).optional(),
    /** DingTalk unionId (stable across apps). */
    unionId: z.string().min(1).optional(),
    roles: z.array(name).min(1, 'must list at least one role'),
  })
  .strict()
  .refine((m) => m.userId || m.unionId, 'needs userId or unionId');

const group = z
  .object({
    description: z.string().optional(),
    /** DingTalk department ids; members of their sub-departments belong too. */
    departments: z.array(z.union([z.string().min(1), z.number().int()]).transform(String)).default([]),
    userIds: z.array(z.string().min(1)).default([]),
    unionIds: z.array(z.string().min(1)).default([]),
    roles: z.array(name).min(1, 'must list at least one role'),
  })
  .strict();

export const policySchema = z
  .object({
    version: z.literal(1),
    /** The organisation's DingTalk corpId; a principal from another corpId is external. */
    corpId: z.string().min(1).optional(),
    /** Role of internal principals that no principal or group entry names. */
    defaultRole: name.default('guest'),
    /** Role of principals from another organisation (never combined with other roles). */
    externalRole: name.default('external'),
    principals: z.record(name, member).default({}),
    groups: z.record(name, group).default({}),
    roles: z.record(name, roleSchema).default({}),
  })
  .strict();

export type PolicyDocument = z.infer<typeof policySchema>;
export type RoleDocument = z.infer<typeof roleSchema>;
export type ApproverSpec = z.infer<typeof approvers>;
