// The terminal report: one block per skill (verdict, name, score, path), its findings with
// file:line, severity, rule id, message and a one-line evidence excerpt, then a summary line and the
// inputs that could not be scanned. Colour only when asked (the CLI asks on a TTY without NO_COLOR).
// Text from a skill is escaped, so a hostile file cannot move the cursor or reorder the terminal.

import { styleText } from 'node:util';
import type { Finding, ScanReport, Severity, SkillReport, Verdict } from '../types.ts';
import { atOrAbove, summarize, summaryLine } from './summary.ts';

export interface TextOptions {
  color?: boolean;
  /** Print only skills at or above `failOn`, and errors (no clean skills, no summary). */
  quiet?: boolean;
  /** Default `malicious`. */
  failOn?: Verdict;
}

type Style = Parameters<typeof styleText>[0];

const verdictStyle: Record<Verdict, Style> = { malicious: ['red', 'bold'], suspicious: ['yellow', 'bold'], clean: 'green' };
const verdictMark: Record<Verdict, string> = { malicious: '✖', suspicious: '▲', clean: '✔' };
const severityStyle: Record<Severity, Style> = { critical: ['red', 'bold'], high: 'red', medium: 'yellow', low: 'blue', info: 'gray' };

/** Control, format (bidi, zero-width), private-use and unpaired surrogate characters become `\u{…}`. */
export function escapeTerminal(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}\u2028\u2029]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

function excerpt(text: string, max: number): string {
  const one = escapeTerminal(text.replace(/\s+/g, ' ').trim());
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function findingLines(f: Finding, paint: (s: Style, t: string) => string): string[] {
  const head = [
    paint('cyan', `${escapeTerminal(f.file)}:${f.line}`),
    paint(severityStyle[f.severity], f.severity),
    paint('dim', f.ruleId),
    excerpt(f.message, 200),
    f.baselined ? paint('dim', '(baselined)') : '',
  ].filter(Boolean);
  const lines = [`    ${head.join('  ')}`];
  if (f.evidence.trim()) lines.push(`      ${paint('gray', `> ${excerpt(f.evidence, 120)}`)}`);
  return lines;
}

function skillLines(s: SkillReport, paint: (s: Style, t: string) => string): string[] {
  const head = `${paint(verdictStyle[s.verdict], `${verdictMark[s.verdict]} ${s.verdict}`)}  ${escapeTerminal(s.name)} (score ${s.score})  ${paint('dim', escapeTerminal(s.path))}`;
  return [head, ...s.findings.flatMap((f) => findingLines(f, paint))];
}

export function formatText(report: ScanReport, options: TextOptions = {}): string {
  const paint = (style: Style, text: string) => (options.color ? styleText(style, text, { validateStream: false }) : text);
  const failOn = options.failOn ?? 'malicious';
  const lines: string[] = [];
  for (const skill of report.skills) {
    if (options.quiet && !atOrAbove(skill.verdict, failOn)) continue;
    lines.push(...skillLines(skill, paint));
  }
  if (!options.quiet) {
    if (lines.length > 0) lines.push('');
    lines.push(summaryLine(summarize(report)));
  }
  for (const error of report.errors) lines.push(`${paint(['red', 'bold'], 'error')}  ${escapeTerminal(error.path)}: ${excerpt(error.message, 300)}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
