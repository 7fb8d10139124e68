// The DingTalk channel: the inbox of received messages (dedup, ack after store) and approval cards.

import type { Kysely } from 'kysely';
import type { StoreDialect } from '../types.ts';

export async function up(db: Kysely<unknown>, _dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('dingtalk_inbox')
    .addColumn('msg_id', 'text', (c) => c.primaryKey())
    .addColumn('frame_message_id', 'text', (c) => c.notNull().unique())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('order_key', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema.createIndex('dingtalk_inbox_pending').on('dingtalk_inbox').columns(['answered_at', 'conversation_id', 'order_key']).execute();
  await db.schema
    .createTable('dingtalk_approval_cards')
    .addColumn('approval_id', 'text', (c) => c.primaryKey())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('approver_user_ids', 'text', (c) => c.notNull())
    .addColumn('cards', 'text', (c) => c.notNull())
    .addColumn('request', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}
