// Counts shared by the reporters and the CLI's exit code.

import type { ScanReport, Verdict } from '../types.ts';

export interface ScanSummary {
  skills: number;
  malicious: number;
  suspicious: number;
  clean: number;
  errors: number;
}

export const verdictRank: Readonly<Record<Verdict, number>> = { clean: 0, suspicious: 1, malicious: 2 };

/** True when `verdict` is `threshold` or worse. */
export function atOrAbove(verdict: Verdict, threshold: Verdict): boolean {
  return verdictRank[verdict] >= verdictRank[threshold];
}

export function summarize(report: ScanReport): ScanSummary {
  const summary: ScanSummary = { skills: report.skills.length, malicious: 0, suspicious: 0, clean: 0, errors: report.errors.length };
  for (const skill of report.skills) summary[skill.verdict]++;
  return summary;
}

export function summaryLine(s: ScanSummary): string {
  const skills = `${s.skills} skill${s.skills === 1 ? '' : 's'}`;
  const errors = `${s.errors} error${s.errors === 1 ? '' : 's'}`;
  return `${skills}: ${s.malicious} malicious, ${s.suspicious} suspicious, ${s.clean} clean; ${errors}`;
}
