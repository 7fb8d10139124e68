// Approval cards: an interactive card with Approve / Deny buttons sent 1:1 to each approver, and the
// card callback that decides. The template (config approvalCardTemplateId) shows the variables
// title, requester, action, reason, expiresAt, status, decidedBy, and its two buttons carry the
// callback params {action: "approve" | "deny", approvalId, nonce} (bound from the card variables of
// the same names). A click counts only when the clicker is one of the approvers the card was sent
// to, the approval is still open and unexpired, and the nonce matches; the row is claimed atomically
// (open → clicked), so a replayed or concurrent click is refused.

import { randomBytes } from 'node:crypto';
import type { AuditLog } from '../../audit/index.ts';
import type { Store } from '../../store/index.ts';
import type { DingtalkApi } from './api-types.ts';
import type { ApprovalCardRequest, ApprovalClick, ApprovalOutcome, DingtalkPerson } from './types.ts';

export interface ApprovalCardsOptions {
  api: DingtalkApi;
  store: Store;
  audit: AuditLog;
  robotCode: string;
  templateId?: string;
  person(userId: string): Promise<DingtalkPerson>;
  onApprovalClick(click: ApprovalClick): Promise<{ accepted: boolean; message: string }>;
  log: (line: string) => void;
  now?: () => number;
}

/** What the callback's ACK carries back to DingTalk: the card update shown at once to the clicker. */
export interface CardCallbackResponse {
  cardData?: { cardParamMap: Record<string, string> };
  userPrivateData?: { cardParamMap: Record<string, string> };
  cardUpdateOptions?: { updateCardDataByKey: boolean; updatePrivateDataByKey: boolean };
}

export interface ApprovalCards {
  send(request: ApprovalCardRequest): Promise<void>;
  finish(approvalId: string, outcome: ApprovalOutcome): Promise<void>;
  /** Handles a card callback's data; undefined when the card is not an approval card. */
  onCallback(data: Record<string, unknown>): Promise<CardCallbackResponse | undefined>;
}

const TRACK_PREFIX = 'warden_approval.';
const STATUS_TEXT = { pending: '待审批 Pending', approved: '已同意 Approved', denied: '已拒绝 Denied', expired: '已过期 Expired' } as const;

function trackId(approvalId: string, index: number): string {
  return `${TRACK_PREFIX}${approvalId}.${index}`;
}

/** The approvalId a card's outTrackId names, if it is one of ours. */
function approvalOfTrack(outTrackId: unknown): string | undefined {
  if (typeof outTrackId !== 'string' || !outTrackId.startsWith(TRACK_PREFIX)) return undefined;
  const rest = outTrackId.slice(TRACK_PREFIX.length);
  const dot = rest.lastIndexOf('.');
  return dot > 0 ? rest.slice(0, dot) : undefined;
}

function parseContent(value: unknown): { actionIds: string[]; params: Record<string, unknown> } {
  let content: unknown = value;
  if (typeof value === 'string') {
    try {
      content = JSON.parse(value);
    } catch {
      content = {};
    }
  }
  const root = (content && typeof content === 'object' ? content : {}) as Record<string, unknown>;
  const priv = (root.cardPrivateData && typeof root.cardPrivateData === 'object' ? root.cardPrivateData : {}) as Record<string, unknown>;
  const params = (priv.params && typeof priv.params === 'object' ? priv.params : {}) as Record<string, unknown>;
  const actionIds = Array.isArray(priv.actionIds) ? priv.actionIds.map(String) : [];
  return { actionIds, params };
}

function decisionOf(actionIds: string[], params: Record<string, unknown>): 'approve' | 'deny' | undefined {
  const said = [String(params.action ?? ''), ...actionIds].map((s) => s.toLowerCase());
  if (said.some((s) => /^(approve|accept|agree)/.test(s))) return 'approve';
  if (said.some((s) => /^(deny|reject|refuse)/.test(s))) return 'deny';
  return undefined;
}

