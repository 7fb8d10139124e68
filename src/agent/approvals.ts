// Approval requests: created when policy says `ask`, decided by an allowed approver (or the
// terminal admin), expired when nobody answers in time. Rows are the only state, so a request
// survives a restart and can be decided from another process (`warden approvals approve`).
// Every decision is one conditional update (pending → decided): two approvers clicking at once
// cannot both win, and a decided request cannot be decided again.

import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../audit/index.ts';
import { WardenError } from '../core/index.ts';
import { resolveRoles, type ApproverSpec, type Directory, type Policy } from '../policy/index.ts';
import type { Store } from '../store/index.ts';
import type { ApprovalsTable } from '../store/tables/runtime.ts';
import type { ApprovalView, Decider, RuntimePrincipal } from './types.ts';

export interface NewApproval {
  turnId: number;
  callId: string;
  principal: RuntimePrincipal;
  tool: string;
  skill?: string;
  args: Record<string, unknown>;
  action: string;
  reason: string;
  rule: string;
  approvers: ApproverSpec;
  expiresMinutes: number;
}

export interface Approvals {
  /** The request of this tool call, creating it when it does not exist yet. */
  request(input: NewApproval): Promise<{ approval: ApprovalView; created: boolean }>;
  get(id: string): Promise<ApprovalView | undefined>;
  list(filter?: { status?: ApprovalView['status'] }): Promise<ApprovalView[]>;
  /** Decides a pending request; throws a WardenError saying why when the decider may not or it is no longer pending. */
  decide(id: string, decision: { approve: boolean; by: Decider; note?: string }): Promise<ApprovalView>;
  /** Marks the request expired when its time has passed and it is still pending; returns its current state. */
  expireIfDue(id: string): Promise<ApprovalView | undefined>;
  /** May this person decide this request? (A reason when not.) */
  mayDecide(approval: ApprovalView, by: Decider): string | undefined;
}

export interface ApprovalsOptions {
  store: Store;
  audit: AuditLog;
  policy: () => Policy;
  directory?: () => Directory | undefined;
  now?: () => Date;
  /** Told after every decision (in this process), so a waiting turn resumes at once. */
  onDecided?: (approval: ApprovalView) => void;
}

function toView(row: ApprovalsTable): ApprovalView {
  const principal = JSON.parse(row.principal) as RuntimePrincipal;
  return {
    id: row.id,
    turnId: Number(row.turn_id),
    principalId: row.principal_id,
    ...(principal.name ? { principalName: principal.name } : {}),
    ...(principal.managerUserId ? { managerUserId: principal.managerUserId } : {}),
    tool: row.tool,
    ...(row.skill ? { skill: row.skill } : {}),
    args: JSON.parse(row.args) as Record<string, unknown>,
    action: row.action,
    reason: row.reason,
    rule: row.rule,
    approvers: JSON.parse(row.approvers) as ApproverSpec,
    status: row.status,
    requestedAt: row.requested_at,
    expiresAt: row.expires_at,
    ...(row.decided_by ? { decidedBy: row.decided_by } : {}),
    ...(row.decided_at ? { decidedAt: row.decided_at } : {}),
    ...(row.note ? { note: row.note } : {}),
  };
}

export function deciderName(by: Decider): string {
  return by.kind === 'cli' ? `cli:${by.name}` : by.principal.id;
}

