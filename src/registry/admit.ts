// Admission of one input: load exactly one skill, scan it with the built-in rules, and decide what
// its verdict allows. Pure decisions live in `admission`; `loadOne` is the only I/O here.

import { WardenError } from '../core/index.ts';
import { loadSkills, type LoadedSkill } from '../skills/index.ts';
import type { SkillReport } from '../scan/index.ts';
import type { SkillVersionStatus } from './types.ts';

/** Loads the input (folder, .zip, .tgz/.tar.gz/.tar) and returns its one skill, or a clear error. */
export async function loadOne(input: string): Promise<LoadedSkill> {
  const skills: LoadedSkill[] = [];
  const errors: string[] = [];
  for await (const result of loadSkills([input])) {
    if (result.ok) skills.push(result.skill);
    else errors.push(`${result.error.path}: ${result.error.message}`);
  }
  if (errors.length > 0) {
    throw new WardenError('skill-invalid', `cannot add ${input}: ${errors.slice(0, 3).join('; ')}`, { input });
  }
  if (skills.length !== 1) {
    const names = skills.map((s) => s.name).slice(0, 5).join(', ');
    throw new WardenError('skill-invalid', skills.length === 0
      ? `cannot add ${input}: no skill found (a skill is a folder with SKILL.md, or a .zip/.tgz of one)`
      : `cannot add ${input}: it holds ${skills.length} skills (${names}); add one skill folder or bundle at a time`, { input });
  }
  return skills[0]!;
}

export interface Admission {
  status: Extract<SkillVersionStatus, 'active' | 'pending-approval' | 'refused'>;
  outcome: 'installed' | 'pending' | 'refused';
  /** Why, in a sentence, for the audit log and the admin. */
  reason: string;
}

/** malicious → refused (whatever the admin says); suspicious → pending unless approved with a reason; clean → active. */
export function admission(report: SkillReport, approve: boolean, reason: string | undefined): Admission {
  const summary = `${report.findings.length} finding(s), score ${report.score}`;
  if (report.verdict === 'malicious') {
    return { status: 'refused', outcome: 'refused', reason: `the scan found it malicious (${summary}); malicious skills are never installed, approval or not` };
  }
  if (report.verdict === 'suspicious') {
    if (approve && reason?.trim()) return { status: 'active', outcome: 'installed', reason: `suspicious (${summary}), approved at install: ${reason.trim()}` };
    return { status: 'pending-approval', outcome: 'pending', reason: `the scan found it suspicious (${summary}); it waits for an admin's approval with a reason` };
  }
  return { status: 'active', outcome: 'installed', reason: `the scan found it clean (${summary})` };
}
