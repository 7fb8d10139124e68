// The rule registry is complete and consistent (ESLint's own completeness checks): the map is sorted
// by id, every rule file is registered under its file name, meta.id equals the file name, every rule
// has a test file, and every message id of a rule is expected by some case of that test file.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ruleMap } from '../../../src/scan/rules/index.ts';

const rulesDir = new URL('../../../src/scan/rules/', import.meta.url).pathname;
const testsDir = new URL('./', import.meta.url).pathname;
const ruleFiles = readdirSync(rulesDir).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.slice(0, -3)).sort();
const ids = Object.keys(ruleMap);

describe('rule registry', () => {
  it('is sorted by id', () => {
    assert.deepEqual(ids, [...ids].sort());
  });

  it('registers every rule file under its file name, and nothing else', () => {
    assert.deepEqual([...ids].sort(), ruleFiles);
  });

  it('has meta.id equal to the key and file name', () => {
    for (const [id, rule] of Object.entries(ruleMap)) assert.equal(rule.meta.id, id);
  });

  it('has complete meta for every rule', () => {
    for (const [id, rule] of Object.entries(ruleMap)) {
      assert.ok(rule.meta.title.length > 0, `${id}: title`);
      assert.ok(rule.meta.description.length > 20, `${id}: description`);
      assert.ok(Object.keys(rule.meta.messages).length > 0, `${id}: messages`);
    }
  });

  it('has a test file for every rule', () => {
    const missing = ids.filter((id) => !existsSync(join(testsDir, `${id}.test.ts`)));
    assert.deepEqual(missing, []);
  });

  it('expects every message id in some case of the rule’s tests', () => {
    const untested: string[] = [];
    for (const [id, rule] of Object.entries(ruleMap)) {
      const path = join(testsDir, `${id}.test.ts`);
      const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
      for (const messageId of Object.keys(rule.meta.messages)) {
        if (!new RegExp(`messageId:\\s*['"]${messageId}['"]`).test(text)) untested.push(`${id}:${messageId}`);
      }
    }
    assert.deepEqual(untested, []);
  });
});
