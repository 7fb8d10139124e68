// Rows of the registry tables to the views the CLI and the runtime see. JSON columns are parsed
// here only; a row that does not parse is a damaged database, reported as such.

import type { SkillManifest } from '../skills/index.ts';
import type { SkillReport } from '../scan/index.ts';
import type { SkillVersionsTable } from '../store/tables/registry.ts';
import type { FindingCounts, HostGrant, VersionView } from './types.ts';
import type { FileRecord } from './version-files.ts';

export type VersionRow = SkillVersionsTable;

type VersionColumns = Pick<VersionRow, 'name' | 'version'> & Partial<VersionRow>;

function parse<T>(row: VersionColumns, column: keyof VersionRow): T {
  try {
    return JSON.parse(String(row[column])) as T;
  } catch {
    throw new Error(`registry: skill_versions ${row.name}@${row.version} has an unreadable ${column} column`);
  }
}

export const reportOf = (row: VersionColumns) => parse<SkillReport>(row, 'report');
export const manifestOf = (row: VersionColumns) => parse<SkillManifest>(row, 'manifest');
export const filesOf = (row: VersionColumns) => parse<FileRecord[]>(row, 'files');
export const secretMapOf = (row: VersionColumns) => parse<Record<string, string>>(row, 'secret_map');
export const allowHostsOf = (row: VersionColumns) => parse<HostGrant[]>(row, 'allow_hosts');

export function countFindings(report: SkillReport): FindingCounts {
  const counts: FindingCounts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of report.findings) counts[f.severity]++;
  return counts;
}

export function versionView(row: VersionRow): VersionView {
  const report = reportOf(row);
  return {
    name: row.name,
    version: row.version,
    status: row.status,
    verdict: row.verdict,
    score: report.score,
    findings: countFindings(report),
    installedAt: row.installed_at,
    installedBy: row.installed_by,
    sourcePath: row.source_path,
    ...(row.approved_by ? { approvedBy: row.approved_by } : {}),
    ...(row.approval_reason ? { approvalReason: row.approval_reason } : {}),
    ...(row.approved_at ? { approvedAt: row.approved_at } : {}),
    secretMap: secretMapOf(row),
    allowHosts: allowHostsOf(row),
    description: manifestOf(row).description ?? '',
  };
}
