// The scoring layer: findings to one verdict per skill.
//
// - malicious: at least one critical finding (a complete source→sink chain, download-and-execute
//   of remote code, a reverse shell, hidden instructions to the agent, …), or high findings in
//   three or more distinct categories (independent signals that together make an attack).
// - suspicious: at least one high finding, or enough medium evidence (score ≥ 40).
// - clean: otherwise; low and info findings are shown but never change the verdict alone.
//
// The score (0–100) sums severity weights, with each further finding of the same rule counting
// a quarter, so one noisy rule cannot reach a verdict by repetition.

import type { Finding, Severity, SkillInfo, Verdict } from './types.ts';

export const severityWeight: Readonly<Record<Severity, number>> = { critical: 70, high: 35, medium: 12, low: 3, info: 0 };

export function decideVerdict(findings: readonly Finding[], _skill?: SkillInfo): { verdict: Verdict; score: number } {
  const active = findings.filter((f) => !f.baselined);
  let score = 0;
  const seenRules = new Set<string>();
  for (const f of active) {
    const weight = severityWeight[f.severity];
    score += seenRules.has(f.ruleId) ? weight / 4 : weight;
    seenRules.add(f.ruleId);
  }
  score = Math.min(100, Math.round(score));
  const highCategories = new Set(active.filter((f) => f.severity === 'high').map((f) => f.category));
  let verdict: Verdict = 'clean';
  if (active.some((f) => f.severity === 'critical') || highCategories.size >= 3) verdict = 'malicious';
  else if (highCategories.size > 0 || score >= 40) verdict = 'suspicious';
  if (verdict === 'malicious') score = Math.max(score, 80);
  else if (verdict === 'suspicious') score = Math.min(Math.max(score, 40), 79);
  else score = Math.min(score, 39);
  return { verdict, score };
}
