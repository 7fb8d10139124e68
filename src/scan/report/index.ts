// The reporters: a scan report to text (terminal), JSON (machines) or SARIF 2.1.0 (code scanning).

export { formatText, escapeTerminal } from './text.ts';
export type { TextOptions } from './text.ts';
export { formatJson } from './json.ts';
export { formatSarif } from './sarif.ts';
export type { SarifOptions } from './sarif.ts';
export { atOrAbove, summarize, summaryLine } from './summary.ts';
export type { ScanSummary } from './summary.ts';
