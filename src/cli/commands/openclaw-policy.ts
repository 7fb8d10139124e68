// `warden openclaw-policy`: the command OpenClaw's `security.installPolicy.exec` runs before it
// installs a skill. Reads one request from stdin, scans the staged source and writes one decision
// to stdout: malicious → block, suspicious → warn (block with `--block-on suspicious`), clean →
// allow. It fails closed: a bad request, a plugin target, a scan error or a scan that would not
// finish in time is a `block` with its reason. The exit code is 0 whenever an answer was written
// (OpenClaw reads a non-zero exit as a failure and blocks without showing Warden's reason).

import { Command, InvalidArgumentError, Option } from 'commander';
import { resolve } from 'node:path';
import { loadBaseline, scan } from '../../scan/index.ts';
import type { Baseline, ScanReport, Verdict } from '../../scan/index.ts';
import type { CliIo } from '../io.ts';
import { block, decide, parseRequest } from '../openclaw-protocol.ts';
import type { PolicyResponse } from '../openclaw-protocol.ts';
import type { ExitCode } from '../program.ts';

const maxRequestBytes = 1024 * 1024;

interface PolicyFlags {
  blockOn: Verdict;
  baseline?: string;
  timeoutMs: number;
}

function parseTimeout(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 100 || n > 600_000) throw new InvalidArgumentError('expected whole milliseconds from 100 to 600000');
  return n;
}

async function readRequest(stdin: CliIo['stdin']): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > maxRequestBytes) throw new Error(`request larger than ${maxRequestBytes} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function answer(io: CliIo, flags: PolicyFlags): Promise<PolicyResponse> {
  if (io.stdin.isTTY) return block('warden openclaw-policy expects an OpenClaw install policy request (JSON) on stdin');
  let text: string;
  try {
    text = await readRequest(io.stdin);
  } catch (error) {
    return block(`Warden could not read the install policy request: ${(error as Error).message}`);
  }
  const parsed = parseRequest(text);
  if (!parsed.ok) return block(parsed.reason);
  const { request } = parsed;
  if (request.targetType !== 'skill') {
    return block(`Warden vets skills only, not ${request.targetType}s; list only "skill" in security.installPolicy.targets to leave ${request.targetType}s to another policy`);
  }
  let baseline: Baseline | undefined;
  try {
    baseline = flags.baseline ? await loadBaseline(resolve(io.cwd, flags.baseline)) : undefined;
  } catch (error) {
    return block(`Warden's policy is misconfigured: ${(error as Error).message}`);
  }
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((done) => {
    timer = setTimeout(() => done('timeout'), flags.timeoutMs);
  });
  const scanning = scan([request.sourcePath], { jobs: 1, isolate: true, skillTimeoutMs: flags.timeoutMs, baseline, signal: controller.signal });
  scanning.catch(() => {}); // after a timeout nobody awaits it; the abort below makes it reject
  try {
    const report: ScanReport | 'timeout' = await Promise.race([scanning, timeout]);
    if (report === 'timeout') return block(`Warden could not finish scanning "${request.targetName}" within ${flags.timeoutMs} ms`);
    return decide(request, report, { blockOn: flags.blockOn });
  } catch (error) {
    return block(`Warden could not scan "${request.targetName}": ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

export function registerOpenclawPolicy(program: Command, io: CliIo, exit: ExitCode): void {
  program
    .command('openclaw-policy')
    .description("Answer one OpenClaw security.installPolicy request: JSON on stdin, a decision (allow|warn|block) on stdout")
    .addOption(new Option('--block-on <verdict>', 'lowest verdict that blocks; below it, suspicious warns').choices(['malicious', 'suspicious']).default('malicious'))
    .option('--baseline <file>', 'baseline file of accepted findings')
    .addOption(new Option('--timeout-ms <ms>', 'block when the scan takes longer (keep below OpenClaw\'s exec.timeoutMs)').argParser(parseTimeout).default(8000))
    .addHelpText('after', '\nAlways exits 0 once it has answered; an invalid request or a failed scan is answered with "block".\n')
    .action(async (flags: PolicyFlags) => {
      const response = await answer(io, flags);
      io.stdout.write(`${JSON.stringify(response)}\n`);
      exit.code = 0;
    });
}
