// Identifiers the emulator hands out, shaped like DingTalk's (opaque strings of the same look), and
// stable where DingTalk's are stable (a user's encrypted sender id, a 1:1 conversation id).

import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** A v1.0 request id: upper-case UUID, as in DingTalk's error bodies. */
export function requestId(): string {
  return randomUUID().toUpperCase();
}

/** A short random hex string (tokens, sessions, tickets' companions). */
export function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

function digest(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('base64').replace(/[^A-Za-z0-9]/g, '');
}

/** The encrypted-looking `senderId` / `dingtalkId` of a user, stable per app and user. */
export function encryptedUserId(appKey: string, unionId: string): string {
  return `$:LWCP_v1:$${digest(appKey, unionId).slice(0, 32)}`;
}

/** The openConversationId of the 1:1 chat between the bot and a user (stable). */
export function singleConversationId(appKey: string, userId: string): string {
  return `cid${digest('single', appKey, userId).slice(0, 22)}==`;
}

/** A frame messageId like DingTalk's (`212ca9d7_974_1898c159aa6_1783b`). */
export function frameMessageId(sequence: number, now: number): string {
  return `${hex(4)}_${sequence.toString(16)}_${now.toString(16)}_${hex(3)}`;
}

/** A user message's `msgId` (`msg` + base64-ish), unique per message. */
export function messageId(): string {
  return `msg${randomBytes(12).toString('base64').replace(/[^A-Za-z0-9]/g, '')}==`;
}
