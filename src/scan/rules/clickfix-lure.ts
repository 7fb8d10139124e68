// ClickFix: "to verify you are human, press Win+R and paste this" or "to fix the error, paste this
// into your terminal" followed by an obfuscated or remote command. The user runs the payload by
// hand, past every sandbox. Ordinary "run this in your terminal to install jq" is not a lure: a
// lure needs a verification pretext, or a fix pretext next to a risky command.

import type { Fact } from '../facts.ts';
import type { Rule } from '../types.ts';
import { isIpLiteral, isLocalHost } from './common/destination.ts';
import { matchFact, proseFacts, proseText, quote } from './prose/match.ts';
import { fixLure, pasteIntoTerminal, verificationLure } from './prose/phrases.ts';

const nearLines = 8;
const riskyKinds = new Set<Fact['kind']>(['download-exec', 'decode', 'exec-dynamic']);
/** The Run box: legit guides say "press Win+R and type cmd"; a lure has it paste a command. */
const runDialog = /\bwin(?:dows)?\s*(?:key\s*)?\+\s*r\b|⊞\s*\+\s*r|\brun (?:dialog|box)\b|运行框/i;
/** Windows binaries that fetch and run a remote script or library by themselves. */
const remoteLolbin = /\b(?:mshta|rundll32|regsvr32|certutil|msiexec|bitsadmin|wscript|cscript)(?:\.exe)?\b(?:[^\n]){0,120}?(?:https?:\/\/|\\\\[\w.-]+\\)/i;

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
    // Remote or decoded code nearby: analysed facts, a URL at a public raw IP, a LOLBin given a URL.
    // Collected on the first lure only: most skills have none.
    let risky: Fact[] | undefined;
    const riskyNear = (fact: Fact) => {
      if (!risky) {
        risky = facts.all.filter((f) => riskyKinds.has(f.kind) || (f.kind === 'url' && isIpLiteral(f.host) && !isLocalHost(f.host)));
        for (const p of proseFacts(facts, { includeCodeBlocks: true })) if (remoteLolbin.test(proseText(p))) risky.push(p);
      }
      return risky.some((r) => r.file === fact.file && Math.abs(r.line - fact.line) <= nearLines);
    };
    for (const fact of proseFacts(facts)) {
      const hit = matchFact(fact, [pasteIntoTerminal]);
      if (!hit) continue;
      if (verificationLure.test(proseText(fact))) {
        context.report({ messageId: 'verification', fact, evidence: hit.sentence, data: { phrase: quote(hit) } });
      } else if ((fixLure.test(proseText(fact)) || runDialog.test(proseText(fact))) && riskyNear(fact)) {
        context.report({ messageId: 'fix', fact, evidence: hit.sentence, data: { phrase: quote(hit) } });
      }
    }
  },
};
