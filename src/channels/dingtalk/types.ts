// The channel's public shapes: configuration, people, inbound messages, repliers and the channel.

import type { AuditLog } from '../../audit/index.ts';
import type { Store } from '../../store/index.ts';
import type { DingtalkApi } from './api-types.ts';

export interface DingtalkChannelConfig {
  clientId: string;
  /** The secret's value (resolved from the secret store by the caller). */
  clientSecret: string;
  robotCode: string;
  /** AI card template with a markdown streaming variable `msgContent`; without it answers go out as markdown. */
  cardTemplateId?: string;
  /** Interactive card template with Approve / Deny buttons (see approval-cards.ts for its variables). */
  approvalCardTemplateId?: string;
  /** The organisation's corpId: a sender from another corpId is external. */
  corpId?: string;
  apiBaseUrl: string;
  oapiBaseUrl: string;
  /** Largest picture or file downloaded from a message (default 20 MiB). */
  maxFileBytes?: number;
}

export interface DingtalkPerson {
  userId: string;
  unionId?: string;
  name?: string;
  corpId?: string;
  /** Department ids as strings, the user's own departments first, then their ancestors. */
  departments: string[];
  managerUserId?: string;
  external: boolean;
}

export interface InboundAttachment {
  name: string;
  path: string;
  bytes: number;
}

export interface InboundMessage {
  /** DingTalk data.msgId: the dedup key and the turn's message key. */
  key: string;
  conversationId: string;
  conversationType: 'single' | 'group';
  chatTitle?: string;
  sender: DingtalkPerson;
  /** The text the bot should answer ('' when none); the @-mention of the bot removed. */
  text: string;
  /** Downloaded into workspaceFor(conversationId)/inbox/. */
  attachments: InboundAttachment[];
  /** Set for content we cannot read: the gateway replies politely. */
  unsupported?: string;
  receivedAt: string;
}

/** One per answer; safe to call in any order, never throws to the caller (failures are logged). */
export interface Replier {
  /** Compact tool progress ("reading sheet 订单…"). */
  progress(text: string): void;
  /** Streamed answer text, appended to what came before. */
  delta(text: string): void;
  final(text: string): Promise<void>;
  fail(message: string): Promise<void>;
}

export interface ApprovalCardRequest {
  approvalId: string;
  approverUserIds: string[];
  requester: DingtalkPerson;
  action: string;
  reason: string;
  expiresAt: string;
}

export interface ApprovalOutcome {
  decision: 'approved' | 'denied' | 'expired';
  by?: DingtalkPerson;
}

export interface ApprovalClick {
  approvalId: string;
  decision: 'approve' | 'deny';
  by: DingtalkPerson;
}

export interface DingtalkChannel {
  /** For the work tools: DingTalk's OpenAPI with the app's token. */
  readonly api: DingtalkApi;
  /** Opens the stream; stored-but-unanswered messages are dispatched first. */
  start(): Promise<void>;
  stop(): Promise<void>;
  replier(message: InboundMessage): Replier;
  /** The gateway calls it once the answer is delivered. */
  markAnswered(key: string): Promise<void>;
  sendApprovalCard(request: ApprovalCardRequest): Promise<void>;
  finishApprovalCard(approvalId: string, outcome: ApprovalOutcome): Promise<void>;
  person(userId: string): Promise<DingtalkPerson>;
}

export interface DingtalkChannelOptions {
  config: DingtalkChannelConfig;
  store: Store;
  audit: AuditLog;
  workspaceFor(conversationId: string): string;
  /** Called once per stored message, in order within a conversation, conversations in parallel. */
  onMessage(message: InboundMessage): Promise<void>;
  onApprovalClick(click: ApprovalClick): Promise<{ accepted: boolean; message: string }>;
  log?: (line: string) => void;
  fetch?: typeof fetch;
  random?: () => number;
  /** Timing and size knobs; the defaults suit DingTalk. */
  tuning?: DingtalkChannelTuning;
}

export interface DingtalkChannelTuning {
  /** Stream client timing, for tests: WebSocket ping interval and first reconnect delay. */
  pingIntervalMs?: number;
  minBackoffMs?: number;
  /** Milliseconds between AI card streaming updates (default 300). */
  cardIntervalMs?: number;
  /** Largest content of one AI card in UTF-8 bytes (default 3000). */
  cardBytes?: number;
  /** Largest markdown message in UTF-8 bytes (default 3800). */
  maxMessageBytes?: number;
  /** Retry delay of a failing onMessage (default 1000 ms, doubling, 3 attempts). */
  retryDelayMs?: number;
  /**
   * Start-up window (default 1000 ms): messages received in it are stored and acknowledged but run
   * only when it ends, oldest (DingTalk createAt) first within each conversation, so a message the
   * previous process never stored and DingTalk redelivers still goes before newer ones.
   */
  reorderWindowMs?: number;
}

