// The literal prefilter is exact or it is a bug that hides attacks: every match of a pattern must
// contain one of its required literals. Checked on hand-made patterns, on every phrase table against
// every line of the rule tests (the phrases the rules must find), and against the engine's own case
// tables for the characters it treats as plain.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { literalSetId, scanLiterals } from '../../../../src/scan/rules/common/literal-scan.ts';
import {
  containsAny, literalBlocks, literalChar, lowerForLiterals, requiredLiterals, requiredLiteralsOfAll,
} from '../../../../src/scan/rules/common/required-literals.ts';
import * as forwarding from '../../../../src/scan/rules/prose/phrases-forwarding.ts';
import * as i18n from '../../../../src/scan/rules/prose/phrases-i18n.ts';
import * as phrases from '../../../../src/scan/rules/prose/phrases.ts';

const cases: [RegExp, string[] | undefined][] = [
  [/\b(?:ignore|disregard)\s+(?:all\s+)?(?:previous|prior)\s+instructions?\b/i, ['instruction']],
  [/(?:ab|cd)ef(?:gh)?ij/i, ['abefij', 'cdefij', 'abefghij', 'cdefghij']],
  [/x{2,}yy/, ['yy']],
  [/[- ]?Foo[sz]/, ['foos', 'fooz']],
  [/不要[^。]{0,4}告诉/, ['不要']],
  [/\bcc\b/i, ['cc']],
  [/\.env\b|~\/\.ssh/, ['.env', '~/.ssh']],
  // Nothing to promise: an optional part, a lone letter, a branch with no literal, a lookahead.
  [/(?:abc)?/, undefined],
  [/a|b/, undefined],
  [/secret|\d+/, undefined],
  [/(?=abc)d/, undefined],
  // Cyrillic о also matches U+1C82 under case folding: not a plain character.
  [/оо/i, undefined],
  // `\k<a|b>` without named groups is the literal text "k<a" or "b>": the alternation is real.
  [new RegExp(String.raw`x\k<a|b>y`), ['<a', 'b>y']],
  [/(?<n>ab)\k<n>cd/, ['ab']],
  [/a(?i:bc)d/, undefined],
];

test('required literals of hand-made patterns', () => {
  for (const [pattern, expected] of cases) {
    const got = requiredLiterals(pattern);
    assert.deepEqual(got ? [...got].sort() : got, expected ? [...expected].sort() : expected, String(pattern));
  }
});

function tablesIn(module: Record<string, unknown>): RegExp[] {
  const out: RegExp[] = [];
  for (const value of Object.values(module)) {
    if (value instanceof RegExp) out.push(value);
    else if (Array.isArray(value)) out.push(...value.filter((v): v is RegExp => v instanceof RegExp));
  }
  return out;
}

/** Every line of the rule tests and the fixture skills, and its upper-case form. */
function sampleLines(): string[] {
  const root = fileURLToPath(new URL('../../../../', import.meta.url));
  const lines: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(?:ts|md|txt|sh|py|js)$/.test(entry.name)) lines.push(...readFileSync(path, 'utf8').split('\n'));
    }
  };
  walk(join(root, 'test/scan/rules'));
  walk(join(root, 'test/fixtures/skills'));
  const unique = [...new Set(lines.map((l) => l.trim()).filter((l) => l.length > 8))];
  return [...unique, ...unique.map((l) => l.toUpperCase())];
}

test('every match of every phrase pattern contains one of its literals', () => {
  const patterns = [...tablesIn(phrases), ...tablesIn(i18n), ...tablesIn(forwarding)];
  const lines = sampleLines();
  let checked = 0;
  for (const pattern of patterns) {
    const literals = requiredLiterals(pattern);
    if (!literals) continue;
    const global = new RegExp(pattern.source, pattern.flags.replace('g', '') + 'g');
    for (const line of lines) {
      for (const m of line.matchAll(global)) {
        checked++;
        assert.ok(containsAny(lowerForLiterals(m[0]), literals), `${pattern} matched "${m[0]}" without any of ${literals.join(', ')}`);
        if (m[0].length === 0) break;
      }
    }
  }
  // The sample must actually exercise the tables.
  assert.ok(checked > 500, `only ${checked} matches checked`);
  const all = requiredLiteralsOfAll(patterns.filter((p) => requiredLiterals(p)));
  assert.ok(all && all.length > 0);
});

test('plain characters match, ignoring case, only characters with the same lower case', () => {
  const cased: string[] = [];
  for (let p = 0; p < 0x110000; p++) {
    if (p >= 0xd800 && p <= 0xdfff) continue;
    const c = String.fromCodePoint(p);
    if (c.toUpperCase() !== c || c.toLowerCase() !== c) cased.push(c);
  }
  for (const [lo, hi] of literalBlocks) {
    // The big blocks (CJK, Hangul) hold no cased character: one class test per cased character.
    if (hi - lo > 0x1000) {
      const block = new RegExp(`[\\u{${lo.toString(16)}}-\\u{${hi.toString(16)}}]`, 'iu');
      const blockI = new RegExp(`[\\u${lo.toString(16).padStart(4, '0')}-\\u${hi.toString(16).padStart(4, '0')}]`, 'i');
      for (const t of cased) assert.ok(!block.test(t) && !blockI.test(t), `U+${t.codePointAt(0)!.toString(16)} folds into a plain block`);
      continue;
    }
    for (let p = lo; p <= hi; p++) {
      const c = String.fromCodePoint(p);
      if (!literalChar(c)) continue;
      const hex = p.toString(16).padStart(4, '0');
      const re = new RegExp(`\\u${hex}`, 'i');
      const reU = new RegExp(`\\u{${hex}}`, 'iu');
      for (const t of cased) {
        if (t !== c && (re.test(t) || reU.test(t))) {
          assert.equal(lowerForLiterals(t), lowerForLiterals(c), `U+${hex} also matches U+${t.codePointAt(0)!.toString(16)}`);
        }
      }
    }
  }
});

test('one literal scan finds exactly the sets a text touches', () => {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const alphabet = 'abcde 不要.';
  const word = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  const sets = Array.from({ length: 40 }, () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => word(2 + Math.floor(random() * 3))));
  const ids = sets.map((s) => literalSetId(s)!);
  assert.equal(new Set(ids).size, sets.length);
  assert.equal(literalSetId(sets[0]!), ids[0], 'a set is registered once');
  for (let i = 0; i < 300; i++) {
    const text = word(Math.floor(random() * 60));
    const scan = scanLiterals(text);
    sets.forEach((set, k) => assert.equal(scan.touched[ids[k]!] === 1, set.some((s) => text.includes(s)), `${JSON.stringify(text)} / ${set}`));
  }
});
