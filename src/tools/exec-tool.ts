// `exec`: a shell command in the conversation's workspace, inside the sandbox, as the principal.
// With `skill`, the command gets that skill's hosts and secrets (placeholders in the box); without
// one, only the role's hosts and no secrets. The approved skills are put in place at skills/<name>/
// first, so the command runs exactly the files that were approved.

import { isWardenError } from '../core/index.ts';
import { DEFAULT_LIMITS, type AllowedHost, type SandboxResult } from '../sandbox/index.ts';
import { capOutput, containmentNotes, withholdSecrets } from './containment-notes.ts';
import { materialiseSkills } from './skill-copies.ts';
import { failed, formatBytes, guarded, optionalInteger, optionalString, stringArg, ToolFailure } from './tool-result.ts';
import type { Tool, ToolContext, ToolResult, ToolSkill } from './types.ts';

export interface ExecToolOptions {
  /** Longest timeout a call may ask for, in seconds: the configured sandbox wall time. Default 120. */
  maxTimeoutSec?: number;
  /** Bytes of stdout and of stderr each shown to the model (first and last half). Default 16 KiB. */
  maxOutputBytes?: number;
}

/** Hosts of a command: the skill's first, then the role's, each host:port once. */
export function mergeHosts(...lists: ReadonlyArray<readonly AllowedHost[]>): AllowedHost[] {
  const out = new Map<string, AllowedHost>();
  for (const list of lists) for (const h of list) out.set(`${h.host.toLowerCase()}:${h.port}`, { host: h.host.toLowerCase(), port: h.port });
  return [...out.values()];
}

/** The approved skill a call names, or a failure that lists the ones available. */
export function skillNamed(name: string | undefined, context: ToolContext): ToolSkill | undefined {
  if (name === undefined) return undefined;
  const skill = context.skills.get(name);
  if (skill) return skill;
  const known = [...context.skills.keys()].sort();
  throw new ToolFailure('unknown-skill', `skill "${name}" is not one of your approved skills${known.length > 0 ? ` (approved: ${known.join(', ')})` : ' (none are approved for you)'}`, { skill: name });
}

/** A WardenError from the sandbox (workspace missing or unreachable, bad limits) as a failed result. */
export async function sandboxCall(run: () => Promise<SandboxResult>): Promise<SandboxResult> {
  try {
    return await run();
  } catch (error) {
    if (isWardenError(error)) throw new ToolFailure(`sandbox-${error.code}`, `the sandbox could not run the command: ${error.message}`);
    throw error;
  }
}

function describeEnd(result: SandboxResult): string {
  if (result.exitCode !== null) return `exit code ${result.exitCode}`;
  if (result.signal) return `ended by signal ${result.signal}`;
  return 'did not run';
}

export function createExecTool(options: ExecToolOptions = {}): Tool {
  const maxTimeout = options.maxTimeoutSec ?? DEFAULT_LIMITS.wallTimeSec;
  const maxOutput = options.maxOutputBytes ?? 16 * 1024;
  return {
    name: 'exec',
    description: `Run a shell command (/bin/sh -c) in the workspace inside the sandbox. Name the skill whose script you run so it gets that skill's network access and credentials; skills are at skills/<name>/. Time limit up to ${maxTimeout} s.`,
    parameters: {
      type: 'object',
      properties: {
        command: { type: 'string', description: 'Shell command, run by /bin/sh -c in the workspace.' },
        skill: { type: 'string', description: 'Name of the approved skill this command belongs to, if any.' },
        timeoutSec: { type: 'integer', minimum: 1, maximum: maxTimeout, description: `Seconds before the command is killed. Default and maximum ${maxTimeout}.` },
      },
      required: ['command'],
      additionalProperties: false,
    },
    writes: true,
    skillOf: (args) => (typeof args.skill === 'string' ? args.skill : undefined),
    run: (args, context) =>
      guarded(async (): Promise<ToolResult> => {
        const command = stringArg(args, 'command');
        const skill = skillNamed(optionalString(args, 'skill'), context);
        const requested = optionalInteger(args, 'timeoutSec', 1, 24 * 3600);
        const timeout = Math.min(requested ?? maxTimeout, maxTimeout);
        if (context.signal.aborted) return failed('cancelled', 'the turn was cancelled before the command started; nothing ran');
        await materialiseSkills(context.workspace, context.skills);
        context.progress?.(`running ${command.length > 60 ? `${command.slice(0, 60)}…` : command}`);
        const secrets = skill?.secrets ?? [];
        const result = await sandboxCall(() =>
          context.sandbox.runSandboxed({
            workspace: context.workspace,
            command: '/bin/sh',
            args: ['-c', command],
            principal: context.principal.id,
            ...(skill ? { skill: skill.name } : {}),
            allowHosts: mergeHosts(skill?.allowHosts ?? [], context.roleHosts),
            secrets,
            limits: { wallTimeSec: timeout },
            ...(context.onContainmentEvent ? { onEvent: context.onContainmentEvent } : {}),
          }),
        );
        const stdout = capOutput(result.stdout, maxOutput);
        const stderr = capOutput(result.stderr, maxOutput);
        const notes = containmentNotes(result, { wallTimeSec: timeout });
        if (requested !== undefined && requested > maxTimeout) notes.push(`timeoutSec ${requested} was capped at ${maxTimeout} s`);
        if (result.truncated) notes.push('output was cut at the sandbox output limit');
        const end = describeEnd(result);
        const sections = [end];
        sections.push(result.stdout.length > 0 ? `stdout:\n${stdout.text}` : 'stdout: (empty)');
        if (result.stderr.length > 0) sections.push(`stderr:\n${stderr.text}`);
        if (notes.length > 0) sections.push(notes.join('\n'));
        const ok = result.exitCode === 0 && result.limitHit === null;
        const refused = result.events.some((e) => e.type === 'sandbox.run' && e.outcome === 'refused');
        return {
          ok,
          content: withholdSecrets(sections.join('\n'), secrets),
          summary: `${refused ? 'refused' : end}${result.limitHit ? ` (${result.limitHit} limit)` : ''}, ${formatBytes(result.stdout.length)} out${result.stderr.length > 0 ? `, ${formatBytes(result.stderr.length)} err` : ''}`,
          data: {
            exitCode: result.exitCode,
            signal: result.signal,
            limitHit: result.limitHit,
            refused,
            stdoutBytes: result.stdout.length,
            stderrBytes: result.stderr.length,
            cut: stdout.cut || stderr.cut || result.truncated,
            deniedConnections: result.events.filter((e) => e.type === 'egress.decision' && e.outcome === 'deny').length,
            ...(skill ? { skill: skill.name } : {}),
          },
        };
      }),
  };
}
