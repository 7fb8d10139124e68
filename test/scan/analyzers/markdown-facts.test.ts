// flatten (which returns an already flat text as it is) against the regex replace it stands for, and
// oneLineOfFlat, the one-pass excerpt of an already flat text, against oneLine on any text.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { flatten, oneLine, oneLineOfFlat } from '../../../src/scan/analyzers/markdown-facts.ts';

const spaces = [' ', '\t', '\n', '\r', '\u00a0', '\u2028', '\ufeff', '\u3000', '\u200b', '\v', 'a', 'é', '钉', '😀'];

it('oneLineOfFlat of a flattened text is oneLine of the text, on 500 random texts', () => {
  const text = fc.oneof(
    fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 300 }).map((a) => String.fromCharCode(...a)),
    fc.array(fc.constantFrom(...spaces), { maxLength: 300 }).map((a) => a.join('')),
  );
  fc.assert(fc.property(text, (s) => {
    const flat = s.replace(/\s+/g, ' ').trim();
    assert.equal(oneLineOfFlat(flat), oneLine(s));
  }), { numRuns: 500, seed: 41 });
});

it('cuts a long flat text at 157 characters and marks the cut', () => {
  const flat = 'word '.repeat(40).trim();
  assert.equal(oneLineOfFlat(flat), `${flat.slice(0, 157)}...`);
  assert.equal(oneLineOfFlat('x'.repeat(160)), 'x'.repeat(160));
});

it('flatten is the white-space replace and trim, on 1,000 random texts', () => {
  const text = fc.oneof(
    fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 200 }).map((a) => String.fromCharCode(...a)),
    fc.array(fc.constantFrom(...spaces), { maxLength: 200 }).map((a) => a.join('')),
    fc.array(fc.constantFrom('word', ' ', '  ', '\u00a0', '\t', '\n', 'x'), { maxLength: 30 }).map((a) => a.join('')),
  );
  fc.assert(fc.property(text, (s) => {
    assert.equal(flatten(s), s.replace(/\s+/g, ' ').trim());
  }), { numRuns: 1_000, seed: 41 });
  assert.equal(flatten('already flat text'), 'already flat text');
  assert.equal(flatten(' two  spaces\u3000and\ufeff '), 'two spaces and');
});
