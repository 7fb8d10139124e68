// The linkify shortcuts (markdown-linkify.ts) against linkify-it's own answers: the remembered web-URL
// check on URLs that share their rest of text behind different prefixes, and the schema pretest.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import type { LinkifyIt } from 'linkify-it';
import { createParser } from '../../../src/scan/analyzers/markdown-parser.ts';
import { rememberingValidator } from '../../../src/scan/analyzers/markdown-linkify.ts';

type Validate = (text: string, pos: number, self: LinkifyIt) => number;

const stock = createParser(false).linkify;
const fast = createParser(true).linkify;
const webCheck = (stock as unknown as { __schemas__: Record<string, { validate: Validate }> }).__schemas__['http:']!.validate;

const parts = ['//', 'example.com', '198.51.100.7', '[2001:db8::1]', ':8080', ':99999', '/a_b', '?q=1&r=2', '#x', '.', ',', ')', '(', '"', "'",
  ' ', '\n', '\u00a0', '\u3000', '\ufeff', '*', '_', '~', '<', '>', '｜', '@', 'user:pw@', 'é', '钉', '\ud800', '\udc00', '😀', 'xn--p1ai', '-', '..'];
const piece = fc.oneof(fc.constantFrom(...parts), fc.string({ maxLength: 4 }));
const text = fc.array(piece, { maxLength: 40 }).map((a) => a.join(''));
/** Mostly a URL's rest after its scheme: `//host` and then anything. */
const rest = fc.tuple(fc.constantFrom('//example.com', '//198.51.100.7', '//[2001:db8::1]', '//a.b/c', '//', ''), text).map(([a, b]) => a + b);

it('the remembered web check answers as linkify-it does, prefixes and call order varied', () => {
  fc.assert(fc.property(fc.array(fc.tuple(rest, text), { minLength: 1, maxLength: 12 }), (cases) => {
    const remembering = rememberingValidator(webCheck);
    // Each rest behind three prefixes (so it is asked again from memory), at the schema's position,
    // and rests that start alike and end differently.
    for (const [start, other] of cases) {
      for (const tail of ['', other, ` ${other}`, `/${other}`]) {
        for (const prefix of ['see http:', 'x https:', `${other}ftp:`]) {
          const full = prefix + start + tail;
          assert.equal(remembering(full, prefix.length, stock), webCheck(full, prefix.length, stock), JSON.stringify(full));
        }
      }
    }
  }), { numRuns: 300, seed: 41 });
});

it('linkify-it test gives the same answer with the pretest', () => {
  fc.assert(fc.property(fc.array(fc.oneof(piece, fc.constantFrom('http:', 'HTTPS:', 'mailto:', 'ftp:', 'a:', ':')), { maxLength: 40 }).map((a) => a.join('')), (s) => {
    assert.equal(fast.test(s), stock.test(s), JSON.stringify(s));
  }), { numRuns: 500, seed: 41 });
});

it('a long rest of text is checked, not remembered, and still answered right', () => {
  const remembering = rememberingValidator(webCheck);
  const full = `see http://example.com/${'a'.repeat(2_000)} tail`;
  assert.equal(remembering(full, 9, stock), webCheck(full, 9, stock));
  assert.ok(webCheck(full, 9, stock) > 2_000);
});

it('remembers an answer until told to forget', () => {
  let runs = 0;
  const counting = (text: string, pos: number, self: LinkifyIt) => {
    runs++;
    return webCheck(text, pos, self);
  };
  const remembering = rememberingValidator(counting);
  const full = 'see http://example.com/a';
  assert.equal(remembering(full, 9, stock), remembering(`x http:${full.slice(9)}`, 7, stock));
  assert.equal(runs, 1);
  remembering.forget();
  remembering(full, 9, stock);
  assert.equal(runs, 2);
});
