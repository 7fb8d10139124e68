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
    description: 'Zero-width spaces, joiners or word joiners outside emoji and joining scripts. High in code, on a line with a URL or command, or when they are interleaved with the letters of visible text (every word split so reviewers and scanners miss it); medium for several in one line of prose; low for a single one in prose. Zero-width characters that encode a message as bits are reported by unicode-hidden-payload.',
    references: ['https://www.promptfoo.dev/blog/invisible-unicode-threats/'],
    messages: {
      code: '{{count}} zero-width character(s) in code, a command or a URL',
      prose: '{{count}} zero-width character(s) inside prose',
      interleaved: '{{count}} zero-width characters interleaved with the text, which reads "{{text}}"',
    },
  },
  check(facts, context) {
    for (const fact of facts.of('unicode')) {
      if (fact.category !== 'zero-width' || fact.carrier === 'bits') continue;
      if (fact.carrier === 'interleaved') context.report({ messageId: 'interleaved', fact, data: { count: fact.count, text: (fact.decoded ?? '').slice(0, 100) } });
      else if (inCodeOrCommand(fact)) context.report({ messageId: 'code', fact, data: { count: fact.count } });
      else context.report({ messageId: 'prose', fact, data: { count: fact.count }, severity: fact.count >= 3 ? 'medium' : 'low' });
    }
  },
};
