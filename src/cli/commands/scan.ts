// `warden scan PATH…`: scans skill folders, folders of skills and bundles, prints a report and
// returns the exit code: 1 when a skill is at or above --fail-on; otherwise 2 when an input could
// not be read or scanned (listed under errors); otherwise 0. Usage errors (bad flag, no path, a
// missing or invalid baseline, an unwritable --output) exit 2 before or instead of a report.

import { Command, InvalidArgumentError, Option } from 'commander';
import { writeFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { WardenError } from '../../core/index.ts';
import { atOrAbove, createBaseline, formatJson, formatSarif, formatText, isSkillReport, loadBaseline, scanSkills } from '../../scan/index.ts';
import type { ScanReport, Verdict } from '../../scan/index.ts';
import type { CliIo } from '../io.ts';
import { createProgress } from '../progress.ts';
import type { ExitCode } from '../program.ts';

export interface ScanFlags {
  format: 'text' | 'json' | 'sarif';
  output?: string;
  failOn: Verdict;
  jobs?: number;
  baseline?: string;
  writeBaseline?: string;
  quiet?: boolean;
}

const exitHelp = `
Exit codes:
  0  every skill is below --fail-on and every input was scanned
  1  at least one skill is at or above --fail-on (this wins over 2)
  2  usage or I/O error: a bad flag, a missing or invalid baseline, an unwritable --output,
     or an input that could not be read or scanned (it is listed under "errors" in the report)

Paths in the report are relative to the current folder when inside it. --quiet applies to the
text format; JSON and SARIF always hold every skill.
`;

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new InvalidArgumentError('expected a whole number from 1 to 256');
  return n;
}

async function writeTo(file: string, text: string, what: string): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new WardenError('output-unwritable', `cannot write the ${what} to ${file} (${code}); check the folder exists and is writable`, { file });
  }
}

/** Scans and returns the exit code. */
export async function runScan(paths: string[], flags: ScanFlags, io: CliIo): Promise<number> {
  const baseline = flags.baseline ? await loadBaseline(resolve(io.cwd, flags.baseline)) : undefined;
  const shown = (p: string) => {
    const rel = relative(io.cwd, p);
    return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? p : rel;
  };
  const report: ScanReport = { version: 1, skills: [], errors: [] };
  const progress = createProgress(io.stderr, !flags.quiet);
  try {
    for await (const item of scanSkills(paths.map((p) => resolve(io.cwd, p)), { jobs: flags.jobs, baseline })) {
      const entry = { ...item, path: shown(item.path) };
      if (isSkillReport(entry)) report.skills.push(entry);
      else report.errors.push(entry);
      progress.tick(entry.path, !isSkillReport(entry));
    }
  } finally {
    progress.done();
  }

  const toFile = flags.output !== undefined;
  const color = !toFile && io.stdout.isTTY === true && !io.env.NO_COLOR;
  const text =
    flags.format === 'json' ? formatJson(report)
    : flags.format === 'sarif' ? formatSarif(report, { root: io.cwd })
    : formatText(report, { color, quiet: flags.quiet, failOn: flags.failOn });
  if (toFile) await writeTo(resolve(io.cwd, flags.output!), text, 'report');
  else io.stdout.write(text);
  if (flags.writeBaseline) {
    const written = createBaseline(report, { reason: 'accepted with warden scan --write-baseline; review before committing' });
    await writeTo(resolve(io.cwd, flags.writeBaseline), `${JSON.stringify(written, null, 2)}\n`, 'baseline');
  }

  if (report.skills.some((s) => atOrAbove(s.verdict, flags.failOn))) return 1;
  return report.errors.length > 0 ? 2 : 0;
}

export function registerScan(program: Command, io: CliIo, exit: ExitCode): void {
  program
    .command('scan')
    .description('Scan skills (folders, folders of skills at any depth, .zip/.tgz bundles) and report a verdict per skill')
    .argument('<paths...>', 'skill folders, folders of skills, or bundles')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json', 'sarif']).default('text'))
    .option('--output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--fail-on <verdict>', 'lowest verdict that makes the exit code 1').choices(['malicious', 'suspicious']).default('malicious'))
    .option('--jobs <n>', 'skills scanned in parallel (default: one per CPU core)', parseJobs)
    .option('--baseline <file>', 'JSON file of accepted findings (rule id + skill hash + file)')
    .option('--write-baseline <file>', 'write a baseline accepting every current finding (review it first)')
    .option('--quiet', 'text: print only skills at or above --fail-on, and errors')
    .addHelpText('after', exitHelp)
    .action(async (paths: string[], flags: ScanFlags) => {
      exit.code = await runScan(paths, flags, io);
    });
}
