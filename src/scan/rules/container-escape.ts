// Containers that reach the host: `--privileged`, the host root mounted in, the Docker socket,
// host PID namespace, SYS_ADMIN; `nsenter` into PID 1. Mounting the Docker socket has honest uses
// (CI runners, dashboards) and stays medium.

import type { Rule, Severity } from '../types.ts';
import { commandLine, operands, programOf } from './common/commands.ts';
import { weigh } from './common/context.ts';

const checks: readonly { pattern: RegExp; what: string; severity: Severity }[] = [
  { pattern: /\s--privileged(?:=true)?(?:\s|$)/, what: 'a privileged container', severity: 'high' },
  { pattern: /\s(?:-v|--volume|--mount)[ =](?:type=bind,\s*)?(?:source=|src=)?\/(?::|,)/, what: "the host's root folder mounted in", severity: 'high' },
  { pattern: /\s--pid[ =]host\b/, what: "the host's process namespace", severity: 'high' },
  { pattern: /\s--cap-add[ =](?:sys_admin|all)\b/i, what: 'SYS_ADMIN capability', severity: 'high' },
  { pattern: /\/var\/run\/docker\.sock|\/run\/docker\.sock/, what: 'the Docker socket mounted in', severity: 'medium' },
];

export const containerEscape: Rule = {
  meta: {
    id: 'container-escape',
    category: 'privilege',
    severity: 'high',
    title: 'Container escape or host namespace entry',
    description: "The skill starts a container with host-level access (privileged, host root or Docker socket mounted, host PID namespace) or enters the host's namespaces with nsenter: a way out of a sandbox.",
    references: ['https://attack.mitre.org/techniques/T1611/'],
    messages: {
      container: 'Starts a container with {{what}}.',
      nsenter: "Enters the namespaces of process {{target}} with nsenter.",
    },
  },
  check(facts, context) {
    for (const cmd of facts.of('command')) {
      const program = programOf(cmd);
      if (program === 'nsenter') {
        const line = commandLine(cmd);
        const target = /(?:-t|--target)[ =]?(\d+)/.exec(line)?.[1];
        if (target === '1' || /\s-a\b|--all/.test(line)) context.report({ messageId: 'nsenter', fact: cmd, data: { target: target ?? 'the host' }, severity: weigh('high', cmd, context.skill) });
        continue;
      }
      if (!/^(?:docker|podman|nerdctl)$/.test(program) || !/^(?:run|create)$/.test(operands(cmd)[0] ?? '')) continue;
      const line = ' ' + cmd.args.join(' ');
      const hit = checks.find((c) => c.pattern.test(line));
      if (hit) context.report({ messageId: 'container', fact: cmd, data: { what: hit.what }, severity: weigh(hit.severity, cmd, context.skill) });
    }
  },
};
