// The DingTalk channel: the inbox of received messages (dedup, ack after store), directory cache, cards.

import type { Kysely } from 'kysely';
import type { StoreDialect } from '../types.ts';

export async function up(_db: Kysely<unknown>, _dialect: StoreDialect): Promise<void> {}
