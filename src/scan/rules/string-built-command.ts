// Commands or URLs assembled from character codes, reversed strings, rot13 or many joined
// fragments (`String.fromCharCode(99,117,114,108…)`, `''.join([chr(x) …])`): written so that no
// search for "curl" or a host name finds them.

import type { Rule } from '../types.ts';
import { looksLikeCode, looksLikeCommandLine, looksLikeUrl, plainFragments, stringBuilding } from './common/code-shape.ts';
import { weigh } from './common/context.ts';

export const stringBuiltCommand: Rule = {
  meta: {
    id: 'string-built-command',
    category: 'obfuscation',
    severity: 'high',
    title: 'Command or URL built from pieces',
    description: 'The skill builds a command or URL from character codes, reversed or rot13 text, or joined fragments, so that it never appears in the source as written.',
    references: ['https://attack.mitre.org/techniques/T1027/'],
    messages: { built: 'Builds {{what}} from {{encoding}}: "{{text}}".' },
  },
  check(facts, context) {
    for (const fact of facts.of('decode')) {
      if (fact.executed || !stringBuilding.has(fact.encoding.toLowerCase())) continue;
      const code = plainFragments.has(fact.encoding.toLowerCase()) ? looksLikeCommandLine(fact.decoded) : looksLikeCode(fact.decoded);
      const url = looksLikeUrl(fact.decoded);
      if (!code && !url) continue;
      const text = (fact.decoded ?? '').replace(/\s+/g, ' ').slice(0, 60);
      context.report({ messageId: 'built', fact, severity: weigh('high', fact, context.skill), data: { what: code ? 'a command' : 'a URL', encoding: fact.encoding, text } });
    }
  },
};
