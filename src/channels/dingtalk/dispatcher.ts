// Runs a handler over messages strictly one at a time within a conversation and in parallel across
// conversations. Within a conversation the waiting message with the smallest sort key (DingTalk's
// createAt) goes next, not the first to arrive: after a crash DingTalk redelivers what the dead
// process never stored alongside newer messages, in no particular order. While paused (the start-up
// window) messages are only queued, so a redelivered older message can still go first.
// A key is taken once per process (restart pick-up and a live delivery of the same message cannot
// both run it). A failing handler is retried with back-off a few times, then left for the next
// restart (the message stays unanswered in the inbox).

export interface DispatcherOptions<T> {
  handle(item: T): Promise<void>;
  log: (line: string) => void;
  /** Attempts per item (default 3) and the first retry delay (default 1000 ms, doubling). */
  attempts?: number;
  retryDelayMs?: number;
  /** Start paused: nothing runs until resume(). */
  paused?: boolean;
}

export interface Dispatcher<T> {
  /** Queues an item; `sortKey` orders it among the waiting items of its conversation (text order). */
  enqueue(conversationId: string, key: string, item: T, sortKey?: string): void;
  /** Starts running queued items (after a paused start). */
  resume(): void;
  /** Drops a finished key from the taken set (the inbox's answered mark now guards it). */
  forget(key: string): void;
  /** Resolves when every queue is empty and nothing runs. */
  idle(): Promise<void>;
  /** Stops starting new items; waits for those running. */
  stop(): Promise<void>;
}

interface Waiting<T> {
  key: string;
  item: T;
  sortKey: string;
}

interface Lane<T> {
  waiting: Waiting<T>[];
  running?: Promise<void>;
}

export function createDispatcher<T>(options: DispatcherOptions<T>): Dispatcher<T> {
  const attempts = options.attempts ?? 3;
  const retryDelay = options.retryDelayMs ?? 1000;
  const lanes = new Map<string, Lane<T>>();
  const taken = new Set<string>();
  /** Per conversation, the sort key of the last item started: to report one that comes after a later one ran. */
  const lastStarted = new Map<string, string>();
  let paused = options.paused ?? false;
  let stopped = false;

  async function run(key: string, item: T): Promise<void> {
    for (let attempt = 1; !stopped; attempt++) {
      try {
        await options.handle(item);
        return;
      } catch (error) {
        const why = (error as Error)?.message ?? String(error);
        if (attempt >= attempts) {
          options.log(`dingtalk: message ${key} failed ${attempt} times (${why}); left unanswered for the next start`);
          taken.delete(key);
          return;
        }
        options.log(`dingtalk: message ${key} failed (${why}); retrying`);
        await new Promise((resolve) => setTimeout(resolve, retryDelay * 2 ** (attempt - 1)));
      }
    }
  }

  function pump(conversationId: string, lane: Lane<T>): void {
    if (paused || stopped || lane.running) return;
    const next = lane.waiting.shift();
    if (!next) {
      lanes.delete(conversationId);
      return;
    }
    const last = lastStarted.get(conversationId);
    if (last !== undefined && next.sortKey < last) {
      options.log(`dingtalk: message ${next.key} of ${conversationId} came after a later message of the conversation was taken (redelivered late); answering it now`);
    } else lastStarted.set(conversationId, next.sortKey);
    lane.running = run(next.key, next.item).finally(() => {
      lane.running = undefined;
      pump(conversationId, lane);
    });
  }

  return {
    enqueue(conversationId, key, item, sortKey = '') {
      if (stopped || taken.has(key)) return;
      taken.add(key);
      let lane = lanes.get(conversationId);
      if (!lane) lanes.set(conversationId, (lane = { waiting: [] }));
      // Insert after every item with a key <= this one: equal keys keep arrival order.
      let at = lane.waiting.length;
      while (at > 0 && lane.waiting[at - 1]!.sortKey > sortKey) at--;
      lane.waiting.splice(at, 0, { key, item, sortKey });
      pump(conversationId, lane);
    },
    resume() {
      if (!paused) return;
      paused = false;
      for (const [id, lane] of lanes) pump(id, lane);
    },
    forget(key) {
      taken.delete(key);
    },
    async idle() {
      for (;;) {
        const running = [...lanes.values()].map((l) => l.running).filter((p) => p !== undefined);
        if (running.length === 0) return;
        await Promise.all(running);
      }
    },
    async stop() {
      stopped = true;
      await Promise.all([...lanes.values()].map((l) => l.running));
    },
  };
}
