// A decoded literal is executed: `echo … | base64 -d | sh`, `exec(base64.b64decode(…))`,
// `eval(atob(…))`, `powershell -enc …`. Hiding code from the reader and then running it has no
// honest use in a skill.

import type { Rule } from '../types.ts';
import { weigh } from './common/context.ts';

export const decodedPayloadExec: Rule = {
  meta: {
    id: 'decoded-payload-exec',
    category: 'obfuscation',
    severity: 'critical',
    title: 'Runs an encoded payload',
    description: 'The skill decodes a hidden literal (base64, hex, char codes, compression) and executes the result. ClawHub malware hid its installers behind base64 one-liners this way.',
    references: ['https://attack.mitre.org/techniques/T1140/', 'https://attack.mitre.org/techniques/T1027/'],
    messages: {
      decoded: 'Decodes {{encoding}} ({{length}} characters) and executes it.',
      evalDecoded: 'Executes decoded data via {{via}}.',
    },
  },
  check(facts, context) {
    const reported = new Set<string>();
    for (const fact of facts.of('decode')) {
      if (!fact.executed || fact.media) continue;
      reported.add(`${fact.file}:${fact.line}`);
      context.report({ messageId: 'decoded', fact, severity: weigh('critical', fact, context.skill), data: { encoding: fact.encoding, length: fact.length } });
    }
    for (const fact of facts.of('exec-dynamic')) {
      if (fact.input !== 'decoded' || reported.has(`${fact.file}:${fact.line}`)) continue;
      context.report({ messageId: 'evalDecoded', fact, severity: weigh('critical', fact, context.skill), data: { via: fact.via } });
    }
  },
};
