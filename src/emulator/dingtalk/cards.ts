// Interactive and AI cards (research §4): create, deliver, create-and-deliver, update, streaming.
// outTrackId is unique per card; cardParamMap values must be strings; openSpaceId is
// `dtv1.card//TYPE.id[;TYPE.id…]` with IM_GROUP (a group's openConversationId) and IM_ROBOT (a user's
// 1:1 chat with the bot). Streaming is idempotent per guid, appends unless isFull, and moves the card
// processing → inputting → finished | failed. With enforceRateLimits, streaming over its QPS answers
// 429 with `x-acs-retry-after` (what a DingTalk engineer reported for AI cards, §4.5).

import type { Context, Hono } from 'hono';
import type { EmulatorContext } from './context.ts';
import { singleConversationId } from './ids.ts';
import type { CardView, Outbox } from './outbox.ts';
import { createQpsWindow } from './server-context.ts';

const STREAMING_QPS = 50;
const CARD_QPS = 20;
/** The emulator's cap on one streaming call's content (DingTalk documents 1 KB, but expects full markdown). */
const MAX_STREAM_CONTENT = 64 * 1024;
const MAX_PARAM_VALUE = 1024 * 8;

type Json = Record<string, any>;

interface DeliverResult {
  spaceType: string;
  spaceId: string;
  success: boolean;
  carrierId: string;
  errorMsg: string;
}

export interface CardRouteOptions {
  enforceRateLimits: boolean;
  now: () => number;
}

/** The string map of a cardData / privateData entry, or an error message. */
function paramMap(value: unknown, where: string): Record<string, string> | string {
  if (value === undefined) return {};
  const map = (value as Json | null)?.cardParamMap;
  if (map === undefined) return {};
  if (map === null || typeof map !== 'object' || Array.isArray(map)) return `${where}.cardParamMap must be an object`;
  for (const [key, v] of Object.entries(map)) {
    if (typeof v !== 'string') return `${where}.cardParamMap.${key} must be a string (serialise other values)`;
    if (v.length > MAX_PARAM_VALUE) return `${where}.cardParamMap.${key} is too large`;
  }
  return map as Record<string, string>;
}

/** Maps `flowStatus` (the SDKs' AI card status variable) to a card state. */
function applyFlowStatus(card: CardView): void {
  const status = card.cardData.flowStatus;
  if (status === '2' && card.state === 'processing') card.state = 'inputting';
  if (status === '3') card.state = 'finished';
  if (status === '5') card.state = 'failed';
}

