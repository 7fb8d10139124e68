// The scanner's public interface: `import { scan } from "warden/scan"`.

export { scan, scanSkills } from './batch.ts';
export type { ScanOptions } from './batch.ts';
export { scanSkill } from './engine.ts';
export type { ScanSkillOptions } from './engine.ts';
export { rules, ruleMap } from './rules/index.ts';
export { decideVerdict } from './verdict.ts';
export { loadBaseline, applyBaseline } from './baseline.ts';
export type { Baseline, BaselineEntry } from './baseline.ts';
export { formatText, formatJson, formatSarif } from './report/index.ts';
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
