// DingTalk ↔ runtime. A stored message becomes a turn for its sender; the turn's events stream into
// the reply (text deltas, compact tool progress); approvals become cards to the approvers and
// their clicks become decisions; the message is marked answered only after its answer went out.
// Restart safety comes from both sides keeping state: the channel re-dispatches unanswered messages,
// the runtime finds the turn by the message key (never runs it twice) and the answer is sent again
// from the stored outcome (an AI card is keyed by the message, so DingTalk shows it once).

import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { sessionWorkspace, type AgentEvent, type ApprovalView, type Runtime, type RuntimePrincipal } from '../agent/index.ts';
import type { DingtalkChannel, DingtalkPerson, InboundMessage } from '../channels/dingtalk/index.ts';
import type { Policy } from '../policy/index.ts';

export interface BridgeOptions {
  runtime: () => Runtime;
  channel: () => DingtalkChannel;
  policy: () => Policy;
  workspaceRoot: string;
  log: (line: string) => void;
}

export const CHANNEL = 'dingtalk';

export function principalOf(person: DingtalkPerson): RuntimePrincipal {
  return {
    id: `dingtalk:${person.userId}`,
    userId: person.userId,
    ...(person.unionId ? { unionId: person.unionId } : {}),
    ...(person.name ? { name: person.name } : {}),
    ...(person.corpId ? { corpId: person.corpId } : {}),
    ...(person.external ? { external: true } : {}),
    departments: person.departments,
    ...(person.managerUserId ? { managerUserId: person.managerUserId } : {}),
  };
}

/** DingTalk userIds who may decide an approval: the requester's manager, or the members named for a role. */
export function approverUserIds(policy: Policy, approval: ApprovalView): string[] {
  if ('manager' in approval.approvers) return approval.managerUserId ? [approval.managerUserId] : [];
  const role = approval.approvers.role;
  const ids = new Set<string>();
  for (const p of policy.principals) if (p.roles.includes(role) && p.userId) ids.add(p.userId);
  for (const g of policy.groups) if (g.roles.includes(role)) for (const id of g.userIds) ids.add(id);
  ids.delete(approval.principalId.replace(/^dingtalk:/, ''));
  return [...ids];
}

function progressLine(event: AgentEvent): string | undefined {
  switch (event.type) {
    case 'tool-call': {
      const target = ['path', 'sheet', 'url', 'command', 'baseId'].map((k) => event.args[k]).find((v) => typeof v === 'string') as string | undefined;
      return `${event.name}${target ? ` ${target.length > 60 ? `${target.slice(0, 60)}…` : target}` : ''}…`;
    }
    case 'progress':
      return event.text;
    case 'approval-needed':
      return `waiting for approval: ${event.approval.reason}`;
    case 'policy-decision':
      return event.effect === 'deny' ? `not allowed: ${event.reason}` : undefined;
    default:
      return undefined;
  }
}

export function createDingtalkBridge(options: BridgeOptions) {
  const { log } = options;
  // Card state lives in the channel's store (one card set per approval), so a restarted gateway
  // neither sends a second set nor forgets to update the first.
  const finishing = new Set<string>();
  // On shutdown, handlers waiting for a turn's outcome (e.g. an approval that takes a day) let go
  // without marking the message answered: the next start dispatches it again and the runtime picks
  // the turn up by its message key. Without this the channel's stop waits for them forever.
  let stop!: () => void;
  const stopping = new Promise<'stopping'>((resolve) => (stop = () => resolve('stopping')));

  async function onApprovalNeeded(approval: ApprovalView, requester: DingtalkPerson) {
    const approvers = approverUserIds(options.policy(), approval);
    if (approvers.length === 0) {
      log(`approval ${approval.id}: nobody in DingTalk can decide it (rule ${approval.rule}); decide with \`warden approvals\``);
      return;
    }
    await options.channel().sendApprovalCard({ approvalId: approval.id, approverUserIds: approvers, requester, action: approval.action, reason: approval.reason, expiresAt: approval.expiresAt });
  }

  async function onApprovalDecided(approval: ApprovalView) {
    if (approval.status === 'pending' || finishing.has(approval.id)) return;
    finishing.add(approval.id); // the click path and the turn's event both report the decision
    const by = approval.decidedBy?.startsWith('dingtalk:') ? await options.channel().person(approval.decidedBy.slice('dingtalk:'.length)).catch(() => undefined) : undefined;
    await options.channel().finishApprovalCard(approval.id, { decision: approval.status, ...(by ? { by } : {}) });
  }

  return {
    /** Releases handlers waiting for outcomes; call before stopping the channel. */
    stop(): void {
      stop();
    },

    async onMessage(message: InboundMessage): Promise<void> {
      const channel = options.channel();
      const replier = channel.replier(message);
      if (message.unsupported) {
        await replier.final(`Sorry, I can't read ${message.unsupported} messages yet. Please send text, a picture or a file.`);
        await channel.markAnswered(message.key);
        return;
      }
      const principal = principalOf(message.sender);
      const workspace = sessionWorkspace(options.workspaceRoot, CHANNEL, message.conversationId, principal.id);
      const attachments = message.attachments.map((a) => {
        const dir = join(workspace, 'inbox');
        mkdirSync(dir, { recursive: true });
        const name = `${message.key.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40)}-${basename(a.name)}`;
        copyFileSync(a.path, join(dir, name));
        rmSync(a.path, { force: true });
        return { name: a.name, path: `inbox/${name}` };
      });
      const runtime = options.runtime();
      const { turnId } = await runtime.submit({ channel: CHANNEL, conversationId: message.conversationId, messageKey: message.key, principal, text: message.text, attachments });
      const unsubscribe = runtime.subscribe((event) => {
        if (event.type === 'text-delta') replier.delta(event.text);
        const line = progressLine(event);
        if (line) replier.progress(line);
        if (event.type === 'approval-needed') onApprovalNeeded(event.approval, message.sender).catch((error: unknown) => log(`approval card for ${event.approval.id} failed: ${(error as Error).message}`));
        if (event.type === 'approval-decided') onApprovalDecided(event.approval).catch((error: unknown) => log(`approval card update for ${event.approval.id} failed: ${(error as Error).message}`));
      }, turnId);
      try {
        const outcome = await Promise.race([runtime.outcome(turnId), stopping]);
        if (outcome === 'stopping') return;
        if (outcome.status === 'done') await replier.final(outcome.text);
        else await replier.fail(outcome.text);
        await channel.markAnswered(message.key);
      } finally {
        unsubscribe();
      }
    },

    async onApprovalClick(click: { approvalId: string; decision: 'approve' | 'deny'; by: DingtalkPerson }) {
      try {
        const decided = await options.runtime().approvals.decide(click.approvalId, { approve: click.decision === 'approve', by: { kind: 'principal', principal: principalOf(click.by) } });
        await onApprovalDecided(decided).catch((error: unknown) => log(`approval card update failed: ${(error as Error).message}`));
        return { accepted: true, message: `${decided.status} by ${click.by.name ?? click.by.userId}` };
      } catch (error) {
        return { accepted: false, message: (error as Error).message };
      }
    },
  };
}