export function registerCardRoutes(app: Hono, ctx: EmulatorContext, outbox: Outbox, options: CardRouteOptions): void {
  const { org } = ctx;
  const streamingFits = createQpsWindow(options.now);
  const seenGuids = new Map<string, Set<string>>();

  const guard = async (c: Context, api: string): Promise<Json | Response> => {
    const appKey = ctx.requireToken(c);
    if (appKey instanceof Response) return appKey;
    const body = (await c.req.json().catch(() => undefined)) as Json | undefined;
    ctx.recordCall(api, body);
    if (body === undefined || body === null || typeof body !== 'object') return ctx.error(c, 400, 'param.invalid', 'body must be a JSON object');
    return body;
  };

  const create = (c: Context, body: Json): CardView | Response => {
    if (typeof body.outTrackId !== 'string' || body.outTrackId === '') return ctx.error(c, 400, 'param.outTrackId', 'outTrackId is required');
    if (outbox.cards.has(body.outTrackId)) return ctx.error(c, 400, 'param.cardAlreadyExist', `card ${body.outTrackId} already exists; a new card needs a new outTrackId`);
    if (typeof body.cardTemplateId !== 'string' || body.cardTemplateId === '') return ctx.error(c, 400, 'param.templateNotExist', 'cardTemplateId is required');
    const data = paramMap(body.cardData, 'cardData');
    if (typeof data === 'string') return ctx.error(c, 400, 'param.cardData', data);
    const card: CardView = {
      outTrackId: body.outTrackId,
      cardTemplateId: body.cardTemplateId,
      conversationIds: [],
      spaces: [],
      callbackType: typeof body.callbackType === 'string' ? body.callbackType : 'STREAM',
      userIdType: body.userIdType === 2 ? 2 : 1,
      state: 'processing',
      cardData: data,
      privateData: {},
      streaming: {},
      createdAt: options.now(),
      delivered: false,
    };
    outbox.cards.set(card.outTrackId, card);
    return card;
  };

  const deliver = (c: Context, card: CardView, openSpaceId: unknown): DeliverResult[] | Response => {
    if (typeof openSpaceId !== 'string' || !openSpaceId.startsWith('dtv1.card//')) {
      return ctx.error(c, 400, 'param.openSpaceIdInvalid', 'openSpaceId must look like dtv1.card//IM_GROUP.<openConversationId>');
    }
    const results: DeliverResult[] = [];
    for (const space of openSpaceId.slice('dtv1.card//'.length).split(';')) {
      const dot = space.indexOf('.');
      if (dot <= 0) return ctx.error(c, 400, 'param.openSpaceIdInvalid', `openSpaceId part ${JSON.stringify(space)} is not TYPE.id`);
      const spaceType = space.slice(0, dot);
      const spaceId = space.slice(dot + 1);
      let conversationId: string | undefined;
      if (spaceType === 'IM_GROUP') {
        conversationId = org.chats.find((ch) => ch.type === 'group' && ch.conversationId === spaceId)?.conversationId;
      } else if (spaceType === 'IM_ROBOT') {
        const user = card.userIdType === 2 ? ctx.userByUnionId(spaceId) : ctx.userByUserId(spaceId);
        if (user !== undefined && !user.external) conversationId = singleConversationId(org.app.clientId, user.userId);
      } else {
        return ctx.error(c, 400, 'param.openSpaceIdInvalid', `space type ${spaceType} is not emulated (IM_GROUP, IM_ROBOT)`);
      }
      const ok = conversationId !== undefined;
      if (ok && !card.conversationIds.includes(conversationId!)) {
        card.conversationIds.push(conversationId!);
        card.spaces.push({ spaceType, spaceId });
      }
      results.push({ spaceType, spaceId, success: ok, carrierId: ok ? `${card.outTrackId}:${spaceId}` : '', errorMsg: ok ? '' : 'space not found' });
    }
    card.delivered = card.delivered || results.some((r) => r.success);
    outbox.cardChanged(card);
    return results;
  };

  app.post('/v1.0/card/instances', async (c) => {
    const body = await guard(c, 'card.instances.create');
    if (body instanceof Response) return body;
    const card = create(c, body);
    if (card instanceof Response) return card;
    return c.json({ success: true, result: card.outTrackId });
  });

  app.post('/v1.0/card/instances/deliver', async (c) => {
    const body = await guard(c, 'card.instances.deliver');
    if (body instanceof Response) return body;
    const card = outbox.cards.get(String(body.outTrackId));
    if (card === undefined) return ctx.error(c, 400, 'param.cardNotExist', `card ${String(body.outTrackId)} does not exist`);
    const results = deliver(c, card, body.openSpaceId);
    return results instanceof Response ? results : c.json({ success: true, result: results });
  });

  app.post('/v1.0/card/instances/createAndDeliver', async (c) => {
    const body = await guard(c, 'card.instances.createAndDeliver');
    if (body instanceof Response) return body;
    const limited = ctx.throttle(c, 'card.instances.createAndDeliver', CARD_QPS);
    if (limited !== undefined) return limited;
    if (typeof body.openSpaceId !== 'string' || !body.openSpaceId.startsWith('dtv1.card//')) {
      return ctx.error(c, 400, 'param.openSpaceIdInvalid', 'openSpaceId must look like dtv1.card//IM_GROUP.<openConversationId>');
    }
    const card = create(c, body);
    if (card instanceof Response) return card;
    const results = deliver(c, card, body.openSpaceId);
    if (results instanceof Response) {
      outbox.cards.delete(card.outTrackId);
      return results;
    }
    return c.json({ success: true, result: { outTrackId: card.outTrackId, deliverResults: results } });
  });

  app.put('/v1.0/card/instances', async (c) => {
    const body = await guard(c, 'card.instances.update');
    if (body instanceof Response) return body;
    const limited = ctx.throttle(c, 'card.instances.update', CARD_QPS);
    if (limited !== undefined) return limited;
    const card = outbox.cards.get(String(body.outTrackId));
    if (card === undefined) return ctx.error(c, 400, 'param.cardNotExist', `card ${String(body.outTrackId)} does not exist`);
    const data = paramMap(body.cardData, 'cardData');
    if (typeof data === 'string') return ctx.error(c, 400, 'param.cardData', data);
    const byKey = body.cardUpdateOptions?.updateCardDataByKey === true;
    const privateByKey = body.cardUpdateOptions?.updatePrivateDataByKey === true;
    if (body.cardData !== undefined) card.cardData = byKey ? { ...card.cardData, ...data } : data;
    for (const [user, value] of Object.entries((body.privateData ?? {}) as Json)) {
      const map = paramMap(value, `privateData.${user}`);
      if (typeof map === 'string') return ctx.error(c, 400, 'param.privateData', map);
      card.privateData[user] = privateByKey ? { ...card.privateData[user], ...map } : map;
    }
    applyFlowStatus(card);
    outbox.cardChanged(card);
    return c.json({ success: true, result: true });
  });

  app.put('/v1.0/card/streaming', async (c) => {
    const body = await guard(c, 'card.streaming');
    if (body instanceof Response) return body;
    if (options.enforceRateLimits && !streamingFits(`${org.app.robotCode}:streaming`, STREAMING_QPS)) {
      c.header('x-acs-retry-after', '1000');
      return ctx.error(c, 429, 'Throttling.Api', `card streaming is limited to ${STREAMING_QPS} QPS per robot`);
    }
    const card = outbox.cards.get(String(body.outTrackId));
    if (card === undefined) return ctx.error(c, 400, 'param.stream.outTrackId', 'card is not exist');
    if (typeof body.guid !== 'string' || body.guid === '') return ctx.error(c, 400, 'param.stream.guid', 'guid is required');
    if (typeof body.key !== 'string' || body.key === '') return ctx.error(c, 400, 'param.stream.key', 'key is required');
    const content = typeof body.content === 'string' ? body.content : '';
    if (Buffer.byteLength(content) > MAX_STREAM_CONTENT) return ctx.error(c, 400, 'param.stream.content', 'content is too large');
    const guids = seenGuids.get(card.outTrackId) ?? new Set<string>();
    seenGuids.set(card.outTrackId, guids);
    if (guids.has(body.guid)) return c.json({ success: true, result: true }); // a retry: already applied
    guids.add(body.guid);
    card.streaming[body.key] = body.isFull === true ? content : (card.streaming[body.key] ?? '') + content;
    if (body.isError === true) card.state = 'failed';
    else if (body.isFinalize === true) card.state = 'finished';
    else if (card.state === 'processing') card.state = 'inputting';
    outbox.cardChanged(card);
    return c.json({ success: true, result: true });
  });
}
