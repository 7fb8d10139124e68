// The dispatcher: one message at a time per conversation, the smallest sort key first among those
// waiting, nothing while paused, a key taken once, failures retried then left for the next start.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDispatcher } from '../../../src/channels/dingtalk/dispatcher.ts';

function recorder(fail: (item: string, attempt: number) => boolean = () => false) {
  const handled: string[] = [];
  const logs: string[] = [];
  const attempts = new Map<string, number>();
  const gates = new Map<string, () => void>();
  return {
    handled,
    logs,
    attempts,
    /** Holds `item` until release(item) is called. */
    hold(item: string) {
      return new Promise<void>((resolve) => gates.set(item, resolve));
    },
    release(item: string) {
      gates.get(item)?.();
    },
    /** The handler, holding `item` until release(item). */
    holding(item: string) {
      const gate = this.hold(item);
      const handle = this.options.handle;
      return { ...this.options, handle: async (i: string) => handle(i === item ? await gate.then(() => i) : i) };
    },
    options: {
      log: (line: string) => logs.push(line),
      retryDelayMs: 1,
      async handle(item: string) {
        const n = (attempts.get(item) ?? 0) + 1;
        attempts.set(item, n);
        if (fail(item, n)) throw new Error(`${item} failed`);
        handled.push(item);
      },
    },
  };
}

describe('dingtalk dispatcher', () => {
  it('while paused only queues; on resume runs each conversation oldest sort key first', async () => {
    const r = recorder();
    const d = createDispatcher<string>({ ...r.options, paused: true });
    d.enqueue('c1', 'k3', 'c1-3', '0003');
    d.enqueue('c1', 'k1', 'c1-1', '0001');
    d.enqueue('c2', 'k9', 'c2-9', '0009');
    d.enqueue('c1', 'k2', 'c1-2', '0002');
    await d.idle();
    assert.equal(r.handled.length, 0);
    d.resume();
    await d.idle();
    assert.deepEqual(r.handled.filter((h) => h.startsWith('c1')), ['c1-1', 'c1-2', 'c1-3']);
    assert.deepEqual(r.handled.filter((h) => h.startsWith('c2')), ['c2-9']);
  });

  it('equal sort keys keep arrival order', async () => {
    const r = recorder();
    const d = createDispatcher<string>({ ...r.options, paused: true });
    for (const item of ['a', 'b', 'c']) d.enqueue('c1', item, item, 'same');
    d.resume();
    await d.idle();
    assert.deepEqual(r.handled, ['a', 'b', 'c']);
  });

  it('runs one item per conversation at a time; an older item arriving meanwhile goes next', async () => {
    const r = recorder();
    const d = createDispatcher<string>(r.holding('x5'));
    d.enqueue('c1', 'x5', 'x5', '0005');
    d.enqueue('c1', 'x7', 'x7', '0007');
    d.enqueue('c1', 'x6', 'x6', '0006');
    d.enqueue('c1', 'x4', 'x4', '0004'); // later than x5 started: logged, run next
    r.release('x5');
    await d.idle();
    assert.deepEqual(r.handled, ['x5', 'x4', 'x6', 'x7']);
    assert.equal(r.logs.filter((l) => l.includes('x4') && /redelivered late/.test(l)).length, 1);
  });

  it('takes a key once until forgotten', async () => {
    const r = recorder();
    const d = createDispatcher<string>(r.options);
    d.enqueue('c1', 'k1', 'first', '1');
    d.enqueue('c1', 'k1', 'again', '1');
    await d.idle();
    assert.deepEqual(r.handled, ['first']);
    d.forget('k1');
    d.enqueue('c1', 'k1', 'after-forget', '1');
    await d.idle();
    assert.deepEqual(r.handled, ['first', 'after-forget']);
  });

  it('retries a failing item, then leaves it (and its key) for a later enqueue; the next item still runs', async () => {
    const r = recorder((item) => item === 'bad');
    const d = createDispatcher<string>({ ...r.options, attempts: 3 });
    d.enqueue('c1', 'bad', 'bad', '1');
    d.enqueue('c1', 'good', 'good', '2');
    await d.idle();
    assert.equal(r.attempts.get('bad'), 3);
    assert.deepEqual(r.handled, ['good']);
    assert.match(r.logs.join('\n'), /message bad failed 3 times .*left unanswered for the next start/);
    d.enqueue('c1', 'bad', 'bad', '1'); // the key was released
    await d.idle();
    assert.equal(r.attempts.get('bad'), 6);
  });

  it('stop waits for a running item and starts no more', async () => {
    const r = recorder();
    const d = createDispatcher<string>(r.holding('slow'));
    d.enqueue('c1', 'slow', 'slow', '1');
    d.enqueue('c1', 'next', 'next', '2');
    const stopping = d.stop();
    r.release('slow');
    await stopping;
    await d.idle();
    assert.deepEqual(r.handled, ['slow']);
  });
});
