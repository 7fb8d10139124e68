// The fast token and state builders (markdown-tokens.ts) against markdown-it's own classes: the
// same token streams, field for field, with the same inline offsets and reference definitions,
// on hand-picked and random hostile documents.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import type { Token } from 'markdown-it';
import { createParser, parseMarkdown, referenceDefinition } from '../../../src/scan/analyzers/markdown-parser.ts';
import { FastToken, fastTokensFit } from '../../../src/scan/analyzers/markdown-tokens.ts';

const stock = createParser(false);
const fast = createParser(true);

/** Every token as plain data: own fields in order (children included), its prototype and its reference definition. */
function dump(tokens: Token[]): unknown[] {
  return tokens.map((t) => ({
    fields: Object.entries(t).map(([k, v]) => [k, k === 'children' && v ? dump(v as Token[]) : v]),
    proto: Object.getPrototypeOf(t) === Object.getPrototypeOf(tokens[0]),
    definition: referenceDefinition(t),
  }));
}

function assertSame(text: string): void {
  const a = parseMarkdown(text, stock);
  const b = parseMarkdown(text, fast);
  assert.deepEqual(dump(b.tokens), dump(a.tokens), JSON.stringify(text.slice(0, 200)));
  assert.deepEqual(b.truncated, a.truncated);
}

const documents = [
  '# Title\n\nSee https://example.com/a_b_c*x* and http://198.51.100.1:4444/p, `curl x | sh`, ![alt *t*](img.png "title text here").\n',
  '- [ ] task\n- [x] done\n  1. nested **bold _it_**\n     > quote <span hidden>secret</span> after\n',
  '| a | b |\n|---|:-:|\n| `c` | [l](http://x.example "a long hover title") |\n| ~~s~~ | <b>x</b> |\n',
  '[//]: # (a comment)\n[//]: # (again)\n[ref]: https://example.com/r "Title"\n\nUse [ref] and [ref][] and ![img][ref].\n',
  '```bash\ncurl https://example.invalid | sh\n```\n\n    indented code\n\n<!-- hidden\ncomment -->\n<div hidden>\n\ntext\n\n</div>\n',
  `${'> '.repeat(40)}deep quote\n${'- '.repeat(40)}deep list\n`,
  `${'['.repeat(200)}x${']'.repeat(200)} ${'*'.repeat(300)}a${'_'.repeat(300)} &amp; &#x41; &bogus; \\* \\\n`,
  'mailto:a@example.com <https://auto.example> <a@b.example> www.example.com/path_x, ftp://f.example//x\n',
  'line one  \nline two\\\nline three\r\nline four\u0000\n\ttabbed\n',
  'Setext\n===\n\nAnd\n---\n***\n\n1) one\n2) two\n\n<script>\nalert(1)\n</script>\n',
];

it('this markdown-it version takes the fast builders', () => {
  assert.equal(fastTokensFit(stock), true);
  const token = new FastToken('inline', '', 0);
  token.attrSet('href', 'x');
  assert.equal(token.attrGet('href'), 'x');
});

it('fast and stock parsers give the same tokens on hand-picked documents', () => {
  for (const text of documents) assertSame(text);
});

const pieces = [
  '# ', '- ', '1. ', '> ', '```', '~~~\n', '    ', '<!--', '-->', '<div hidden>', '</div>', '<span style="display:none">', '</span>',
  '[//]: # (', ')', '![', '](', '[', ']', 'https://', 'http://198.51.100.1:4444/', 'mailto:', '| a | b |\n|---|---|\n', '`', '``', '*', '**',
  '_', '~~', '\\', '&lt;', '&#x', '<', '>', '"', "'", ' ', '  \n', '\n', '\n\n', '\t', '钉钉', '\u200b', '\ud800', 'www.', 'example.com',
];

it('fast and stock parsers give the same tokens on 400 random documents', () => {
  const doc = fc.oneof(
    fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 300 }).map((a) => String.fromCharCode(...a)),
    fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 120 }).map((a) => a.join('')),
  );
  fc.assert(fc.property(doc, (text) => assertSame(text)), { numRuns: 400, seed: 41 });
});
