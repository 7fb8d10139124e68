// The JSON report. The shape `{version, skills[{path, name, hash, verdict, score, findings[{ruleId,
// severity, file, line, message}]}], errors[{path, message}]}` is a contract; fields may be added,
// never renamed or removed.

import type { ScanReport } from '../types.ts';
import { summarize } from './summary.ts';

export function formatJson(report: ScanReport): string {
  const out = {
    version: 1,
    skills: report.skills.map((s) => ({
      path: s.path,
      name: s.name,
      hash: s.hash,
      verdict: s.verdict,
      score: s.score,
      findings: s.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        file: f.file,
        line: f.line,
        message: f.message,
        category: f.category,
        evidence: f.evidence,
        ...(f.baselined ? { baselined: true } : {}),
      })),
    })),
    errors: report.errors.map((e) => ({ path: e.path, message: e.message })),
    summary: summarize(report),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
