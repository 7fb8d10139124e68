// Fork bombs: a function that pipes itself into itself in the background (`:(){ :|:& };:`), or the
// batch `%0|%0`. Seen through the command facts on the line.

import type { Rule } from '../types.ts';
import { weigh } from './common/context.ts';

const bomb = /(\S+)\s*\(\)\s*\{\s*\1\s*\|\s*\1\s*&\s*\}\s*;?\s*\1|%0\s*\|\s*%0/;

export const forkBomb: Rule = {
  meta: {
    id: 'fork-bomb',
    category: 'destructive',
    severity: 'critical',
    title: 'Fork bomb',
    description: 'The skill defines a function that starts copies of itself without end, exhausting the machine.',
    references: ['https://en.wikipedia.org/wiki/Fork_bomb'],
    messages: { bomb: 'Starts processes without end (fork bomb).' },
  },
  check(facts, context) {
    for (const fact of facts.all) {
      if (fact.kind === 'prose' || fact.kind === 'url' || !bomb.test(fact.evidence)) continue;
      context.report({ messageId: 'bomb', fact, severity: weigh('critical', fact, context.skill) });
    }
  },
};
