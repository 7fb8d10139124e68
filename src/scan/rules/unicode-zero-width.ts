// Zero-width characters inside words split phrases a reviewer (or a scanner) would recognise, and
// inside URLs or commands they change what is fetched or run. Emoji joiners and the leading BOM
// never reach this rule (the analyzer drops them); a stray one in prose is usually copy-paste.

import type { Rule } from '../types.ts';
import { inCodeOrCommand } from './prose/unicode-context.ts';

export const unicodeZeroWidth: Rule = {
  meta: {
    id: 'unicode-zero-width',
    category: 'hidden-unicode',
    severity: 'high',
    title: 'Zero-width characters in code, commands, URLs or words',
    description: 'Zero-width spaces, joiners or word joiners outside emoji and joining scripts. High in code or on a line with a URL or command; medium for several in one line of prose (words split to evade review); low for a single one in prose.',
    references: ['https://www.promptfoo.dev/blog/invisible-unicode-threats/'],
    messages: {
      code: '{{count}} zero-width character(s) in code, a command or a URL',
      prose: '{{count}} zero-width character(s) inside prose',
    },
  },
  check(facts, context) {
    for (const fact of facts.of('unicode')) {
      if (fact.category !== 'zero-width') continue;
      if (inCodeOrCommand(fact)) context.report({ messageId: 'code', fact, data: { count: fact.count } });
      else context.report({ messageId: 'prose', fact, data: { count: fact.count }, severity: fact.count >= 3 ? 'medium' : 'low' });
    }
  },
};
