// A person clicks a button on a card: the callback frame of research §4.4 goes to the bot over the
// Stream topic `/v1.0/card/instances/callback`; the ACK's `response` (cardData, userPrivateData,
// cardUpdateOptions) updates the card, as DingTalk applies it. An answer later than the timeout
// (DingTalk: 2 s) counts as none: the card stays as it was.

import type { OrgState } from './context.ts';
import type { Outbox } from './outbox.ts';
import { ControlInputError } from './robot-inbound.ts';
import type { AckRecord, StreamHub } from './stream-hub.ts';

export const CARD_CALLBACK_TOPIC = '/v1.0/card/instances/callback';

export interface CardClickInput {
  outTrackId: string;
  /** The clicker's userId. */
  as: string;
  actionIds?: string[];
  params?: Record<string, unknown>;
}

export interface CardClickResult {
  frameMessageId: string;
  /** False when the bot did not answer within the timeout. */
  acked: boolean;
  /** The ACK's `data.response`, when it answered. */
  response?: unknown;
}

type Json = Record<string, any>;

function stringMap(value: unknown): Record<string, string> | undefined {
  const map = (value as Json | undefined)?.cardParamMap;
  if (map === null || typeof map !== 'object' || Array.isArray(map)) return undefined;
  return Object.fromEntries(Object.entries(map as Json).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}

export function createCardClicks(org: OrgState, hub: StreamHub, outbox: Outbox, timeoutMs: number): (input: CardClickInput) => Promise<CardClickResult> {
  return (input) => {
    const card = outbox.cards.get(input.outTrackId);
    if (card === undefined) throw new ControlInputError(`no card ${input.outTrackId}`);
    const user = org.users.find((u) => u.userId === input.as);
    if (user === undefined) throw new ControlInputError(`no user ${input.as} in the organisation`);
    const space = card.spaces.find((_, i) => {
      const conversationId = card.conversationIds[i]!;
      const chat = org.chats.find((ch) => ch.conversationId === conversationId);
      return chat === undefined ? true : chat.members.includes(user.userId);
    });
    if (space === undefined) throw new ControlInputError(`${input.as} cannot see card ${input.outTrackId}`);
    const userId = card.userIdType === 2 ? user.unionId : user.userId;
    const payload = {
      type: 'actionCallback',
      outTrackId: card.outTrackId,
      corpId: user.corpId,
      userId,
      userIdType: card.userIdType,
      spaceType: space.spaceType,
      spaceId: space.spaceId,
      extension: '{}',
      content: JSON.stringify({ cardPrivateData: { actionIds: input.actionIds ?? [], params: input.params ?? {} } }),
    };
    return new Promise((resolve) => {
      let settled = false;
      const apply = (ack: AckRecord): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const response = (ack.data as Json | undefined)?.response as Json | undefined;
        const options = (response?.cardUpdateOptions ?? {}) as Json;
        const data = stringMap(response?.cardData);
        if (data !== undefined) card.cardData = options.updateCardDataByKey === true ? { ...card.cardData, ...data } : data;
        const mine = stringMap(response?.userPrivateData);
        if (mine !== undefined) card.privateData[userId] = options.updatePrivateDataByKey === true ? { ...card.privateData[userId], ...mine } : mine;
        if (data !== undefined || mine !== undefined) outbox.cardChanged(card);
        resolve({ frameMessageId, acked: ack.code === 200, response });
      };
      const frameMessageId = hub.deliver({ type: 'CALLBACK', topic: CARD_CALLBACK_TOPIC, payload, onAck: apply });
      const timer = setTimeout(() => {
        settled = true;
        resolve({ frameMessageId, acked: false });
      }, timeoutMs);
    });
  };
}
