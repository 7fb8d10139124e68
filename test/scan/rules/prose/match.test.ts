// The prose matcher's shortcuts must give exactly the answers of the plain way: a table asked only
// of the facts that hold its literals (findProse, proseFactsFor) finds what asking every fact
// finds, and the ASCII shortcut of normaliseProse gives what stripping and NFKC give. Checked on the
// lines of the rule tests (the phrases the rules must and must not find) in hostile spellings:
// upper case, full-width letters, invisible characters inside words, hidden and code-block text.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { indexFacts } from '../../../../src/scan/engine.ts';
import type { Fact, FactContext } from '../../../../src/scan/facts.ts';
import { findProse, matchFact, proseFacts, proseFactsFor, type MatchOptions, type ProseFact } from '../../../../src/scan/rules/prose/match.ts';
import * as forwarding from '../../../../src/scan/rules/prose/phrases-forwarding.ts';
import * as i18n from '../../../../src/scan/rules/prose/phrases-i18n.ts';
import * as phrases from '../../../../src/scan/rules/prose/phrases.ts';
import { normaliseProse } from '../../../../src/scan/rules/prose/prepared.ts';

/** What normaliseProse did before its shortcut: strip the invisible format characters, then NFKC outside ASCII. */
function normaliseSlowly(text: string): string {
  const stripped = text.replace(/[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufe00-\ufe0f]|[\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/gu, '');
  return /[^\x00-\x7f]/.test(stripped) ? stripped.normalize('NFKC') : stripped;
}

/** Full-width forms of ASCII letters and digits (NFKC reads them back as ASCII). */
const fullWidth = (s: string) => s.replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
/** A zero-width space or a soft hyphen after every third letter. */
const splitWords = (s: string, i: number) => s.replace(/([a-z]{3})/gi, i % 2 ? '$1\u200b' : '$1\u00ad');

function ruleTestLines(): string[] {
  const dir = fileURLToPath(new URL('../', import.meta.url));
  const lines: string[] = [];
  for (const name of readdirSync(dir)) if (name.endsWith('.test.ts')) lines.push(...readFileSync(join(dir, name), 'utf8').split('\n'));
  return [...new Set(lines.map((l) => l.trim()).filter((l) => l.length > 12))];
}

/** Prose facts of one skill: each line as written and in hostile spellings, in visible, hidden and code-block text. */
function hostileFacts(): Fact[] {
  const facts: Fact[] = [];
  ruleTestLines().forEach((line, i) => {
    const spellings = [line, line.toUpperCase(), splitWords(line, i)];
    if (i % 5 === 0) spellings.push(fullWidth(line));
    for (const text of spellings) {
      const context: FactContext = i % 7 === 0 ? { lang: 'markdown', origin: 'codeblock', headings: ['Usage'] }
        : i % 11 === 0 ? { lang: 'markdown', origin: 'prose', headings: [], hidden: true }
        : { lang: 'markdown', origin: 'prose', headings: i % 3 === 0 ? ['Security notes'] : ['Setup'] };
      facts.push({ kind: 'prose', text, block: i % 13 === 0 ? 'heading' : 'paragraph', file: 'SKILL.md', line: facts.length + 1, evidence: text.slice(0, 80), context });
    }
  });
  return facts;
}

function tablesIn(module: Record<string, unknown>): (readonly RegExp[])[] {
  const out: (readonly RegExp[])[] = [];
  for (const value of Object.values(module)) {
    if (value instanceof RegExp) out.push([value]);
    else if (Array.isArray(value) && value.every((v) => v instanceof RegExp)) out.push(value as RegExp[], ...value.map((v) => [v as RegExp]));
  }
  return out;
}

const optionSets: MatchOptions[] = [{}, { imperative: true }, { includeCodeBlocks: true, quotedToo: true }, { allowNegated: true }];

test('normaliseProse gives what stripping and NFKC give', () => {
  let seed = 11;
  const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const pool = ['a', 'Z', ' ', '.', '\u00ad', '\u200b', '\u200d', '\u202e', '\u2066', '\ufeff', '\ufe0f', '\u{e0041}', '\u{e0100}', 'Ａ', 'ｆ', 'é', 'e\u0301', '不', 'ﬁ', '\u2028', '\x7f', '\x80'];
  const samples = ['plain ascii text.', '', 'ig\u00adnore previous instructions', 'ＩＧＮＯＲＥ', 'tag\u{e0049}\u{e0047}', ...ruleTestLines().slice(0, 400)];
  for (let i = 0; i < 2_000; i++) samples.push(Array.from({ length: Math.floor(random() * 12) }, () => pool[Math.floor(random() * pool.length)]).join(''));
  for (const text of samples) assert.equal(normaliseProse(text), normaliseSlowly(text), JSON.stringify(text));
});

test('a table asked only of the facts holding its literals finds what asking every fact finds', () => {
  const tables = [...tablesIn(phrases), ...tablesIn(i18n), ...tablesIn(forwarding)];
  const index = indexFacts(hostileFacts());
  let hits = 0;
  for (const options of optionSets) {
    const all = proseFacts(index, options);
    for (const table of tables) {
      const expected = all.flatMap((fact) => matchFact(fact, table, options) ?? []);
      const got = findProse(index, table, options);
      assert.deepEqual(got.map((h) => [h.fact.line, h.match, h.sentence]), expected.map((h) => [h.fact.line, h.match, h.sentence]), String(table[0]));
      hits += got.length;
    }
  }
  // The sample must actually exercise the tables.
  assert.ok(hits > 2_000, `only ${hits} hits`);
});

test('proseFactsFor leaves out only facts that no asked table matches, in the order of proseFacts', () => {
  const tables = [...tablesIn(phrases), ...tablesIn(forwarding)];
  const index = indexFacts(hostileFacts());
  let kept = 0;
  for (const options of [optionSets[0]!, optionSets[2]!]) {
    const all = proseFacts(index, options);
    const position = new Map<ProseFact, number>(all.map((f, i) => [f, i]));
    for (let t = 0; t < tables.length; t++) {
      const asked = [tables[t]!, tables[(t * 7 + 3) % tables.length]!];
      const candidates = proseFactsFor(index, asked, options);
      const order = candidates.map((f) => position.get(f));
      assert.ok(order.every((p, i) => p !== undefined && (i === 0 || p > order[i - 1]!)), 'a subset of proseFacts, in its order');
      const chosen = new Set(candidates);
      for (const fact of all) {
        if (chosen.has(fact)) continue;
        for (const table of asked) assert.equal(matchFact(fact, table, options), undefined, `${JSON.stringify(fact.text)} left out but matches ${table[0]}`);
      }
      kept += candidates.length;
    }
  }
  assert.ok(kept > 0);
});