export function createApprovalCards(options: ApprovalCardsOptions): ApprovalCards {
  const db = options.store.db;
  const now = options.now ?? Date.now;

  async function refuse(userId: string, approvalId: string, why: string): Promise<CardCallbackResponse> {
    options.log(`dingtalk approval: click by ${userId} on ${approvalId} refused: ${why}`);
    await options.audit.append({ type: 'approval', actor: `user:${userId}`, outcome: 'refused', reason: why, data: { approvalId, channel: 'dingtalk' } }).catch((error: unknown) => options.log(`dingtalk approval: audit append failed: ${(error as Error).message}`));
    return { userPrivateData: { cardParamMap: { notice: why } }, cardUpdateOptions: { updateCardDataByKey: true, updatePrivateDataByKey: true } };
  }

  async function updateCards(cardsJson: string, params: Record<string, string>): Promise<void> {
    const cards = JSON.parse(cardsJson) as Array<{ userId: string; outTrackId: string }>;
    await Promise.all(cards.map((card) =>
      options.api
        .request('PUT', '/v1.0/card/instances', { body: { outTrackId: card.outTrackId, cardData: { cardParamMap: params }, cardUpdateOptions: { updateCardDataByKey: true, updatePrivateDataByKey: false }, userIdType: 1 }, idempotent: true })
        .catch((error: unknown) => options.log(`dingtalk approval: updating card ${card.outTrackId} failed: ${(error as Error).message}`)),
    ));
  }

  return {
    async send(request) {
      if (!options.templateId) throw new Error('approval cards need dingtalk.approvalCardTemplateId (an interactive card template with Approve / Deny buttons)');
      const approvers = [...new Set(request.approverUserIds)].filter(Boolean);
      if (!approvers.length) throw new Error(`approval ${request.approvalId} has no approver to send the card to`);
      // One card set per approval: a turn resumed after a restart asks again, and the cards sent then still work.
      if (await db.selectFrom('dingtalk_approval_cards').select('approval_id').where('approval_id', '=', request.approvalId).executeTakeFirst()) return;
      const nonce = randomBytes(16).toString('hex');
      const cards = approvers.map((userId, index) => ({ userId, outTrackId: trackId(request.approvalId, index) }));
      const shown = { action: request.action, reason: request.reason, requester: request.requester.name ?? request.requester.userId, requesterUserId: request.requester.userId, expiresAt: request.expiresAt };
      await db.insertInto('dingtalk_approval_cards').values({
        approval_id: request.approvalId,
        nonce,
        approver_user_ids: JSON.stringify(approvers),
        cards: JSON.stringify(cards),
        request: JSON.stringify(shown),
        status: 'open',
        decision: null,
        decided_by: null,
        created_at: new Date(now()).toISOString(),
        expires_at: request.expiresAt,
      }).execute();
      const params: Record<string, string> = { title: '审批请求 Approval needed', requester: shown.requester, action: request.action, reason: request.reason, expiresAt: request.expiresAt, status: STATUS_TEXT.pending, decidedBy: '', approvalId: request.approvalId, nonce };
      let delivered = 0;
      for (const card of cards) {
        try {
          const answer = await options.api.request<{ result?: { deliverResults?: Array<{ success?: boolean; errorMsg?: string }> } }>('POST', '/v1.0/card/instances/createAndDeliver', {
            body: { cardTemplateId: options.templateId, outTrackId: card.outTrackId, cardData: { cardParamMap: params }, callbackType: 'STREAM', userIdType: 1, openSpaceId: `dtv1.card//IM_ROBOT.${card.userId}`, imRobotOpenSpaceModel: { supportForward: false }, imRobotOpenDeliverModel: { spaceType: 'IM_ROBOT', robotCode: options.robotCode } },
          });
          const failed = (answer.result?.deliverResults ?? []).find((d) => d.success === false);
          if (failed) throw new Error(failed.errorMsg || 'not delivered');
          delivered++;
        } catch (error) {
          options.log(`dingtalk approval: card for ${request.approvalId} to ${card.userId} failed: ${(error as Error).message}`);
        }
      }
      if (!delivered) throw new Error(`no approval card for ${request.approvalId} could be delivered (to ${approvers.join(', ')})`);
    },

    async finish(approvalId, outcome) {
      const row = await db.selectFrom('dingtalk_approval_cards').selectAll().where('approval_id', '=', approvalId).executeTakeFirst();
      if (!row) return; // no card was sent for it (decided in the terminal first, or cards not configured)
      const by = outcome.by ? outcome.by.name ?? outcome.by.userId : '';
      await db.updateTable('dingtalk_approval_cards').set({ status: outcome.decision === 'expired' ? 'expired' : 'decided', decision: outcome.decision, decided_by: outcome.by?.userId ?? row.decided_by }).where('approval_id', '=', approvalId).execute();
      await updateCards(row.cards, { status: STATUS_TEXT[outcome.decision], decidedBy: by, nonce: '' });
    },

    async onCallback(data) {
      const { actionIds, params } = parseContent(data.content);
      const approvalId = typeof params.approvalId === 'string' && params.approvalId ? params.approvalId : approvalOfTrack(data.outTrackId);
      if (!approvalId) return undefined;
      const userId = typeof data.userId === 'string' ? data.userId : '';
      if (!userId) return refuse('(unknown)', approvalId, 'the callback names no user');
      const row = await db.selectFrom('dingtalk_approval_cards').selectAll().where('approval_id', '=', approvalId).executeTakeFirst();
      if (!row) return refuse(userId, approvalId, 'no such approval');
      const approvers = JSON.parse(row.approver_user_ids) as string[];
      if (!approvers.includes(userId)) return refuse(userId, approvalId, 'the clicker is not an approver of this request');
      if (row.status !== 'open') return refuse(userId, approvalId, `the request is already ${row.status === 'clicked' ? 'being decided' : row.decision ?? row.status}`);
      if (Date.parse(row.expires_at) <= now()) return refuse(userId, approvalId, 'the request has expired');
      if (typeof params.nonce !== 'string' || params.nonce !== row.nonce) return refuse(userId, approvalId, 'the card is stale (its one-time value does not match)');
      const decision = decisionOf(actionIds, params);
      if (!decision) return refuse(userId, approvalId, 'the click is neither approve nor deny');
      const claimed = await db.updateTable('dingtalk_approval_cards').set({ status: 'clicked' }).where('approval_id', '=', approvalId).where('status', '=', 'open').where('nonce', '=', row.nonce).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return refuse(userId, approvalId, 'another click is being decided');
      let result: { accepted: boolean; message: string };
      let by: DingtalkPerson = { userId, departments: [], external: false };
      try {
        by = await options.person(userId);
        result = await options.onApprovalClick({ approvalId, decision, by });
      } catch (error) {
        result = { accepted: false, message: `could not record the decision: ${(error as Error).message}` };
      }
      if (!result.accepted) {
        await db.updateTable('dingtalk_approval_cards').set({ status: 'open' }).where('approval_id', '=', approvalId).where('status', '=', 'clicked').execute();
        options.log(`dingtalk approval: click by ${userId} on ${approvalId} not accepted: ${result.message}`);
        return { userPrivateData: { cardParamMap: { notice: result.message } }, cardUpdateOptions: { updateCardDataByKey: true, updatePrivateDataByKey: true } };
      }
      const outcome = decision === 'approve' ? 'approved' : 'denied';
      await db.updateTable('dingtalk_approval_cards').set({ status: 'decided', decision: outcome, decided_by: userId, nonce: randomBytes(16).toString('hex') }).where('approval_id', '=', approvalId).execute();
      return { cardData: { cardParamMap: { status: STATUS_TEXT[outcome], decidedBy: by.name ?? userId, nonce: '' } }, userPrivateData: { cardParamMap: { notice: result.message } }, cardUpdateOptions: { updateCardDataByKey: true, updatePrivateDataByKey: true } };
    },
  };
}
