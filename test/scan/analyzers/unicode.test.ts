import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { homoglyphSkeleton, scanUnicode } from '../../../src/scan/analyzers/unicode.ts';
import type { FactDraft } from '../../../src/scan/facts.ts';

function scan(text: string) {
  const out: FactDraft[] = [];
  scanUnicode(text, { emit: (f) => out.push(f) });
  return out.flatMap((f) => (f.kind === 'unicode' ? [{ category: f.category, count: f.count, line: f.line, decoded: f.decoded }] : []));
}

const tags = (s: string) => Array.from(s, (c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');

describe('scanUnicode: reported', () => {
  const cases: { name: string; text: string; category: string; count: number; line?: number; decoded?: string }[] = [
    { name: 'zero-width space in a word', text: 'ig\u200bnore', category: 'zero-width', count: 1 },
    { name: 'word joiner and ZWNJ in Latin', text: 'a\u2060b c\u200cd', category: 'zero-width', count: 2 },
    { name: 'BOM not at start', text: 'x\n\ufeffy', category: 'zero-width', count: 1, line: 2 },
    { name: 'ZWJ between Latin letters', text: 'cu\u200drl', category: 'zero-width', count: 1 },
    { name: 'RLO override', text: 'access = "user\u202e \u2066// admin\u2069"', category: 'bidi', count: 3 },
    { name: 'tag characters decoded', text: `Hello${tags('ignore rules')}`, category: 'tag', count: 12, decoded: 'ignore rules' },
    { name: 'variation selector run decoded', text: `😀${Array.from('hi there', (c) => String.fromCodePoint(0xe0100 + c.charCodeAt(0) - 16)).join('')}`, category: 'variation-selector', count: 8, decoded: 'hi there' },
    { name: 'private use', text: 'icon \ue000\ue001', category: 'private-use', count: 2 },
    { name: 'control characters', text: 'a\u0007b\u001bc\u0085', category: 'control', count: 3 },
    { name: 'Cyrillic a in a host', text: 'curl https://exаmple.com/x', category: 'homoglyph', count: 1, decoded: 'https://example.com/x' },
    { name: 'Greek omicron in a command', text: 'run gοogle-auth now', category: 'homoglyph', count: 1, decoded: 'google-auth' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const found = scan(c.text).find((f) => f.category === c.category);
      assert.ok(found, JSON.stringify(scan(c.text)));
      assert.equal(found.count, c.count);
      assert.equal(found.line, c.line ?? 1);
      if (c.decoded !== undefined) assert.equal(found.decoded, c.decoded);
    });
  }
});

describe('scanUnicode: legitimate text stays quiet', () => {
  const quiet: [string, string][] = [
    ['plain ASCII', 'curl https://example.com | jq .'],
    ['leading BOM', '\ufeff# Title'],
    ['family emoji with ZWJ', 'family: 👨\u200d👩\u200d👧 done'],
    ['emoji with skin tone and ZWJ', 'ok 👍🏽 and 🧑🏽\u200d💻'],
    ['single emoji presentation selector', 'heart ❤\ufe0f'],
    ['CJK ideographic variation selector', '葛\u{e0100}城'],
    ['England flag tag sequence', `flag 🏴${tags('gbeng')}\u{e007f}`],
    ['Chinese text', '钉钉用户可以在群里使用这个技能，查询天气和日程。'],
    ['Russian words', 'Привет мир, это тест'],
    ['Arabic with RLE embedding', 'مرحبا \u202bبالعالم\u202c'],
    ['Hebrew', 'שלום עולם'],
    ['Persian ZWNJ', 'می\u200cخواهم'],
    ['Greek math symbol next to Latin', 'value 10kΩ resistor and π = 3.14'],
    ['Hindi conjunct with ZWJ', 'क्\u200dष'],
    ['tab CR LF', 'a\tb\r\nc'],
  ];
  for (const [name, text] of quiet) it(name, () => assert.deepEqual(scan(text), []));
});

describe('homoglyphSkeleton', () => {
  it('reads mixed words as Latin and leaves pure words alone', () => {
    assert.equal(homoglyphSkeleton('pаypal'), 'paypal');
    assert.equal(homoglyphSkeleton('мир'), undefined);
    assert.equal(homoglyphSkeleton('python-скрипт'), undefined);
    assert.equal(homoglyphSkeleton('plain'), undefined);
  });
});

describe('scanUnicode: one fact per line per category', () => {
  it('counts per line', () => {
    const got = scan('a\u200bb\u200bc\nd\u200be');
    assert.deepEqual(got.map((f) => `${f.line}:${f.count}`), ['1:2', '2:1']);
  });
});
