// Unicode tag characters (U+E0000–E007F) and runs of variation selectors render as nothing but
// carry text a model reads: the "ASCII smuggling" channel. Decoded to readable text they are an
// instruction nobody reviewing the skill can see.

import type { Rule } from '../types.ts';

const readable = /[a-z]{3,}/i;

export const unicodeHiddenPayload: Rule = {
  meta: {
    id: 'unicode-hidden-payload',
    category: 'hidden-unicode',
    severity: 'critical',
    title: 'Invisible Unicode that carries text (tag characters, variation selectors, zero-width bits)',
    description: 'Unicode tag characters, a run of variation selectors, or a run of two alternating zero-width characters that spells bytes: invisible when rendered, but models read them (or are told to decode them). Critical when they decode to readable text (a hidden instruction); high otherwise. Flag emoji (England, Scotland, Wales) and single variation selectors after a character are not reported.',
    references: ['https://embracethered.com/blog/posts/2024/hiding-and-finding-text-with-unicode-tags/', 'https://paulbutler.org/2025/smuggling-arbitrary-data-through-an-emoji/'],
    messages: {
      tagText: '{{count}} invisible tag characters spelling "{{text}}"',
      tags: '{{count}} invisible tag characters',
      selectorText: '{{count}} variation selectors encoding "{{text}}"',
      selectors: 'A run of {{count}} variation selectors (an invisible data channel)',
      bitsText: '{{count}} zero-width characters encoding "{{text}}" as bits',
    },
  },
  check(facts, context) {
    for (const fact of facts.of('unicode')) {
      if (fact.category === 'zero-width' && fact.carrier === 'bits') {
        context.report({ messageId: 'bitsText', fact, data: { count: fact.count, text: fact.decoded?.replace(/\s+/g, ' ').trim().slice(0, 100) ?? '' } });
        continue;
      }
      if (fact.category !== 'tag' && fact.category !== 'variation-selector') continue;
      const tag = fact.category === 'tag';
      const text = fact.decoded?.replace(/\s+/g, ' ').trim().slice(0, 100) ?? '';
      if (readable.test(text)) {
        context.report({ messageId: tag ? 'tagText' : 'selectorText', fact, data: { count: fact.count, text } });
      } else if (tag || fact.count >= 4) {
        context.report({ messageId: tag ? 'tags' : 'selectors', fact, data: { count: fact.count }, severity: 'high' });
      }
    }
  },
};
