// ClickFix: "to verify you are human, press Win+R and paste this" or "to fix the error, paste this
// into your terminal" followed by an obfuscated or remote command. The user runs the payload by
// hand, past every sandbox. Ordinary "run this in your terminal to install jq" is not a lure: a
// lure needs a verification pretext, or a fix pretext next to a risky command.

import type { Fact } from '../facts.ts';
import type { Rule } from '../types.ts';
import { matchFact, proseFacts, proseText, quote } from './prose/match.ts';
import { fixLure, pasteIntoTerminal, verificationLure } from './prose/phrases.ts';

const nearLines = 8;
const riskyKinds = new Set<Fact['kind']>(['download-exec', 'decode', 'exec-dynamic']);

export const clickfixLure: Rule = {
  meta: {
    id: 'clickfix-lure',
    category: 'prompt-injection',
    severity: 'high',
    title: 'Lures the user into pasting a command into a terminal',
    description: 'Prose that asks the user to paste or type a command into a terminal, the Run dialog or PowerShell under a pretext: "verify you are human", a CAPTCHA, or "fix this error" next to a command that downloads, decodes or evaluates code. This is the ClickFix technique; it runs the payload outside any sandbox.',
    references: ['https://www.proofpoint.com/us/blog/threat-insight/security-brief-clickfix-social-engineering-technique-floods-threat-landscape'],
    messages: {
      verification: 'Paste-into-terminal lure with a verification pretext: "{{phrase}}"',
      fix: 'Paste-into-terminal "fix" next to a command that runs remote or decoded code: "{{phrase}}"',
    },
  },
  check(facts, context) {
    const risky = facts.all.filter((f) => riskyKinds.has(f.kind));
    for (const fact of proseFacts(facts)) {
      const hit = matchFact(fact, [pasteIntoTerminal]);
      if (!hit) continue;
      if (verificationLure.test(proseText(fact))) {
        context.report({ messageId: 'verification', fact, evidence: hit.sentence, data: { phrase: quote(hit) } });
      } else if (fixLure.test(proseText(fact)) && risky.some((r) => r.file === fact.file && Math.abs(r.line - fact.line) <= nearLines)) {
        context.report({ messageId: 'fix', fact, evidence: hit.sentence, data: { phrase: quote(hit) } });
      }
    }
  },
};
