// A Latin word with Cyrillic or Greek look-alike letters mixed in ("pаypal.com" with a Cyrillic а):
// the reader sees a trusted name, the machine goes somewhere else. Whole Russian or Greek words are
// not mixed and never reach this rule.

import type { Rule } from '../types.ts';
import { inCodeOrCommand } from './prose/unicode-context.ts';

const hostLike = /^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:[/:]|$)|:\/\//i;

export const unicodeHomoglyph: Rule = {
  meta: {
    id: 'unicode-homoglyph',
    category: 'hidden-unicode',
    severity: 'high',
    title: 'Look-alike (homoglyph) letters in a host, command or word',
    description: 'A word that mixes Latin letters with Cyrillic or Greek letters that look the same. High in a host name, URL, code or command (it impersonates a trusted name); medium in prose.',
    references: ['https://www.unicode.org/reports/tr39/', 'https://en.wikipedia.org/wiki/IDN_homograph_attack'],
    messages: {
      host: 'Host or command spelled with look-alike letters: reads as "{{skeleton}}"',
      word: 'Word spelled with look-alike letters: reads as "{{skeleton}}"',
    },
  },
  check(facts, context) {
    for (const fact of facts.of('unicode')) {
      if (fact.category !== 'homoglyph') continue;
      const skeleton = fact.decoded ?? '';
      const dangerous = hostLike.test(skeleton) || inCodeOrCommand(fact);
      context.report({ messageId: dangerous ? 'host' : 'word', fact, data: { skeleton }, severity: dangerous ? 'high' : 'medium' });
    }
  },
};
