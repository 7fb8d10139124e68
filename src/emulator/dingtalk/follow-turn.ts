// Follows the bot's answer to one message through the control API (what `warden emulator say`
// prints). A turn ends at the first of: a card in the chat reaching a final state (finished or
// failed); a text/markdown reply followed by `quietMs` with no change and no card still open; the
// overall timeout (reported as such, never as an answer).

import type { CardView, OutboxEvent } from './outbox.ts';

export interface FollowOptions {
  /** The emulator's base URL. */
  url: string;
  conversationId: string;
  /** Only changes after this sequence number belong to the turn. */
  afterSeq: number;
  quietMs?: number;
  timeoutMs?: number;
  pollMs?: number;
  /** Receives the reply text as it arrives (streamed card content as deltas). */
  write: (text: string) => void;
  fetch?: typeof fetch;
}

export type TurnEnd = { kind: 'card'; state: 'finished' | 'failed' } | { kind: 'quiet' } | { kind: 'timeout' };

function streamedText(card: CardView): string {
  return Object.values(card.streaming).join('\n');
}

/** The readable content of a non-streaming card (an approval card's fields). */
function cardSummary(card: CardView): string {
  return Object.entries(card.cardData)
    .filter(([key]) => key !== 'flowStatus' && key !== 'config' && !key.startsWith('sys_'))
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
}

export async function followTurn(options: FollowOptions): Promise<TurnEnd> {
  const get = options.fetch ?? fetch;
  const quietMs = options.quietMs ?? 1500;
  const pollMs = options.pollMs ?? 100;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  const printed = new Map<string, string>(); // outTrackId → text printed so far
  let seq = options.afterSeq;
  let lastChange = Date.now();
  let replied = false;
  const open = new Set<string>();

  const onEvent = (event: OutboxEvent): TurnEnd | undefined => {
    if (event.kind === 'message') {
      if (event.message.text !== '') options.write(`${event.message.text}\n`);
      replied = true;
      return undefined;
    }
    const card = event.card;
    const text = streamedText(card) || cardSummary(card);
    const before = printed.get(card.outTrackId) ?? '';
    if (text.startsWith(before)) options.write(text.slice(before.length));
    else options.write(`\n${text}`);
    printed.set(card.outTrackId, text);
    if (card.state === 'finished' || card.state === 'failed') {
      open.delete(card.outTrackId);
      options.write(card.state === 'failed' ? '\n[card failed]\n' : '\n');
      return { kind: 'card', state: card.state };
    }
    open.add(card.outTrackId);
    return undefined;
  };

  while (Date.now() < deadline) {
    const query = new URLSearchParams({ after: String(seq), conversationId: options.conversationId });
    const response = await get(`${options.url}/_emulator/events?${query}`);
    if (!response.ok) throw new Error(`emulator control API answered HTTP ${response.status} for /_emulator/events`);
    const { events } = (await response.json()) as { events: OutboxEvent[] };
    for (const event of events) {
      seq = Math.max(seq, event.seq);
      lastChange = Date.now();
      const end = onEvent(event);
      if (end !== undefined) return end;
    }
    if (replied && open.size === 0 && Date.now() - lastChange >= quietMs) return { kind: 'quiet' };
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  return { kind: 'timeout' };
}
