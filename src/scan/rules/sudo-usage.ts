// Commands run with sudo/doas. Installing packages with sudo is ordinary (low); feeding sudo a
// password written into the skill (`echo pw | sudo -S`) is not.

import type { Rule } from '../types.ts';
import { hasFlag, programOf } from './common/commands.ts';
import { weigh } from './common/context.ts';

export const sudoUsage: Rule = {
  meta: {
    id: 'sudo-usage',
    category: 'privilege',
    severity: 'low',
    title: 'Runs commands as root',
    description: "The skill runs commands with sudo or doas. Agent skills rarely need root; with a password piped into `sudo -S` it tries to get root without the user's consent.",
    references: ['https://attack.mitre.org/techniques/T1548/003/'],
    messages: {
      sudo: 'Runs {{program}} as root.',
      password: 'Pipes a password into sudo -S.',
    },
  },
  check(facts, context) {
    for (const cmd of facts.of('command')) {
      const program = programOf(cmd);
      if (program === 'sudo' && hasFlag(cmd, 'S', '--stdin') && cmd.pipedFrom) {
        context.report({ messageId: 'password', fact: cmd, severity: weigh('high', cmd, context.skill) });
      } else if (cmd.elevated) {
        context.report({ messageId: 'sudo', fact: cmd, data: { program }, severity: weigh('low', cmd, context.skill) });
      }
    }
  },
};
