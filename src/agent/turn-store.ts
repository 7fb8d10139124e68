// The runtime's rows: sessions, turns and steps. Every write is its own committed statement (or
// one transaction), so what a crash leaves behind is always a prefix of the turn's steps.

import { randomUUID } from 'node:crypto';
import type { Store } from '../store/index.ts';
import type { StepsTable, TurnStatus, TurnsTable } from '../store/tables/runtime.ts';
import type { IncomingMessage, RuntimePrincipal } from './types.ts';

export interface SessionRow {
  id: string;
  channel: string;
  conversationId: string;
  principal: RuntimePrincipal;
  workspace: string;
}

export type TurnRow = TurnsTable;
export type StepRow = StepsTable;

export interface TurnStore {
  /**
   * Stores the message as a queued turn (and its session when new), unless a turn with the same
   * message key exists: then returns that one with `duplicate: true`.
   */
  enqueue(message: IncomingMessage, workspaceFor: (sessionId: string) => string): Promise<{ turn: TurnRow; session: SessionRow; duplicate: boolean }>;
  turn(id: number): Promise<TurnRow | undefined>;
  turnByKey(messageKey: string): Promise<TurnRow | undefined>;
  session(id: string): Promise<SessionRow>;
  /** Turns not finished (queued, running, waiting), oldest first. */
  unfinished(): Promise<TurnRow[]>;
  /** The oldest unfinished turn of the conversation before `id`, if any (turns of a conversation run in order, across instances too). */
  unfinishedBefore(conversationKey: string, id: number): Promise<TurnRow | undefined>;
  /** Finished turns of the session before `beforeId`, newest first, at most `limit`. */
  history(sessionId: string, beforeId: number, limit: number): Promise<Array<{ input: string; answer: string }>>;
  setStatus(id: number, status: TurnStatus, fields?: { answer?: string; error?: string }): Promise<void>;
  /** Takes the turn for this instance when nobody else holds a live claim on it (or the claim of `takeOverFrom`, known dead). */
  claim(id: number, owner: string, untilIso: string, nowIso: string, takeOverFrom?: string): Promise<boolean>;
  steps(turnId: number): Promise<StepRow[]>;
  addStep(step: Omit<StepRow, 'created_at' | 'updated_at'>): Promise<void>;
  finishStep(turnId: number, idx: number, fields: { input?: string; output?: string }): Promise<void>;
}

function toSession(row: { id: string; channel: string; conversation_id: string; principal: string; workspace: string }): SessionRow {
  return { id: row.id, channel: row.channel, conversationId: row.conversation_id, principal: JSON.parse(row.principal) as RuntimePrincipal, workspace: row.workspace };
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e.code === '23505' || /UNIQUE constraint failed/i.test(e.message ?? '');
}

