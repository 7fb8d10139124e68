// Recursive permission or owner changes on / or system folders (`chmod -R 777 /`): breaks the system
// and opens every file to every user.

import type { Rule } from '../types.ts';
import { commandsNamed, hasFlag, operands } from './common/commands.ts';
import { weigh } from './common/context.ts';
import { normalisePath } from './common/sensitive-paths.ts';

const systemTree = /^(?:\/|\/\*|~|~\/|\/(?:etc|usr|var|bin|sbin|lib|home|users|system|library|opt|boot)\/?)$/;

export const systemWideChmod: Rule = {
  meta: {
    id: 'system-wide-chmod',
    category: 'destructive',
    severity: 'high',
    title: 'Changes permissions of the whole system',
    description: 'The skill recursively changes permissions or ownership of /, the home folder or a system folder, breaking the system and exposing every file.',
    references: ['https://attack.mitre.org/techniques/T1222/002/'],
    messages: { chmod: 'Recursively runs {{program}} on {{target}}.' },
  },
  check(facts, context) {
    for (const cmd of commandsNamed(facts, 'chmod', 'chown', 'chgrp')) {
      if (!hasFlag(cmd, 'R', '--recursive')) continue;
      const target = operands(cmd).slice(1).find((t) => systemTree.test(normalisePath(t)));
      if (target) context.report({ messageId: 'chmod', fact: cmd, data: { program: cmd.name, target }, severity: weigh('high', cmd, context.skill) });
    }
  },
};
