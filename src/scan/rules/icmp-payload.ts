// Data hidden in ping packets: `ping -p "$hex"` fills each echo request's padding with a pattern the
// script computed (16 bytes at a time: a key read in chunks), `hping3 -E file` sends a file's bytes
// as the payload. ICMP passes where HTTP is proxied, and nobody reads echo padding. A literal
// pattern (`ping -p ff`, testing a line for data-dependent faults) carries nothing.

import type { Rule } from '../types.ts';
import { commandsNamed, programOf } from './common/commands.ts';
import { weigh } from './common/context.ts';
import { classifyPath } from './common/sensitive-paths.ts';

const dynamic = /\$|`/;

/** The value after flag `flag` (`-p X` or `-pX`). */
function flagValue(args: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === flag) return args[i + 1];
    if (a.startsWith(flag) && a.length > flag.length && !a.startsWith('--')) return a.slice(flag.length);
  }
  return undefined;
}

export const icmpPayload: Rule = {
  meta: {
    id: 'icmp-payload',
    category: 'exfiltration',
    severity: 'high',
    title: 'Sends data in ping packets',
    description: 'The skill fills ICMP echo requests with data it computed (`ping -p "$pattern"`) or with a file (`hping3 -E file`). Ping payloads slip past HTTP proxies and are a known covert channel for stealing keys a few bytes at a time.',
    references: ['https://attack.mitre.org/techniques/T1048/'],
    messages: {
      pattern: 'Fills ping packets with computed data ({{pattern}}).',
      file: 'Sends {{path}} as ping payload.',
    },
  },
  check(facts, context) {
    for (const cmd of commandsNamed(facts, 'ping', 'ping6', 'hping', 'hping2', 'hping3', 'nping')) {
      const program = programOf(cmd);
      if (program.startsWith('ping')) {
        const pattern = flagValue(cmd.args, '-p');
        if (pattern !== undefined && dynamic.test(pattern)) {
          context.report({ messageId: 'pattern', fact: cmd, severity: weigh('high', cmd, context.skill), data: { pattern } });
        }
        continue;
      }
      const file = flagValue(cmd.args, '-E') ?? flagValue(cmd.args, '--file') ?? (program === 'nping' ? flagValue(cmd.args, '--data-string') : undefined);
      if (file === undefined) continue;
      const secret = classifyPath(file);
      const severity = secret || dynamic.test(file) ? 'critical' : 'high';
      context.report({ messageId: 'file', fact: cmd, severity: weigh(severity, cmd, context.skill), data: { path: file } });
    }
  },
};
