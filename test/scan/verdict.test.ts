// The scoring layer as a table: which findings make which verdict.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideVerdict } from '../../src/scan/verdict.ts';
import type { Category, Finding, Severity } from '../../src/scan/types.ts';

function finding(ruleId: string, severity: Severity, category: Category, extra: Partial<Finding> = {}): Finding {
  return { ruleId, severity, category, file: 'SKILL.md', line: 1, message: ruleId, evidence: '', ...extra };
}

const cases: { name: string; findings: Finding[]; verdict: string }[] = [
  { name: 'nothing', findings: [], verdict: 'clean' },
  { name: 'one critical', findings: [finding('remote-script-exec', 'critical', 'remote-exec')], verdict: 'malicious' },
  { name: 'one high', findings: [finding('sudo-usage', 'high', 'privilege')], verdict: 'suspicious' },
  {
    name: 'credential read and upload in different files (stealer chain)',
    findings: [finding('agent-config-read', 'high', 'credential-access'), finding('exfil-read-and-send', 'high', 'exfiltration', { file: 'send.py' })],
    verdict: 'malicious',
  },
  {
    name: 'high in three categories',
    findings: [finding('a', 'high', 'privilege'), finding('b', 'high', 'persistence'), finding('c', 'high', 'supply-chain')],
    verdict: 'malicious',
  },
  {
    name: 'two highs of other categories stay suspicious',
    findings: [finding('a', 'high', 'privilege'), finding('b', 'high', 'persistence')],
    verdict: 'suspicious',
  },
  { name: 'four mediums of different rules', findings: ['a', 'b', 'c', 'd'].map((r) => finding(r, 'medium', 'obfuscation')), verdict: 'suspicious' },
  { name: 'one medium', findings: [finding('a', 'medium', 'obfuscation')], verdict: 'clean' },
  { name: 'the same medium rule many times', findings: Array.from({ length: 20 }, (_, i) => finding('a', 'medium', 'obfuscation', { line: i + 1 })), verdict: 'clean' },
  { name: 'many lows never reach a verdict', findings: Array.from({ length: 30 }, (_, i) => finding(`low-${i}`, 'low', 'suspicious-endpoint')), verdict: 'clean' },
  { name: 'a baselined critical is ignored', findings: [finding('remote-script-exec', 'critical', 'remote-exec', { baselined: true })], verdict: 'clean' },
];

describe('decideVerdict', () => {
  for (const c of cases) {
    it(c.name, () => {
      const { verdict, score } = decideVerdict(c.findings);
      assert.equal(verdict, c.verdict);
      const band = verdict === 'malicious' ? [80, 100] : verdict === 'suspicious' ? [40, 79] : [0, 39];
      assert.ok(score >= band[0]! && score <= band[1]!, `score ${score} outside the ${verdict} band`);
    });
  }
});
