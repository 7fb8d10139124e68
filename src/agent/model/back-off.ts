// How long to wait before the next attempt: the server's `retry-after-ms` / `retry-after` when it
// sent one, else exponential back-off with jitter so many conversations do not retry in step.

export interface BackOffOptions {
  /** First wait before jitter (default 500 ms); doubles per attempt. */
  baseMs: number;
  /** Longest computed wait (default 8 s). */
  maxMs: number;
  /** A server asking for longer than this is not waited for: the call fails (default 60 s). */
  maxRetryAfterMs: number;
  /** [0, 1); injected so tests are deterministic. */
  random: () => number;
}

export const DEFAULT_BACK_OFF: BackOffOptions = { baseMs: 500, maxMs: 8000, maxRetryAfterMs: 60_000, random: Math.random };

/** Milliseconds the server asked for, or undefined when it did not say (or said nonsense). */
export function retryAfterMs(headers: Headers | undefined, now: number = Date.now()): number | undefined {
  const ms = headers?.get('retry-after-ms');
  if (ms && /^\d+(\.\d+)?$/.test(ms.trim())) return Number(ms);
  const value = headers?.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  // Only an HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT") counts; Date.parse would take "-5" as a year.
  const date = /^[A-Za-z]{3}, /.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Wait before retry number `retry` (0 for the first retry): half fixed, half random ("equal jitter"). */
export function backOffMs(retry: number, options: BackOffOptions): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** retry);
  return Math.round(ceiling / 2 + (ceiling / 2) * options.random());
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
