// Scheduler input (`crontab -`, `at`, `batch` fed a heredoc, a herestring or an echo) is a file in
// the cron spool with that content, and its job lines are shell commands.

import { hasFlag, type ShellCommand } from './shell-command.ts';
import { literalInput } from './shell-flow.ts';
import type { ShellScan } from './shell-scan.ts';

const spool: Readonly<Record<string, string>> = { crontab: '/var/spool/cron/crontabs/*', at: '/var/spool/cron/atjobs/*', batch: '/var/spool/cron/atjobs/*' };

/**
 * `crontab - <<EOF` / `echo job | at now`: a write to the cron spool with the literal jobs as its
 * content (persistence rules judge it), and each job's command handed to the shell analyzer.
 */
export function schedulerInput(scan: ShellScan, cmd: ShellCommand): void {
  const path = spool[cmd.name];
  if (!path || (cmd.name === 'crontab' && (hasFlag(cmd.args, 'l') || hasFlag(cmd.args, 'r')))) return;
  const input = literalInput(scan, cmd);
  if (!input?.text.trim()) return;
  scan.fact({ kind: 'file-write', line: cmd.line, path, content: input.text.slice(0, 400) });
  const jobs = cmd.name === 'crontab'
    ? input.text.split('\n').map((l) => (/^\s*(?:#|[A-Z_]+=)/.test(l) ? '' : l.replace(/^\s*(?:@\w+|(?:\S+\s+){5})/, ''))).join('\n')
    : input.text;
  scan.nested(jobs, 'shell', input.node);
}
