// Runs a handler over messages strictly in order within a conversation and in parallel across
// conversations. A key is taken once per process (restart pick-up and a live delivery of the same
// message cannot both run it). A failing handler is retried with back-off a few times, then left for
// the next restart (the message stays unanswered in the inbox).

export interface DispatcherOptions<T> {
  handle(item: T): Promise<void>;
  log: (line: string) => void;
  /** Attempts per item (default 3) and the first retry delay (default 1000 ms, doubling). */
  attempts?: number;
  retryDelayMs?: number;
}

export interface Dispatcher<T> {
  enqueue(conversationId: string, key: string, item: T): void;
  /** Drops a finished key from the taken set (the inbox's answered mark now guards it). */
  forget(key: string): void;
  /** Resolves when every queue is empty. */
  idle(): Promise<void>;
  /** Stops starting new items; waits for those running. */
  stop(): Promise<void>;
}

export function createDispatcher<T>(options: DispatcherOptions<T>): Dispatcher<T> {
  const attempts = options.attempts ?? 3;
  const retryDelay = options.retryDelayMs ?? 1000;
  const tails = new Map<string, Promise<void>>();
  const taken = new Set<string>();
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

  return {
    enqueue(conversationId, key, item) {
      if (stopped || taken.has(key)) return;
      taken.add(key);
      const tail = (tails.get(conversationId) ?? Promise.resolve()).then(() => run(key, item));
      tails.set(conversationId, tail);
      void tail.then(() => {
        if (tails.get(conversationId) === tail) tails.delete(conversationId);
      });
    },
    forget(key) {
      taken.delete(key);
    },
    async idle() {
      while (tails.size) await Promise.all([...tails.values()]);
    },
    async stop() {
      stopped = true;
      await Promise.all([...tails.values()]);
    },
  };
}
