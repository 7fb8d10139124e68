// Other invisible code points: C0/C1 control characters (other than tab, CR, LF) and private-use
// characters. Rarely an attack by themselves (icon fonts use private use; escape sequences colour
// terminals), so they are shown, not scored, unless they sit in code in quantity.

import type { Rule } from '../types.ts';

export const unicodeControlCharacters: Rule = {
  meta: {
    id: 'unicode-control-characters',
    category: 'hidden-unicode',
    severity: 'low',
    title: 'Control or private-use characters',
    description: 'C0/C1 control characters other than tab, CR and LF (which can rewrite what a terminal shows), and private-use code points (which have no agreed meaning and can carry data). Low; info for a single private-use character (icon fonts).',
    references: ['https://www.unicode.org/faq/private_use.html'],
    messages: {
      control: '{{count}} control character(s)',
      privateUse: '{{count}} private-use character(s)',
    },
  },
  check(facts, context) {
    for (const fact of facts.of('unicode')) {
      if (fact.category === 'control') context.report({ messageId: 'control', fact, data: { count: fact.count } });
      else if (fact.category === 'private-use') context.report({ messageId: 'privateUse', fact, data: { count: fact.count }, severity: fact.count >= 8 ? 'low' : 'info' });
    }
  },
};
