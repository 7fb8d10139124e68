// OpenClaw's `security.installPolicy` exec protocol, version 1 (openclaw@2026.9.6,
// docs/tools/skills-config.md and src/security/install-policy-response.ts): one JSON request on
// stdin, one JSON response on stdout. OpenClaw fails closed on a non-zero exit, a timeout (10 s by
// default), invalid JSON, a `warn`/`block` without a reason, and a `warn` with more than 100
// findings or a rendered notice over 4,000 characters; it keeps at most 100 findings and cuts texts
// at 1,000 characters. So Warden always answers (exit 0) and keeps its answer well inside those
// limits: an invalid request or a failed scan is a `block` with the reason.

import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { atOrAbove, escapeTerminal } from '../scan/index.ts';
import type { Finding, ScanReport, Verdict } from '../scan/index.ts';

export type PolicyDecision = 'allow' | 'warn' | 'block';

export interface PolicyFinding {
  ruleId: string;
  message: string;
  severity: 'info' | 'warn' | 'critical';
  file?: string;
  line?: number;
  evidence?: string;
}

export interface PolicyResponse {
  protocolVersion: 1;
  decision: PolicyDecision;
  reason?: string;
  findings: PolicyFinding[];
}

const requestSchema = z.looseObject({
  protocolVersion: z.literal(1),
  targetType: z.enum(['skill', 'plugin']),
  targetName: z.string().min(1),
  sourcePath: z.string().min(1).refine(isAbsolute, 'must be an absolute path'),
  sourcePathKind: z.enum(['directory', 'file']),
  source: z.record(z.string(), z.unknown()).optional(),
  origin: z.record(z.string(), z.unknown()).optional(),
  request: z.looseObject({ kind: z.string().min(1) }),
});

export type PolicyRequest = z.infer<typeof requestSchema>;

export function block(reason: string, findings: PolicyFinding[] = []): PolicyResponse {
  return { protocolVersion: 1, decision: 'block', reason: cut(reason, 900), findings };
}

/** Parses the request; an invalid one is a reason to block, never a throw. */
export function parseRequest(text: string): { ok: true; request: PolicyRequest } | { ok: false; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `Warden could not read the install policy request: not valid JSON (${(error as Error).message})` };
  }
  const parsed = requestSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.join('.') : 'request';
    return { ok: false, reason: `Warden rejected the install policy request: ${where}: ${issue.message}` };
  }
  return { ok: true, request: parsed.data };
}

function cut(text: string, max: number): string {
  const clean = escapeTerminal(text.replace(/\s+/g, ' ').trim());
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

function policySeverity(f: Finding): PolicyFinding['severity'] {
  if (f.severity === 'critical') return 'critical';
  return f.severity === 'high' || f.severity === 'medium' ? 'warn' : 'info';
}

/** Findings for the answer, worst first, within a character budget (OpenClaw renders a `warn` whole). */
function policyFindings(findings: readonly Finding[], budget: number): PolicyFinding[] {
  const out: PolicyFinding[] = [];
  let used = 0;
  for (const f of findings) {
    if (f.baselined) continue;
    const item: PolicyFinding = {
      ruleId: f.ruleId,
      message: cut(f.message, 200),
      severity: policySeverity(f),
      ...(f.file ? { file: cut(f.file, 120) } : {}),
      line: Math.max(1, f.line),
      ...(f.evidence.trim() ? { evidence: cut(f.evidence, 120) } : {}),
    };
    const size = item.ruleId.length + item.message.length + (item.file?.length ?? 0) + (item.evidence?.length ?? 0) + 40;
    if (out.length >= 20 || used + size > budget) break;
    used += size;
    out.push(item);
  }
  return out;
}

export interface DecideOptions {
  /** Lowest verdict that blocks; below it, `suspicious` warns. Default `malicious`. */
  blockOn: Verdict;
}

/** A scan report of the staged source to one decision. */
export function decide(request: PolicyRequest, report: ScanReport, options: DecideOptions): PolicyResponse {
  const name = cut(request.targetName, 100);
  if (report.errors.length > 0) {
    const e = report.errors[0]!;
    return block(`Warden could not scan ${request.targetType} "${name}": ${e.message}`);
  }
  if (report.skills.length === 0) return block(`Warden found no skill (SKILL.md) in the source of "${name}"`);
  const worst = report.skills.reduce((a, b) => (atOrAbove(a.verdict, b.verdict) ? a : b));
  const findings = report.skills.flatMap((s) => s.findings);
  const top = findings.find((f) => !f.baselined);
  const why = top ? `: ${cut(top.message, 200)} (${top.ruleId}, ${cut(top.file, 80)}:${top.line})` : '';
  if (atOrAbove(worst.verdict, options.blockOn)) {
    return block(`Warden judged "${name}" ${worst.verdict} (score ${worst.score})${why}`, policyFindings(findings, 6000));
  }
  if (worst.verdict === 'suspicious') {
    return { protocolVersion: 1, decision: 'warn', reason: `Warden judged "${name}" suspicious (score ${worst.score})${why}`, findings: policyFindings(findings, 1800) };
  }
  return { protocolVersion: 1, decision: 'allow', findings: policyFindings(findings, 3000) };
}