export function createTurnStore(store: Store, now: () => Date = () => new Date()): TurnStore {
  const { db } = store;
  const iso = () => now().toISOString();

  return {
    async enqueue(message, workspaceFor) {
      const existing = await this.turnByKey(message.messageKey);
      if (existing) return { turn: existing, session: await this.session(existing.session_id), duplicate: true };
      const time = iso();
      try {
        return await store.transaction(async (trx) => {
          let session = await trx
            .selectFrom('sessions')
            .selectAll()
            .where('channel', '=', message.channel)
            .where('conversation_id', '=', message.conversationId)
            .where('principal_id', '=', message.principal.id)
            .executeTakeFirst();
          if (!session) {
            const id = randomUUID();
            session = { id, channel: message.channel, conversation_id: message.conversationId, principal_id: message.principal.id, principal: JSON.stringify(message.principal), workspace: workspaceFor(id), created_at: time, updated_at: time };
            await trx.insertInto('sessions').values(session).execute();
          } else {
            // The channel's view of the person (name, departments, manager) may have changed.
            await trx.updateTable('sessions').set({ principal: JSON.stringify(message.principal), updated_at: time }).where('id', '=', session.id).execute();
            session = { ...session, principal: JSON.stringify(message.principal) };
          }
          const input = message.attachments?.length
            ? `${message.text}\n\n[attached files, saved in the workspace: ${message.attachments.map((a) => a.path).join(', ')}]`
            : message.text;
          const turn = await trx
            .insertInto('turns')
            .values({
              session_id: session.id,
              message_key: message.messageKey,
              conversation_key: `${message.channel}:${message.conversationId}`,
              principal_id: message.principal.id,
              input,
              status: 'queued',
              answer: null,
              error: null,
              owner: null,
              owner_until: null,
              created_at: time,
              updated_at: time,
            } as never)
            .returningAll()
            .executeTakeFirstOrThrow();
          return { turn: { ...turn, id: Number(turn.id) }, session: toSession(session), duplicate: false };
        });
      } catch (error) {
        // Another instance (or a concurrent redelivery) stored the same message first.
        if (!isUniqueViolation(error)) throw error;
        const turn = await this.turnByKey(message.messageKey);
        if (turn) return { turn, session: await this.session(turn.session_id), duplicate: true };
        // Else another first message of this person created the session: store again, now finding it.
        return this.enqueue(message, workspaceFor);
      }
    },

    async turn(id) {
      const row = await db.selectFrom('turns').selectAll().where('id', '=', id).executeTakeFirst();
      return row && { ...row, id: Number(row.id) };
    },

    async turnByKey(messageKey) {
      const row = await db.selectFrom('turns').selectAll().where('message_key', '=', messageKey).executeTakeFirst();
      return row && { ...row, id: Number(row.id) };
    },

    async session(id) {
      const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return toSession(row);
    },

    async unfinished() {
      const rows = await db.selectFrom('turns').selectAll().where('status', 'in', ['queued', 'running', 'waiting']).orderBy('id').execute();
      return rows.map((r) => ({ ...r, id: Number(r.id) }));
    },

    async unfinishedBefore(conversationKey, id) {
      const row = await db
        .selectFrom('turns')
        .selectAll()
        .where('conversation_key', '=', conversationKey)
        .where('id', '<', id)
        .where('status', 'in', ['queued', 'running', 'waiting'])
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      return row && { ...row, id: Number(row.id) };
    },

    async history(sessionId, beforeId, limit) {
      const rows = await db
        .selectFrom('turns')
        .select(['input', 'answer'])
        .where('session_id', '=', sessionId)
        .where('id', '<', beforeId)
        .where('status', '=', 'done')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ input: r.input, answer: r.answer ?? '' }));
    },

    async setStatus(id, status, fields = {}) {
      await db
        .updateTable('turns')
        .set({ status, updated_at: iso(), ...(fields.answer !== undefined ? { answer: fields.answer } : {}), ...(fields.error !== undefined ? { error: fields.error } : {}) })
        .where('id', '=', id)
        .execute();
    },

    async claim(id, owner, untilIso, nowIso, takeOverFrom) {
      const result = await db
        .updateTable('turns')
        .set({ owner, owner_until: untilIso })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('owner', 'is', null), eb('owner', '=', owner), eb('owner_until', '<', nowIso), ...(takeOverFrom ? [eb('owner', '=', takeOverFrom)] : [])]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async steps(turnId) {
      const rows = await db.selectFrom('steps').selectAll().where('turn_id', '=', turnId).orderBy('idx').execute();
      return rows.map((r) => ({ ...r, turn_id: Number(r.turn_id), idx: Number(r.idx) }));
    },

    async addStep(step) {
      const time = iso();
      await db.insertInto('steps').values({ ...step, created_at: time, updated_at: time }).execute();
    },

    async finishStep(turnId, idx, fields) {
      await db
        .updateTable('steps')
        .set({ status: 'done', updated_at: iso(), ...(fields.input !== undefined ? { input: fields.input } : {}), ...(fields.output !== undefined ? { output: fields.output } : {}) })
        .where('turn_id', '=', turnId)
        .where('idx', '=', idx)
        .execute();
    },
  };
}
