// Baselines: a security team's list of reviewed findings it accepts. An entry matches a finding by
// rule id, the skill's content hash and the file, so a skill whose content changes (a new hash) is
// no longer covered and is judged afresh. A matched finding stays in the report, marked `baselined`,
// and the verdict is recomputed without it.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { WardenError } from '../core/index.ts';
import type { ScanReport, SkillReport } from './types.ts';
import { decideVerdict } from './verdict.ts';

export interface BaselineEntry {
  ruleId: string;
  /** The skill's content hash (ClawHub fingerprint, SHA-256 hex). */
  hash: string;
  /** Skill-relative path of the file the finding is in. */
  file: string;
  /** Why the finding is accepted. */
  reason?: string;
  /** Who accepted it. */
  acceptedBy?: string;
}

export interface Baseline {
  version: 1;
  accepted: BaselineEntry[];
}

// zod is loaded when a baseline is read, not with the scanner: importing it costs ~80 ms, a sixth of
// a one-skill `warden scan` (OpenClaw's install path), which has no baseline.
const require = createRequire(import.meta.url);
let schemas: ReturnType<typeof buildSchemas> | undefined;

function buildSchemas() {
  const { z } = require('zod') as typeof import('zod');
  return {
    entry: z.object({
      ruleId: z.string().min(1),
      hash: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be the skill content hash: 64 hex digits'),
      file: z.string().min(1),
      reason: z.string().optional(),
      acceptedBy: z.string().optional(),
    }),
    baseline: z.object({
      version: z.literal(1),
      accepted: z.array(z.unknown()),
    }),
  };
}

const example = '{"version":1,"accepted":[{"ruleId":"…","hash":"<64 hex>","file":"scripts/setup.sh","reason":"reviewed"}]}';

function invalid(file: string, why: string, details: Record<string, unknown> = {}): WardenError {
  return new WardenError('baseline-invalid', `baseline ${file}: ${why} (expected ${example})`, { file, ...details });
}

/** Parses baseline text; `file` names the source in error messages. Throws `baseline-invalid`. */
export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw invalid(file, `not valid JSON: ${(error as Error).message}`);
  }
  schemas ??= buildSchemas();
  const top = schemas.baseline.safeParse(data);
  if (!top.success) {
    const issue = top.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.join('.') : 'top level';
    throw invalid(file, `${where}: ${issue.message}`);
  }
  const accepted = top.data.accepted.map((raw, index) => {
    const entry = schemas!.entry.safeParse(raw);
    if (!entry.success) {
      const issue = entry.error.issues[0]!;
      const key = issue.path.join('.') || 'entry';
      throw invalid(file, `accepted[${index}].${key}: ${issue.message}`, { entry: index });
    }
    return { ...entry.data, hash: entry.data.hash.toLowerCase() };
  });
  return { version: 1, accepted };
}

/** Reads and validates a baseline file. A missing, unreadable or invalid file throws `baseline-invalid`. */
export async function loadBaseline(file: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw invalid(file, code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? (error as Error).message})`);
  }
  return parseBaseline(text, file);
}

const keyOf = (hash: string, ruleId: string, file: string) => `${hash}\0${ruleId}\0${file}`;
const indexes = new WeakMap<Baseline, Set<string>>();

function indexOf(baseline: Baseline): Set<string> {
  let index = indexes.get(baseline);
  if (!index) {
    index = new Set(baseline.accepted.map((e) => keyOf(e.hash.toLowerCase(), e.ruleId, e.file)));
    indexes.set(baseline, index);
  }
  return index;
}

/** Marks the skill's findings the baseline accepts and recomputes its verdict. Returns a new report. */
export function applyBaseline(report: SkillReport, baseline: Baseline): SkillReport {
  const index = indexOf(baseline);
  const hash = report.hash.toLowerCase();
  let changed = false;
  const findings = report.findings.map((f) => {
    if (!index.has(keyOf(hash, f.ruleId, f.file))) return f;
    changed = true;
    return { ...f, baselined: true };
  });
  if (!changed) return report;
  const { verdict, score } = decideVerdict(findings);
  return { ...report, findings, verdict, score };
}

/**
 * A baseline accepting every finding of the report (already accepted ones keep their place), for
 * `warden scan --write-baseline`: review the report first, then commit the file.
 */
export function createBaseline(report: ScanReport, details: { reason?: string; acceptedBy?: string } = {}): Baseline {
  const seen = new Set<string>();
  const accepted: BaselineEntry[] = [];
  for (const skill of report.skills) {
    for (const f of skill.findings) {
      const key = keyOf(skill.hash, f.ruleId, f.file);
      if (seen.has(key)) continue;
      seen.add(key);
      accepted.push({ ruleId: f.ruleId, hash: skill.hash, file: f.file, ...details });
    }
  }
  return { version: 1, accepted };
}
