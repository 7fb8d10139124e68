// A long encoded literal that decodes to code or a URL, even if this skill does not visibly run
// it. Images, fonts and other media (base64 of a PNG) are skipped; short blobs are skipped too.

import type { Rule } from '../types.ts';
import { looksLikeCode, looksLikeUrl, stringBuilding } from './common/code-shape.ts';
import { weigh } from './common/context.ts';

export const encodedCodeBlob: Rule = {
  meta: {
    id: 'encoded-code-blob',
    category: 'obfuscation',
    severity: 'medium',
    title: 'Encoded code hidden in a literal',
    description: 'The skill carries an encoded literal (base64, hex…) that decodes to commands, code or a URL. Honest skills write code in the clear; encoding it hides it from review.',
    references: ['https://attack.mitre.org/techniques/T1027/'],
    options: { minLength: 40 },
    messages: {
      code: 'A {{encoding}} literal ({{length}} characters) decodes to code.',
      url: 'A {{encoding}} literal ({{length}} characters) decodes to a network address.',
    },
  },
  check(facts, context) {
    const minLength = Number(context.options.minLength ?? 40);
    for (const fact of facts.of('decode')) {
      if (fact.executed || fact.media || fact.length < minLength || stringBuilding.has(fact.encoding.toLowerCase())) continue;
      const code = looksLikeCode(fact.decoded);
      const url = looksLikeUrl(fact.decoded);
      if (!code && !url) continue;
      const severity = code && url ? 'high' : 'medium';
      context.report({ messageId: code ? 'code' : 'url', fact, severity: weigh(severity, fact, context.skill), data: { encoding: fact.encoding, length: fact.length } });
    }
  },
};
