import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoized } from '../../src/core/index.ts';

describe('memoized', () => {
  it('computes each argument once and answers repeats from memory', () => {
    const calls: string[] = [];
    const upper = memoized((s) => (calls.push(s), s.toUpperCase()), 10);
    assert.equal(upper('a'), 'A');
    assert.equal(upper('a'), 'A');
    assert.equal(upper('b'), 'B');
    assert.deepEqual(calls, ['a', 'b']);
  });

  it('drops its memory past the bound, then computes again', () => {
    const calls: string[] = [];
    const id = memoized((s) => (calls.push(s), s), 2);
    id('a');
    id('b');
    id('c');
    id('a');
    assert.deepEqual(calls, ['a', 'b', 'c', 'a']);
  });

  it('remembers undefined answers too', () => {
    let calls = 0;
    const nothing = memoized(() => (calls++, undefined), 4);
    nothing('x');
    nothing('x');
    assert.equal(calls, 1);
  });
});
