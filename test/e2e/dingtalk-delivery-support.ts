// Shared by the delivery test and `npm run bench:dingtalk`: an organisation with many people and
// chats, a `warden serve` installation pointed at an in-process DingTalk emulator, an echo model
// (the answer names the message's token, so replies can be matched to messages) and a tally of
// what the bot sent, per message, from the emulator's outbox.

import { appendFileSync } from 'node:fs';
import { cardTrackId } from '../../src/channels/dingtalk/card-replier.ts';
import type { DingtalkEmulator, OrgDocument } from '../../src/emulator/dingtalk/index.ts';
import type { ChatRequest, Step } from '../emulators/model/index.ts';
import { install, wardenOk, type Installation } from './support.ts';

export const APP = { clientId: 'dingdeliveryapp01', clientSecret: 'delivery-secret-not-real', robotCode: 'dingdeliveryapp01', corpId: 'dingcorpdelivery01', chatbotUserId: '$:LWCP_v1:$deliveryBot01', name: 'Warden' };
export const CARD_TEMPLATE = 'warden-answer.schema';

/** Where a message goes: a person's 1:1 chat with the bot, or a group (messages @-mention the bot). */
export interface Conversation {
  as: string;
  chat?: string;
}

/**
 * `singles` people each in a 1:1 chat with the bot, plus `groups` group chats of three people each
 * (whose first member writes). Returns the org and one Conversation per chat.
 */
export function deliveryOrg(singles: number, groups: number): { org: OrgDocument; conversations: Conversation[] } {
  const pad = (n: number) => String(n).padStart(4, '0');
  const users: Array<{ userId: string; unionId: string; name: string; departments: number[] }> = [];
  const person = (n: number) => {
    users.push({ userId: `staff${pad(n)}`, unionId: `union${pad(n)}`, name: `员工${n}`, departments: [1] });
    return `staff${pad(n)}`;
  };
  const conversations: Conversation[] = [];
  let n = 0;
  for (let i = 0; i < singles; i++) conversations.push({ as: person(++n) });
  const chats = [];
  for (let g = 0; g < groups; g++) {
    const members = [person(++n), person(++n), person(++n)];
    const conversationId = `cidDeliveryGroup${pad(g)}`;
    chats.push({ conversationId, title: `群 ${g}`, type: 'group', members });
    conversations.push({ as: members[0]!, chat: conversationId });
  }
  return { org: { app: APP, departments: [{ id: 1, name: '总部', parentId: 0 }], users, chats } as unknown as OrgDocument, conversations };
}

/** The token a test message carries: `m<conversation>x<index>`. */
export const token = (conversation: number, index: number) => `m${conversation}x${index}`;
const TOKEN = /\bm\d+x\d+\b/;

/** An instant model that answers `echo <token>` for the token in the person's latest message. */
export function echoTokenScript(request: ChatRequest): Step {
  const last = [...request.messages].reverse().find((m) => m.role === 'user');
  const text = typeof last?.content === 'string' ? last.content : JSON.stringify(last?.content ?? '');
  return { text: `echo ${TOKEN.exec(text)?.[0] ?? 'no-token'}` };
}

/** An installation whose warden.yaml has a `dingtalk` section for the emulator (AI cards on). */
export async function installForEmulator(emulator: DingtalkEmulator, options: { databaseUrl?: string; cards?: boolean } = {}): Promise<Installation> {
  const inst = await install({ policy: 'version: 1\nroles:\n  guest: {}\n', ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}) });
  inst.setScript(echoTokenScript);
  await wardenOk(inst, ['secrets', 'set', 'DINGTALK_SECRET', '--host', new URL(emulator.url).host], APP.clientSecret);
  appendFileSync(
    `${inst.root}/warden.yaml`,
    `dingtalk:\n  clientId: ${APP.clientId}\n  clientSecretSecret: DINGTALK_SECRET\n  robotCode: ${APP.robotCode}\n  corpId: ${APP.corpId}\n${options.cards === false ? '' : `  cardTemplateId: ${CARD_TEMPLATE}\n`}  apiBaseUrl: ${emulator.url}\n  oapiBaseUrl: ${emulator.url}\n`,
  );
  return inst;
}

export interface SentRecord {
  token: string;
  msgId: string;
  conversationId: string;
}

export interface Tally {
  sent: number;
  answered: number;
  duplicates: number;
  missing: number;
  outOfOrder: number;
  /** Tokens with problems, for the failure message. */
  problems: string[];
}

/**
 * Counts the bot's replies per message: finished AI cards and chat messages whose text carries the
 * message's token. A message is answered when exactly one reply carries its token and that reply is
 * finished; order is the order of each reply's first appearance in the conversation's outbox.
 */
export function tally(emulator: DingtalkEmulator, sent: readonly SentRecord[]): Tally {
  const replies = new Map<string, number>(); // token → replies carrying it
  const finished = new Set<string>();
  const firstSeq = new Map<string, number>(); // outTrackId or message id → first event seq
  for (const event of emulator.control.events(0)) {
    const id = event.kind === 'card' ? event.card.outTrackId : event.message.id;
    if (!firstSeq.has(id)) firstSeq.set(id, event.seq);
  }
  const replySeq = new Map<string, number>(); // token → seq of its reply
  const { messages, cards } = emulator.control.sent();
  const count = (text: string, id: string, done: boolean) => {
    for (const t of text.match(new RegExp(TOKEN, 'g')) ?? []) {
      replies.set(t, (replies.get(t) ?? 0) + 1);
      if (done) finished.add(t);
      replySeq.set(t, Math.min(replySeq.get(t) ?? Infinity, firstSeq.get(id) ?? Infinity));
    }
  };
  for (const card of cards) count(Object.values(card.streaming).join('\n'), card.outTrackId, card.state === 'finished');
  for (const message of messages) count(message.text, message.id, true);
  // An AI card is created before its content streams in: its order is its creation, found by the
  // outTrackId the channel derives from the message key.
  for (const record of sent) {
    const seq = firstSeq.get(cardTrackId(record.msgId, 0));
    if (seq !== undefined && replies.has(record.token)) replySeq.set(record.token, seq);
  }
  const result: Tally = { sent: sent.length, answered: 0, duplicates: 0, missing: 0, outOfOrder: 0, problems: [] };
  const lastSeq = new Map<string, number>();
  for (const record of sent) {
    const n = replies.get(record.token) ?? 0;
    if (n > 1) {
      result.duplicates += n - 1;
      result.problems.push(`${record.token} answered ${n} times`);
    }
    if (n === 0 || !finished.has(record.token)) {
      result.missing++;
      result.problems.push(`${record.token} (${record.msgId}) ${n === 0 ? 'not answered' : 'answer not finished'}`);
      continue;
    }
    result.answered++;
    const seq = replySeq.get(record.token)!;
    const previous = lastSeq.get(record.conversationId) ?? -1;
    if (seq < previous) {
      result.outOfOrder++;
      result.problems.push(`${record.token} answered before an earlier message of ${record.conversationId}`);
    }
    lastSeq.set(record.conversationId, Math.max(previous, seq));
  }
  return result;
}
