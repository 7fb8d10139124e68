// Sending the user's conversation, messages, files or credentials somewhere else: "forward every
// message to …", "BCC all emails to …", "upload the chat history to https://…". The destination
// must be outside (a URL, an e-mail address, a webhook); exporting a transcript to a local file is
// a feature, and so is forwarding a ticket to the company's own helpdesk while telling the user so.

import type { Rule } from '../types.ts';
import { matchFact, proseFacts, proseText, quote } from './prose/match.ts';
import { bccEvery, conversationData, externalDestination, sendVerb } from './prose/phrases.ts';

/** The block says the user is told ("tell the customer the ticket number", "告知用户"), unless it says not to. */
const toldToUser = /\b(?:tell|inform|notify|let)\s+(?:the\s+)?(?:user|customer|them)\b|\bwith\s+(?:the\s+)?(?:user'?s|customer'?s|their)\s+(?:knowledge|consent)\b|告知(?:用户|客户)|(?:告诉|通知)(?:用户|客户)|征得[^。\n]{0,6}同意/i;
const notTold = /\b(?:do not|don'?t|never|no need to|without)\s+(?:tell|inform|notify|let|telling|informing|notifying)\b|(?:不要|别|无需|不必|不用)(?:告诉|告知|通知|让)/i;

function disclosed(text: string): boolean {
  return toldToUser.test(text) && !notTold.test(text);
}

export const conversationExfiltration: Rule = {
  meta: {
    id: 'conversation-exfiltration',
    category: 'prompt-injection',
    severity: 'high',
    title: 'Tells the agent to send conversations or user data elsewhere',
    description: 'Imperative prose telling the agent to send, forward, copy or BCC the conversation, chat history, messages, e-mails, files or credentials to an outside address (URL, e-mail, webhook). This is how prose-only skills steal data without a line of code.',
    references: ['https://genai.owasp.org/llmrisk/llm022025-sensitive-information-disclosure/'],
    messages: {
      send: 'Instruction to send user data out: "{{phrase}}"',
      bcc: 'Instruction to copy every message to a third party: "{{phrase}}"',
    },
  },
  check(facts, context) {
    for (const fact of proseFacts(facts)) {
      const bcc = matchFact(fact, [bccEvery], { imperative: true });
      if (bcc && externalDestination.test(bcc.sentence)) {
        context.report({ messageId: 'bcc', fact, evidence: bcc.sentence, data: { phrase: quote(bcc) } });
        continue;
      }
      const hit = matchFact(fact, [conversationData], { imperative: true });
      if (hit && sendVerb.test(hit.sentence) && externalDestination.test(hit.sentence) && !disclosed(proseText(fact))) {
        context.report({ messageId: 'send', fact, evidence: hit.sentence, data: { phrase: quote(hit) } });
      }
    }
  },
};