export function createApprovals(options: ApprovalsOptions): Approvals {
  const { store, audit } = options;
  const { db } = store;
  const now = options.now ?? (() => new Date());

  async function row(id: string) {
    return db.selectFrom('approvals').selectAll().where('id', '=', id).executeTakeFirst();
  }

  const approvals: Approvals = {
    async request(input) {
      const existing = await db.selectFrom('approvals').selectAll().where('turn_id', '=', input.turnId).where('call_id', '=', input.callId).executeTakeFirst();
      if (existing) return { approval: toView(existing), created: false };
      const requested = now();
      const values: ApprovalsTable = {
        id: randomUUID(),
        turn_id: input.turnId,
        call_id: input.callId,
        principal_id: input.principal.id,
        principal: JSON.stringify(input.principal),
        tool: input.tool,
        skill: input.skill ?? null,
        args: JSON.stringify(input.args),
        action: input.action,
        reason: input.reason,
        rule: input.rule,
        approvers: JSON.stringify(input.approvers),
        status: 'pending',
        requested_at: requested.toISOString(),
        expires_at: new Date(requested.getTime() + input.expiresMinutes * 60_000).toISOString(),
        decided_by: null,
        decided_at: null,
        note: null,
      };
      await db.insertInto('approvals').values(values).execute();
      const approval = toView(values);
      await audit.append({
        type: 'approval',
        actor: 'agent',
        principal: input.principal.id,
        outcome: 'requested',
        reason: input.reason,
        data: { approval: approval.id, tool: input.tool, skill: input.skill, args: input.args, rule: input.rule, approvers: input.approvers, expiresAt: approval.expiresAt },
      });
      return { approval, created: true };
    },

    async get(id) {
      const r = await row(id);
      return r && toView(r);
    },

    async list(filter = {}) {
      let query = db.selectFrom('approvals').selectAll().orderBy('requested_at');
      if (filter.status) query = query.where('status', '=', filter.status);
      return (await query.execute()).map(toView);
    },

    mayDecide(approval, by) {
      if (by.kind === 'cli') return undefined;
      const who = by.principal;
      if (who.id === approval.principalId) return 'you cannot approve your own request';
      const spec = approval.approvers;
      if ('manager' in spec) {
        // The manager is whoever the channel said it was when the request was made.
        return who.userId !== undefined && who.userId === approval.managerUserId ? undefined : "only the requester's manager may decide this request";
      }
      const roles = resolveRoles(options.policy(), who, options.directory?.());
      return roles.includes(spec.role) ? undefined : `only members of role ${spec.role} may decide this request`;
    },

    async decide(id, { approve, by, note }) {
      const current = await approvals.expireIfDue(id);
      if (!current) throw new WardenError('usage', `no approval request with id ${id}; run \`warden approvals list\``);
      if (current.status !== 'pending') throw new WardenError('usage', `approval ${id} is already ${current.status}${current.decidedBy ? ` (by ${current.decidedBy})` : ''}`);
      const refusal = approvals.mayDecide(current, by);
      if (refusal) {
        await audit.append({ type: 'approval', actor: deciderName(by), principal: current.principalId, outcome: 'refused', reason: refusal, data: { approval: id } });
        throw new WardenError('usage', `cannot decide approval ${id}: ${refusal}`);
      }
      const status = approve ? 'approved' : 'denied';
      const decidedAt = now().toISOString();
      const result = await db
        .updateTable('approvals')
        .set({ status, decided_by: deciderName(by), decided_at: decidedAt, note: note ?? null })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new WardenError('usage', `approval ${id} was decided by someone else just now`);
      const decided = toView((await row(id))!);
      await audit.append({
        type: 'approval',
        actor: deciderName(by),
        principal: current.principalId,
        outcome: status,
        reason: note ?? `${status} by ${deciderName(by)}`,
        data: { approval: id, tool: current.tool, skill: current.skill, rule: current.rule },
      });
      options.onDecided?.(decided);
      return decided;
    },

    async expireIfDue(id) {
      const r = await row(id);
      if (!r) return undefined;
      if (r.status !== 'pending' || r.expires_at > now().toISOString()) return toView(r);
      const result = await db.updateTable('approvals').set({ status: 'expired', decided_at: now().toISOString() }).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
      const expired = toView((await row(id))!);
      if (Number(result.numUpdatedRows) === 1) {
        await audit.append({ type: 'approval', actor: 'system', principal: r.principal_id, outcome: 'expired', reason: 'nobody decided the request before it expired', data: { approval: id } });
        options.onDecided?.(expired);
      }
      return expired;
    },
  };

  return approvals;
}
