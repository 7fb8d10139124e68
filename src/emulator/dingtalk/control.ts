// The control side of the emulator, in process (tests) and over HTTP (control-routes.ts, the CLI):
// act as a user (write to the bot, click a card button), read what the bot did, inject faults.

import type { CardClickInput, CardClickResult } from './card-clicks.ts';
import type { OrgChat, OrgDepartment } from './context.ts';
import type { OpenFailure } from './gateway.ts';
import type { OutboxEvent, SentMessage, CardView } from './outbox.ts';
import type { PostMessageInput, PostMessageResult } from './robot-inbound.ts';
import type { CallRecord } from './server-context.ts';
import type { AckRecord, StreamConnection } from './stream-hub.ts';
import type { SheetRow } from './work/index.ts';

/** The organisation as `warden emulator org` prints it. */
export interface OrgSummary {
  app: { clientId: string; clientSecret: string; robotCode: string; corpId: string; name: string };
  departments: OrgDepartment[];
  users: { userId: string; unionId: string; name: string; departments: number[]; managerUserId?: string; external: boolean; singleConversationId: string }[];
  chats: OrgChat[];
  tables: unknown[];
}

export interface EmulatorControl {
  org(): OrgSummary;
  /** A person writes to the bot (1:1 unless `chat`); throws ControlInputError on unknown ids. */
  postMessage(input: PostMessageInput): PostMessageResult;
  /** A person clicks a card button; resolves once the bot answered or 2 s passed. */
  clickCard(input: CardClickInput): Promise<CardClickResult>;
  /** What the bot sent (messages, cards with state and streamed content), in one chat or all. */
  sent(conversationId?: string): { messages: SentMessage[]; cards: CardView[] };
  /** Changes after `after` (sequence number), for following a conversation. */
  events(after?: number, conversationId?: string): OutboxEvent[];
  /** The sequence number of the latest change (0 before any). */
  lastSeq(): number;
  /** Rows of an AI Table sheet (base and sheet by id or name), undefined when unknown. */
  notableRows(base: string, sheet: string): SheetRow[] | undefined;
  userTasks(userId: string): unknown[];
  userTodos(unionId: string): unknown[];
  /** The calls the bot made, oldest first. */
  calls(): CallRecord[];
  connections(): StreamConnection[];
  acks(): AckRecord[];
  /** Frames not yet acknowledged (or waiting for a connection). */
  pendingCount(): number;
  ping(connectionId: string, timeoutMs?: number): Promise<boolean>;
  disconnect(connectionId: string, reason?: string): void;
  drop(connectionId: string): void;
  zombie(connectionId: string): void;
  failConnectionsOpen(failure: OpenFailure, count?: number): void;
  /** The next `count` token requests fail (a refresh failure). */
  failTokenRequests(count?: number): void;
  /** Every issued access token stops working (as after expiry). */
  revokeTokens(): void;
  /** Every session webhook handed out so far expires. */
  expireSessions(): void;
}
