// Fork bombs: a function that pipes itself into itself in the background (`:(){ :|:& };:`), or the
// batch `%0|%0`. Seen through the command facts on the line.

import type { Rule } from '../types.ts';
import { weigh } from './common/context.ts';

// The name starts a word and is short and free of shell punctuation, so a failed match costs
// little; lines without `()` or `%0` are not tried at all.
const bomb = /(?<![^\s;&|{(])([^\s(){}|&;]{1,32})\s*\(\)\s*\{\s*\1\s*\|\s*\1\s*&\s*\}\s*;?\s*\1|%0\s*\|\s*%0/;

function mayBeBomb(text: string): boolean {
  return text.includes('()') || text.includes('%0');
}

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
    // Several facts share a line's evidence: run the regex once per text that may hold a bomb.
    const seen = new Map<string, boolean>();
    for (const fact of facts.all) {
      if (fact.kind === 'prose' || fact.kind === 'url' || !mayBeBomb(fact.evidence)) continue;
      let hit = seen.get(fact.evidence);
      if (hit === undefined) seen.set(fact.evidence, (hit = bomb.test(fact.evidence)));
      if (!hit) continue;
      context.report({ messageId: 'bomb', fact, severity: weigh('critical', fact, context.skill) });
    }
  },
};
