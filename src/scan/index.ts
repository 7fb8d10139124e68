// The scanner's public interface: `import { scan } from "warden/scan"`.

export { scan, scanSkills, isSkillReport } from './batch.ts';
export type { ScanOptions } from './batch.ts';
export { scanSkill } from './engine.ts';
export type { ScanSkillOptions } from './engine.ts';
export { rules, ruleMap } from './rules/index.ts';
export { decideVerdict } from './verdict.ts';
export { loadBaseline, applyBaseline, parseBaseline, createBaseline } from './baseline.ts';
export type { Baseline, BaselineEntry } from './baseline.ts';
export { formatText, formatJson, formatSarif, atOrAbove, summarize, summaryLine, escapeTerminal } from './report/index.ts';
export type { SarifOptions, ScanSummary, TextOptions } from './report/index.ts';
export type {
  Category,
  Finding,
  Rule,
  RuleContext,
  RuleMeta,
  ScanError,
  ScanReport,
  Severity,
  SkillReport,
  Verdict,
} from './types.ts';
