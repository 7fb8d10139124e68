// What the bot did, as the people in the chats would see it: messages sent (session webhook, 1:1
// and group OpenAPI sends) and cards (their data, streamed content and state), each change an event
// with a growing sequence number so a watcher (`warden emulator say`) can follow a conversation.
// Also the session webhooks handed out with each delivered message, and uploaded message files.

import type { OrgUser } from './context.ts';
import { hex } from './ids.ts';

export type SendVia = 'sessionWebhook' | 'otoMessages' | 'groupMessages' | 'card';

export interface SentMessage {
  readonly id: string;
  readonly conversationId: string;
  readonly via: SendVia;
  /** `text`, `markdown`, … for webhooks; the msgKey (`sampleMarkdown`…) for OpenAPI sends. */
  readonly msgtype: string;
  readonly content: unknown;
  /** The readable text of the message (markdown/text body, card title…). */
  readonly text: string;
  readonly at: number;
  recalled: boolean;
}

export type CardState = 'processing' | 'inputting' | 'finished' | 'failed';

export interface CardView {
  readonly outTrackId: string;
  readonly cardTemplateId: string;
  readonly conversationIds: string[];
  /** Where it was delivered (`IM_GROUP` + openConversationId, `IM_ROBOT` + user id). */
  readonly spaces: { spaceType: string; spaceId: string }[];
  readonly callbackType: string;
  /** 1: user ids in callbacks and private data are userIds; 2: unionIds. */
  readonly userIdType: number;
  state: CardState;
  cardData: Record<string, string>;
  privateData: Record<string, Record<string, string>>;
  /** Streamed variables (key → content so far). */
  streaming: Record<string, string>;
  readonly createdAt: number;
  delivered: boolean;
}

export type OutboxEvent =
  | { readonly seq: number; readonly at: number; readonly conversationId: string; readonly kind: 'message'; readonly message: SentMessage }
  | { readonly seq: number; readonly at: number; readonly conversationId: string; readonly kind: 'card'; readonly card: CardView };

export interface Session {
  readonly conversationId: string;
  readonly expiresAt: number;
  readonly sender: OrgUser;
}

export interface StoredFile {
  readonly name: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

const MAX_EVENTS = 50_000;

export class Outbox {
  readonly #now: () => number;
  readonly #events: OutboxEvent[] = [];
  readonly #messages: SentMessage[] = [];
  readonly #sessions = new Map<string, Session>();
  readonly #files = new Map<string, StoredFile>();
  readonly #downloads = new Map<string, string>(); // download token → downloadCode
  readonly cards = new Map<string, CardView>();
  #seq = 0;

  constructor(now: () => number) {
    this.#now = now;
  }

  addMessage(message: Omit<SentMessage, 'id' | 'at' | 'recalled'>): SentMessage {
    const stored: SentMessage = { ...message, id: hex(12), at: this.#now(), recalled: false };
    this.#messages.push(stored);
    this.#push({ seq: 0, at: stored.at, conversationId: stored.conversationId, kind: 'message', message: { ...stored } });
    return stored;
  }

  /** Records a card change (creation, delivery, update, streaming) for each conversation it is in. */
  cardChanged(card: CardView): void {
    const snapshot: CardView = structuredClone(card);
    for (const conversationId of card.conversationIds) {
      this.#push({ seq: 0, at: this.#now(), conversationId, kind: 'card', card: snapshot });
    }
  }

  #push(event: OutboxEvent): void {
    this.#seq += 1;
    this.#events.push({ ...event, seq: this.#seq });
    if (this.#events.length > MAX_EVENTS) this.#events.splice(0, this.#events.length - MAX_EVENTS);
  }

  /** Events after `seq`, optionally for one conversation. */
  events(after = 0, conversationId?: string): OutboxEvent[] {
    return this.#events.filter((e) => e.seq > after && (conversationId === undefined || e.conversationId === conversationId));
  }

  lastSeq(): number {
    return this.#seq;
  }

  /** Messages and cards (current state) in a conversation, or everywhere. */
  sent(conversationId?: string): { messages: SentMessage[]; cards: CardView[] } {
    const inChat = (id: string): boolean => conversationId === undefined || id === conversationId;
    return {
      messages: this.#messages.filter((m) => inChat(m.conversationId)).map((m) => ({ ...m })),
      cards: [...this.cards.values()].filter((c) => c.conversationIds.some(inChat)).map((c) => structuredClone(c)),
    };
  }

  recall(id: string): boolean {
    const message = this.#messages.find((m) => m.id === id);
    if (message === undefined || message.recalled) return false;
    message.recalled = true;
    return true;
  }

  openSession(session: Session): string {
    const token = hex(16);
    this.#sessions.set(token, session);
    return token;
  }

  session(token: string): Session | undefined {
    const session = this.#sessions.get(token);
    return session !== undefined && session.expiresAt > this.#now() ? session : undefined;
  }

  /** Expires every session webhook now (control API: test the OpenAPI fallback). */
  expireSessions(): void {
    this.#sessions.clear();
  }

  storeFile(file: StoredFile): string {
    const downloadCode = `mIof${hex(16)}`;
    this.#files.set(downloadCode, file);
    return downloadCode;
  }

  /** A one-off download token for a stored file, or undefined for an unknown code. */
  downloadToken(downloadCode: string): string | undefined {
    if (!this.#files.has(downloadCode)) return undefined;
    const token = hex(16);
    this.#downloads.set(token, downloadCode);
    return token;
  }

  fileByToken(token: string): StoredFile | undefined {
    const code = this.#downloads.get(token);
    return code === undefined ? undefined : this.#files.get(code);
  }
}
