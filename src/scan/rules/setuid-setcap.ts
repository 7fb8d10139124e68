// Setuid bits and file capabilities: a program that runs with root's powers whoever starts it.
// `setcap cap_net_bind_service` (bind port 80) is a common server setup step and stays medium.

import type { Rule } from '../types.ts';
import { commandsNamed, operands } from './common/commands.ts';
import { weigh } from './common/context.ts';

export const setuidSetcap: Rule = {
  meta: {
    id: 'setuid-setcap',
    category: 'privilege',
    severity: 'high',
    title: 'Sets setuid bits or file capabilities',
    description: 'The skill marks a program setuid/setgid or grants it Linux capabilities, a standing way back to root.',
    references: ['https://attack.mitre.org/techniques/T1548/001/'],
    messages: {
      setuid: 'Makes {{target}} setuid/setgid ({{mode}}).',
      setcap: 'Grants {{caps}} to {{target}}.',
    },
  },
  check(facts, context) {
    for (const cmd of commandsNamed(facts, 'chmod', 'setcap')) {
      const [mode, target] = operands(cmd);
      if (!mode || !target) continue;
      if (cmd.name.endsWith('chmod')) {
        if (/^(?:[ugoa]*\+[rwxt]*s|[2467]\d{3})$/.test(mode)) {
          context.report({ messageId: 'setuid', fact: cmd, data: { target, mode }, severity: weigh('high', cmd, context.skill) });
        }
      } else {
        const onlyBind = /^cap_net_bind_service[=+]/i.test(mode);
        context.report({ messageId: 'setcap', fact: cmd, data: { caps: mode, target }, severity: weigh(onlyBind ? 'medium' : 'high', cmd, context.skill) });
      }
    }
  },
};
