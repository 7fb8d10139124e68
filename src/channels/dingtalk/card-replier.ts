// Streams an answer into AI cards (research §4.1, §4.3): createAndDeliver with an outTrackId derived
// from the message key (a repeat after a crash finds the card already there and continues it instead
// of showing a second one), then PUT /v1.0/card/streaming with the full markdown each time (isFull),
// at most one update per MIN_INTERVAL_MS, a fresh guid per call, finalised or marked failed at the end.
// A card holds at most CARD_BYTES; a longer answer continues in a next card (`…_2`, `…_3`).

import { createHash, randomUUID } from 'node:crypto';
import { DingtalkApiError, type DingtalkApi } from './api-types.ts';
import { splitMarkdown } from './markdown-split.ts';
import type { ReplyContext } from './normalise.ts';
import type { Replier } from './types.ts';

export interface CardReplierOptions {
  api: DingtalkApi;
  robotCode: string;
  cardTemplateId: string;
  /** The message being answered: its key names the cards. */
  messageKey: string;
  context: ReplyContext;
  log: (line: string) => void;
  /** Milliseconds between streaming updates (default 300). */
  minIntervalMs?: number;
  /** Largest content of one card in UTF-8 bytes (default 3000: DingTalk recommends at most 3 KB per card). */
  cardBytes?: number;
}

const CONTENT_KEY = 'msgContent';

/** A card's outTrackId: stable for a message, so DingTalk refuses a duplicate card. */
export function cardTrackId(messageKey: string, index: number): string {
  const base = `warden_${createHash('sha256').update(messageKey).digest('hex').slice(0, 32)}`;
  return index === 0 ? base : `${base}_${index + 1}`;
}

export function openSpace(context: ReplyContext, robotCode: string): Record<string, unknown> {
  if (context.conversationType === 'group') {
    return {
      openSpaceId: `dtv1.card//IM_GROUP.${context.conversationId}`,
      imGroupOpenSpaceModel: { supportForward: true },
      imGroupOpenDeliverModel: { robotCode },
    };
  }
  return {
    openSpaceId: `dtv1.card//IM_ROBOT.${context.senderUserId ?? ''}`,
    imRobotOpenSpaceModel: { supportForward: true },
    imRobotOpenDeliverModel: { spaceType: 'IM_ROBOT', robotCode },
  };
}

export function createCardReplier(options: CardReplierOptions): Replier {
  const minInterval = options.minIntervalMs ?? 300;
  const cardBytes = options.cardBytes ?? 3000;
  let answer = '';
  let progressLine = '';
  /** Cards created so far (index → created); the last one is the one streaming. */
  const created: boolean[] = [];
  const trackIds: string[] = [];
  const trackId = (index: number) => (trackIds[index] ??= cardTrackId(options.messageKey, index));
  let state: 'open' | 'final' | 'failed' = 'open';
  let finalText: string | undefined;
  let failMessage: string | undefined;
  let lastSent = -Infinity;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let dirty = true;

  async function ensureCard(index: number): Promise<void> {
    if (created[index]) return;
    const outTrackId = trackId(index);
    try {
      const result = await options.api.request<{ result?: { deliverResults?: Array<{ success?: boolean; errorMsg?: string }> } }>('POST', '/v1.0/card/instances/createAndDeliver', {
        body: {
          cardTemplateId: options.cardTemplateId,
          outTrackId,
          cardData: { cardParamMap: { [CONTENT_KEY]: '', flowStatus: '1' } },
          callbackType: 'STREAM',
          userIdType: 1,
          ...openSpace(options.context, options.robotCode),
        },
      });
      const failed = (result.result?.deliverResults ?? []).find((d) => d.success === false);
      if (failed) throw new Error(`card ${outTrackId} not delivered: ${failed.errorMsg ?? 'no reason given'}`);
    } catch (error) {
      // A card left by an earlier attempt at this answer (crash, restart): keep streaming into it.
      if (!(error instanceof DingtalkApiError && /cardAlreadyExist/i.test(error.code))) throw error;
      options.log(`dingtalk card: ${outTrackId} already exists (an earlier attempt); continuing it`);
    }
    created[index] = true;
  }

  async function stream(index: number, content: string, finalize: boolean, isError: boolean): Promise<void> {
    await ensureCard(index);
    // Nothing to show yet: a new card already shows 'processing', and the card of an earlier attempt
    // (a restart) may show the whole answer, which a blank update would wipe. Also saves a call.
    if (!finalize && !content.trim()) return;
    await options.api.request('PUT', '/v1.0/card/streaming', {
      body: { outTrackId: trackId(index), guid: randomUUID(), key: CONTENT_KEY, content, isFull: true, isFinalize: finalize, isError },
      idempotent: true,
    });
  }

  /** Sends the current state: earlier full cards finalised, the last one streamed (or finished). */
  async function flush(): Promise<void> {
    dirty = false;
    lastSent = Date.now();
    const done = state !== 'open';
    let text = finalText ?? answer;
    if (state === 'failed') text = `${text}${text ? '\n\n' : ''}⚠️ ${failMessage ?? 'failed'}`;
    else if (!done && progressLine) text = `${text}${text ? '\n\n' : ''}_${progressLine}_`;
    const pieces = splitMarkdown(text || (done ? '…' : ' '), cardBytes);
    for (let i = Math.max(created.length - 1, 0); i < pieces.length; i++) {
      const last = i === pieces.length - 1;
      await stream(i, pieces[i]!, !last || done, last && state === 'failed');
    }
  }

  function pump(): void {
    if (running || !dirty) return;
    const wait = lastSent + minInterval - Date.now();
    if (wait > 0 && state === 'open') {
      timer ??= setTimeout(() => {
        timer = undefined;
        pump();
      }, wait);
      return;
    }
    running = flush()
      .catch((error: unknown) => {
        options.log(`dingtalk card: update for ${options.messageKey} failed: ${(error as Error)?.message ?? String(error)}`);
      })
      .finally(() => {
        running = undefined;
        pump();
      });
  }

  /** Resolves once everything asked so far is sent (or has failed and been logged). */
  async function settle(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    while (running || dirty) {
      if (!running) pump();
      await running;
    }
  }

  function change(update: () => void): void {
    if (state !== 'open') return;
    update();
    dirty = true;
    pump();
  }

  // The card appears at once (state "processing") while the answer is being worked out.
  pump();

  return {
    progress(text) {
      change(() => {
        progressLine = [...text.replace(/\s+/g, ' ').trim()].slice(0, 80).join('');
      });
    },
    delta(text) {
      change(() => {
        answer += text;
      });
    },
    async final(text) {
      if (state !== 'open') return settle();
      state = 'final';
      finalText = text;
      dirty = true;
      await settle();
    },
    async fail(message) {
      if (state !== 'open') return settle();
      state = 'failed';
      failMessage = message;
      dirty = true;
      await settle();
    },
  };
}
