// The scoring layer: findings to one verdict per skill.
//
// - malicious: at least one critical finding (a complete source→sink chain, download-and-execute
//   of remote code, a reverse shell, hidden instructions to the agent, …), high findings in both
//   credential access and exfiltration (the stealer's chain split across files), or high findings
//   in three or more distinct categories (independent signals that together make an attack).
// - suspicious: at least one high finding, or enough medium evidence (medium and above scoring ≥ 40).
// - clean: otherwise; low and info findings are shown but never change the verdict alone.
//
// The score (0–100) sums severity weights per rule: its strongest finding counts whole, each further
// one a quarter, capped at half as much again, so one noisy rule cannot reach a verdict by repetition.

import type { Finding, Severity, SkillInfo, Verdict } from './types.ts';

export const severityWeight: Readonly<Record<Severity, number>> = { critical: 70, high: 35, medium: 12, low: 3, info: 0 };

export function decideVerdict(findings: readonly Finding[], _skill?: SkillInfo): { verdict: Verdict; score: number } {
  const active = findings.filter((f) => !f.baselined);
  let score = 0;
  // Low and info findings raise the shown score but never reach a verdict, however many there are.
  let evidence = 0;
  // Per rule: its strongest finding counts whole, each further one a quarter, at most half as much again.
  const byRule = new Map<string, { first: number; extra: number; counts: boolean }>();
  for (const f of [...active].sort((a, b) => severityWeight[b.severity] - severityWeight[a.severity])) {
    const weight = severityWeight[f.severity];
    const counts = f.severity !== 'low' && f.severity !== 'info';
    const seen = byRule.get(f.ruleId);
    if (!seen) byRule.set(f.ruleId, { first: weight, extra: 0, counts });
    else seen.extra = Math.min(seen.first / 2, seen.extra + weight / 4);
  }
  for (const { first, extra, counts } of byRule.values()) {
    score += first + extra;
    if (counts) evidence += first + extra;
  }
  score = Math.min(100, Math.round(score));
  const highCategories = new Set(active.filter((f) => f.severity === 'high').map((f) => f.category));
  // A credential store read and an upload to a foreign host in one skill are the stealer's chain,
  // even when no flow between them could be traced (read in one script, send in another).
  const stealerChain = highCategories.has('credential-access') && highCategories.has('exfiltration');
  let verdict: Verdict = 'clean';
  if (active.some((f) => f.severity === 'critical') || highCategories.size >= 3 || stealerChain) verdict = 'malicious';
  else if (highCategories.size > 0 || evidence >= 40) verdict = 'suspicious';
  if (verdict === 'malicious') score = Math.max(score, 80);
  else if (verdict === 'suspicious') score = Math.min(Math.max(score, 40), 79);
  else score = Math.min(score, 39);
  return { verdict, score };
}
