// Bidirectional controls reorder how text is displayed, so code can read differently from how it
// runs ("Trojan Source", CVE-2021-42574). The analyzer already leaves natural right-to-left text
// alone; what remains in a script is an attack, in prose a warning sign.

import type { Rule } from '../types.ts';
import { inCodeOrCommand } from './prose/unicode-context.ts';

export const unicodeBidiControl: Rule = {
  meta: {
    id: 'unicode-bidi-control',
    category: 'hidden-unicode',
    severity: 'high',
    title: 'Bidirectional control characters (Trojan Source)',
    description: 'Right-to-left override, embedding or isolate characters outside right-to-left text. In code or on a command line (high) they make the displayed text differ from what runs; in prose (medium) they can hide or reverse words.',
    references: ['https://trojansource.codes/', 'https://nvd.nist.gov/vuln/detail/CVE-2021-42574'],
    messages: {
      code: '{{count}} bidirectional control character(s) in code: what is shown is not what runs',
      prose: '{{count}} bidirectional control character(s) in prose',
    },
  },
  check(facts, context) {
    for (const fact of facts.of('unicode')) {
      if (fact.category !== 'bidi') continue;
      const code = inCodeOrCommand(fact);
      context.report({ messageId: code ? 'code' : 'prose', fact, data: { count: fact.count }, severity: code ? 'high' : 'medium' });
    }
  },
};
