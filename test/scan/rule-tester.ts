// ESLint-style harness for one scanner rule: each case is a small skill (files by path), run through
// the real loader and analyzers, then through this rule alone. `valid` cases must report nothing;
// `invalid` cases must report exactly the listed findings (by message id, and file/line when given).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadSkillFromFiles } from '../../src/skills/index.ts';
import { collectFacts, indexFacts, prepareAnalyzers, runRules, skillInfo } from '../../src/scan/engine.ts';
import type { LoadIssue } from '../../src/skills/index.ts';
import type { Rule } from '../../src/scan/types.ts';
import { padCode } from './focus-padding.ts';

export interface RuleCase {
  /** Shown in the test name; defaults to the first file's content. */
  name?: string;
  /** Files of the skill by relative path. A SKILL.md is added when missing. */
  files: Record<string, string>;
  /**
   * Issues the loader would raise for input a file map cannot express (archive entries, symlinks,
   * bytes that are not UTF-8); the loader's own tests show it raises them.
   */
  issues?: { code: string; file?: string; message: string }[];
  options?: Record<string, unknown>;
}

export interface InvalidCase extends RuleCase {
  errors: { messageId: string; file?: string; line?: number; severity?: string }[];
}

const defaultManifest = '---\nname: test-skill\ndescription: A test skill.\n---\n\n# Test skill\n';

function key(c: RuleCase): string {
  return JSON.stringify([c.files, c.issues ?? null, c.options ?? null]);
}

async function findingsFor(rule: Rule, c: RuleCase) {
  const files = { ...c.files };
  if (!Object.keys(files).some((p) => /^(skill|skills)\.md$/i.test(p))) files['SKILL.md'] = defaultManifest;
  const result = await loadSkillFromFiles(files, 'test-skill');
  assert.ok(result.ok, `case did not load: ${result.ok ? '' : result.error.message}`);
  result.skill.issues.push(...((c.issues ?? []) as LoadIssue[]));
  await prepareAnalyzers(['markdown', 'text', 'shell', 'powershell', 'python', 'javascript', 'manifest']);
  const facts = indexFacts(collectFacts(result.skill));
  return runRules(facts, skillInfo(result.skill), { rules: [rule], ruleOptions: c.options ? { [rule.meta.id]: c.options } : undefined });
}

export function testRule(rule: Rule, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  const seen = new Set<string>();
  for (const c of [...cases.valid, ...cases.invalid]) {
    const k = key(c);
    if (seen.has(k)) throw new Error(`rule ${rule.meta.id}: duplicate test case ${c.name ?? k.slice(0, 80)}`);
    seen.add(k);
  }
  for (const c of cases.invalid) {
    if (c.errors.length === 0) throw new Error(`rule ${rule.meta.id}: invalid case "${c.name ?? key(c).slice(0, 60)}" lists no expected finding`);
    for (const e of c.errors) {
      if (!(e.messageId in rule.meta.messages)) throw new Error(`rule ${rule.meta.id}: unknown messageId "${e.messageId}" in a test case`);
    }
  }
  const label = (c: RuleCase) => c.name ?? Object.values(c.files)[0]!.replace(/\s+/g, ' ').slice(0, 70);

  describe(rule.meta.id, () => {
    for (const c of cases.valid) {
      it(`valid: ${label(c)}`, async () => {
        const findings = await findingsFor(rule, c);
        assert.deepEqual(findings.map((f) => `${f.file}:${f.line} ${f.message}`), []);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${label(c)}`, async () => {
        const findings = await findingsFor(rule, c);
        assert.equal(findings.length, c.errors.length, `expected ${c.errors.length} finding(s), got: ${findings.map((f) => `${f.file}:${f.line} ${f.message}`).join(' | ')}`);
        c.errors.forEach((expected, i) => {
          const got = findings[i]!;
          const template = rule.meta.messages[expected.messageId]!;
          const pattern = new RegExp('^' + template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\\\{\s*\w+\s*\\\}\\\}/g, '[\\s\\S]*') + '$');
          assert.match(got.message, pattern, `finding ${i} is not message "${expected.messageId}"`);
          if (expected.file !== undefined) assert.equal(got.file, expected.file);
          if (expected.line !== undefined) assert.equal(got.line, expected.line);
          if (expected.severity !== undefined) assert.equal(got.severity, expected.severity);
        });
      });
      // The same code inside a large file, between unrelated functions: the scanner analyses large
      // files in the blocks that can do something (src/scan/focus), so every must-fire case must
      // still fire there.
      const padded = padCode(c.files);
      if (padded) {
        it(`invalid, inside a large file: ${label(c)}`, async () => {
          const findings = await findingsFor(rule, { ...c, files: padded });
          const ids = (list: { message: string }[]) => list.map((f) => f.message.replace(/\d+/g, 'N')).sort();
          const plain = await findingsFor(rule, c);
          assert.deepEqual(ids(findings), ids(plain));
        });
      }
    }
  });
}
