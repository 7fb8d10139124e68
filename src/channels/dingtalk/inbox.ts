// The inbox: robot messages stored before they are acknowledged. The insert is the dedup point
// (msg_id primary key, frame_message_id unique, ON CONFLICT DO NOTHING), so of two instances or two
// deliveries exactly one stores a message and only that one dispatches it.

import type { Store } from '../../store/index.ts';

export interface InboxEntry {
  msgId: string;
  frameMessageId: string;
  conversationId: string;
  orderKey: string;
  /** The robot callback's data (JSON text). */
  payload: string;
  receivedAt: string;
}

export interface Inbox {
  /** 'stored' when this call took the message, 'duplicate' when it was already there. */
  put(entry: InboxEntry): Promise<'stored' | 'duplicate'>;
  /** Messages not yet answered, oldest first within each conversation. */
  pending(): Promise<InboxEntry[]>;
  markAnswered(msgId: string, at: string): Promise<void>;
}

/** Sort key: DingTalk's createAt (ms, zero-padded so text order is time order), then receipt time. */
export function orderKey(createAt: number | undefined, receivedAt: string): string {
  const ms = Number.isFinite(createAt) && createAt! > 0 ? Math.trunc(createAt!) : Date.parse(receivedAt);
  return `${String(ms).padStart(15, '0')}|${receivedAt}`;
}

export function createInbox(store: Store): Inbox {
  const db = store.db;
  return {
    async put(entry) {
      const row = {
        msg_id: entry.msgId,
        frame_message_id: entry.frameMessageId,
        conversation_id: entry.conversationId,
        order_key: entry.orderKey,
        payload: entry.payload,
        received_at: entry.receivedAt,
        answered_at: null,
      };
      // One statement is atomic on both backends: no transaction needed around it.
      const inserted = await db.insertInto('dingtalk_inbox').values(row).onConflict((oc) => oc.doNothing()).returning('msg_id').executeTakeFirst();
      return inserted ? 'stored' : 'duplicate';
    },
    async pending() {
      const rows = await db.selectFrom('dingtalk_inbox').selectAll().where('answered_at', 'is', null).orderBy('conversation_id').orderBy('order_key').execute();
      return rows.map((r) => ({ msgId: r.msg_id, frameMessageId: r.frame_message_id, conversationId: r.conversation_id, orderKey: r.order_key, payload: r.payload, receivedAt: r.received_at }));
    },
    async markAnswered(msgId, at) {
      await db.updateTable('dingtalk_inbox').set({ answered_at: at }).where('msg_id', '=', msgId).where('answered_at', 'is', null).execute();
    },
  };
}
