// Daily usage per principal (turns, model tokens) for policy quotas. Days are UTC.

import type { Store } from '../store/index.ts';

export interface UsageStore {
  today(principalId: string): Promise<{ turnsToday: number; tokensToday: number }>;
  add(principalId: string, delta: { turns?: number; tokens?: number }): Promise<void>;
}

export function createUsageStore(store: Store, now: () => Date = () => new Date()): UsageStore {
  const day = () => now().toISOString().slice(0, 10);
  return {
    async today(principalId) {
      const row = await store.db.selectFrom('usage').select(['turns', 'tokens']).where('principal_id', '=', principalId).where('day', '=', day()).executeTakeFirst();
      return { turnsToday: Number(row?.turns ?? 0), tokensToday: Number(row?.tokens ?? 0) };
    },
    async add(principalId, { turns = 0, tokens = 0 }) {
      if (turns === 0 && tokens === 0) return;
      await store.db
        .insertInto('usage')
        .values({ principal_id: principalId, day: day(), turns, tokens })
        .onConflict((oc) => oc.columns(['principal_id', 'day']).doUpdateSet((eb) => ({ turns: eb('usage.turns', '+', turns), tokens: eb('usage.tokens', '+', tokens) })))
        .execute();
    },
  };
}
