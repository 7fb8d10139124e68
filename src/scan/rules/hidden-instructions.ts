// Instructions placed where the reader cannot see them: HTML comments, hidden elements,
// reference-definition comments, image alt text. Nobody hides a legitimate instruction from the
// person reviewing a skill, so an attack phrase there is critical, and a directive addressed to the
// agent that manipulates it (sends, fetches, touches secrets, escalates, hides itself) is high.
// Developer notes ("TODO", "generated file, do not edit", "keep this template's header") are neither.

import type { Rule } from '../types.ts';
import { matchFact, proseText, quote } from './prose/match.ts';
import { findObeyHidden } from './prose/signals.ts';
import {
  approvalBypassPhrases, authorityGrantPhrases, bccEvery, concealmentPhrases, credentialTarget, evasionPhrases, overridePhrases, remoteInstructionPhrases, walletSecret,
} from './prose/phrases.ts';

const attackPhrases = [...overridePhrases, ...concealmentPhrases, ...approvalBypassPhrases, ...authorityGrantPhrases, ...evasionPhrases, ...remoteInstructionPhrases, bccEvery, walletSecret, credentialTarget];

const addressesAgent = /\b(?:you|your|ai|assistant|agent|llm|model|claude|gpt|chatgpt|openclaw|bot)\b|你|助手|智能体/i;
const directive = /\b(?:you (?:must|should|will|shall|need to|have to|are (?:to|required to))|(?:ai|assistant|agent|model|llm|bot)\b[^.\n]{0,30}\b(?:must|should|shall|will|is to|needs to)|always|never|from now on|when(?:ever)? the user)\b|^(?:important|system|instructions?|note to (?:the )?(?:ai|assistant|agent|model)|(?:ai\s+)?(?:assistant|agent|model)|ai|llm|bot)\s*[:：]|\b(?:ai|assistant|agent|model|llm)\s+(?:instructions?|notes?|directives?)\b|\bnot (?:shown|visible) to (?:the )?user\b|\bbefore (?:summari[sz]ing|answering|responding|replying)\b|你(?:必须|应该|需要)|务必|始终/i;
/**
 * What makes a hidden directive an attack rather than a developer note ("THIS TEMPLATE SHOULD BE
 * MODIFIED, always include the header"): it sends data out, fetches something remote, touches
 * secrets or agent memory, destroys, escalates, overrides or hides itself.
 */
export const manipulation = /\b(?:send|upload|post|forward|exfiltrate|transmit|leak|e-?mail|bcc|curl|wget|fetch|download|delete|remove|wipe|erase|reveal|disclose|ignore|disregard|supersedes?|override|bypass|disable|elevated|sudo|tokens?|credentials?|passwords?|secrets?|api keys?|cookies)\b|https?:\/\/|~\/\.|\.env\b|\b(?:SOUL|MEMORY|AGENTS|USER|IDENTITY)\.md\b|\b(?:never|do not|don'?t)\s+(?:mention|print|show|tell|reveal|display|say)\b|\bnot (?:shown|visible) to (?:the )?user\b|\b(?:quietly|silently|secretly|covertly)\b|\|\s*(?:ba|z)?sh\b|发送|上传|下载|删除|忽略|转发|密钥|密码|令牌|不要(?:告诉|提及|显示)/i;

export const hiddenInstructions: Rule = {
  meta: {
    id: 'hidden-instructions',
    category: 'prompt-injection',
    severity: 'critical',
    title: 'Instructions hidden from the reader',
    description: 'Text in an HTML comment, a hidden HTML element, a Markdown reference-definition comment, image alt text or an invisible Unicode channel (tag characters, zero-width bits) that contains an injection phrase (critical) or a directive to the agent that sends data, fetches, touches secrets or memory, destroys, escalates or hides itself (high; other developer notes are not reported); and visible prose telling the agent to obey instructions encoded or hidden in invisible markers (high). The rendered skill looks harmless while the agent reads the hidden part.',
    references: ['https://genai.owasp.org/llmrisk/llm01-prompt-injection/', 'https://embracethered.com/blog/posts/2024/hiding-and-finding-text-with-unicode-tags/'],
    messages: {
      attack: 'Hidden injection phrase: "{{phrase}}"',
      directive: 'Hidden directive to the agent: "{{phrase}}"',
      obeyHidden: 'Tells the agent to obey hidden or encoded instructions: "{{phrase}}"',
    },
  },
  check(facts, context) {
    for (const hit of findObeyHidden(facts)) {
      if (!hit.fact.context.hidden) context.report({ messageId: 'obeyHidden', fact: hit.fact, evidence: hit.sentence, data: { phrase: quote(hit) }, severity: 'high' });
    }
    for (const fact of facts.of('prose')) {
      if (!fact.context.hidden) continue;
      const hit = matchFact(fact, attackPhrases, { allowNegated: true });
      if (hit) {
        context.report({ messageId: 'attack', fact, evidence: hit.sentence, data: { phrase: quote(hit) } });
      } else if (addressesAgent.test(proseText(fact)) && directive.test(proseText(fact)) && manipulation.test(proseText(fact))) {
        context.report({ messageId: 'directive', fact, data: { phrase: fact.evidence.slice(0, 80) }, severity: 'high' });
      }
    }
  },
};
