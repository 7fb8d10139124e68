// DingTalk end to end: the emulator in process (demo organisation), a Warden installation whose
// warden.yaml points its `dingtalk` section at the emulator, `warden serve` as a real child process,
// and the scripted model in process (from support.ts). Helpers to write as a person, wait for what
// the bot did, and read serve's log.

import { appendFileSync } from 'node:fs';
import { startDingtalkEmulator, type CardView, type DingtalkEmulator, type SentMessage } from '../../src/emulator/dingtalk/index.ts';
import type { ChatRequest, Step } from '../emulators/model/index.ts';
import { startFrameTap, type FrameTap } from './dingtalk-frame-tap.ts';
import { install, until, warden, wardenOk, type Installation, type Run } from './support.ts';

export const AI_CARD = 'warden-e2e-ai-card.schema';
export const APPROVAL_CARD = 'warden-e2e-approval-card.schema';

export interface DingtalkWorld {
  inst: Installation;
  emulator: DingtalkEmulator;
  /** With `tap`: the relay serve's Stream socket and OpenAPI calls go through. */
  tap: FrameTap | undefined;
  serve: Run | undefined;
  /** Starts `warden serve` and waits for its "serving" log line. */
  startServe(): Promise<Run>;
  /** Stops serve with SIGTERM and waits for it to exit; resolves with its exit code. */
  stopServe(): Promise<number | null>;
  /** serve's stderr so far (all runs of this world). */
  log(): string;
  close(): Promise<void>;
}

export interface WorldOptions {
  policy: string;
  databaseUrl?: string;
  /** Answers in AI cards (default); false: markdown through the session webhook or OpenAPI. */
  aiCards?: boolean;
  /** Put a frame tap between serve and the emulator's API base URL. */
  tap?: boolean;
}

export async function dingtalkWorld(options: WorldOptions): Promise<DingtalkWorld> {
  const emulator = await startDingtalkEmulator({});
  const tap = options.tap ? await startFrameTap(emulator.url) : undefined;
  const inst = await install({ policy: options.policy, ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}) });
  const org = emulator.control.org();
  appendFileSync(
    `${inst.root}/warden.yaml`,
    `dingtalk:\n  clientId: ${org.app.clientId}\n  clientSecretSecret: DINGTALK_SECRET\n  robotCode: ${org.app.robotCode}\n  corpId: ${org.app.corpId}\n` +
      `${options.aiCards === false ? '' : `  cardTemplateId: ${AI_CARD}\n`}  approvalCardTemplateId: ${APPROVAL_CARD}\n  apiBaseUrl: ${tap?.url ?? emulator.url}\n  oapiBaseUrl: ${emulator.url}\n`,
  );
  await wardenOk(inst, ['secrets', 'set', 'DINGTALK_SECRET', '--host', new URL(emulator.url).host], org.app.clientSecret);
  let earlier = '';
  const world: DingtalkWorld = {
    inst,
    emulator,
    tap,
    serve: undefined,
    async startServe() {
      if (world.serve) earlier += world.serve.stderr();
      const run = warden(inst, ['serve']);
      world.serve = run;
      const exited = run.done.then((r) => ({ exited: r }));
      await until('warden serve to start', async () => {
        if (run.stderr().includes('serving DingTalk app')) return true;
        const early = await Promise.race([exited, Promise.resolve(undefined)]);
        if (early) throw new Error(`warden serve exited ${early.exited.code}:\n${early.exited.stderr}`);
        return undefined;
      }, 60_000);
      return run;
    },
    async stopServe() {
      const run = world.serve;
      if (!run) return null;
      run.child.kill('SIGTERM');
      return (await run.done).code;
    },
    log: () => earlier + (world.serve?.stderr() ?? ''),
    async close() {
      if (world.serve && world.serve.child.exitCode === null && world.serve.child.signalCode === null) {
        world.serve.child.kill('SIGKILL');
        await world.serve.done;
      }
      await tap?.close();
      await emulator.close();
      await inst.close();
    },
  };
  return world;
}

/** The newest AI card (answer card, not an approval card) in a conversation. */
export function answerCard(world: DingtalkWorld, conversationId: string): CardView | undefined {
  return world.emulator.control.sent(conversationId).cards.filter((c) => c.cardTemplateId === AI_CARD).at(-1);
}

/** Waits for the conversation's answer card to reach a final state (finished or failed). */
export function finalCard(world: DingtalkWorld, conversationId: string, after = 0, timeoutMs = 30_000): Promise<CardView> {
  return until(`a final AI card in ${conversationId}`, () => {
    const cards = world.emulator.control.sent(conversationId).cards.filter((c) => c.cardTemplateId === AI_CARD);
    const card = cards.slice(after).find((c) => c.state === 'finished' || c.state === 'failed');
    return card;
  }, timeoutMs);
}

/** The approval card sent to `approver`'s 1:1 chat, waiting until it exists. */
export function approvalCardFor(world: DingtalkWorld, approverUserId: string, timeoutMs = 30_000): Promise<CardView> {
  const chat = world.emulator.control.org().users.find((u) => u.userId === approverUserId)!.singleConversationId;
  return until(`an approval card for ${approverUserId}`, () => world.emulator.control.sent(chat).cards.find((c) => c.cardTemplateId === APPROVAL_CARD && c.cardData.status?.includes('Pending')), timeoutMs);
}

/** All text a card streamed or holds (content variables and card data). */
export function cardText(card: CardView): string {
  return [...Object.values(card.cardData), ...Object.values(card.streaming)].join('\n');
}

/** Messages the bot sent in a conversation (markdown/text through webhook or OpenAPI). */
export function messagesIn(world: DingtalkWorld, conversationId: string): SentMessage[] {
  return world.emulator.control.sent(conversationId).messages;
}

/** Text of the last user message and the tool results that followed it in a model request. */
export function turnOf(request: ChatRequest): { user: string; results: string[]; system: string } {
  const lastUser = request.messages.map((m) => m.role).lastIndexOf('user');
  return {
    user: String(request.messages[lastUser]?.content ?? ''),
    results: request.messages.slice(lastUser + 1).filter((m) => m.role === 'tool').map((m) => String(m.content)),
    system: String(request.messages[0]?.content ?? ''),
  };
}

/** The model's side of a turn: tool calls in order, then an answer from the tool results. */
export function plan(calls: Array<{ name: string; arguments: Record<string, unknown> }>, answer: (results: string[]) => string): (request: ChatRequest) => Step {
  return (request) => {
    const { results } = turnOf(request);
    const next = calls[results.length];
    if (next) return { toolCalls: [next] };
    return { text: answer(results), chunkSize: 4 };
  };
}
