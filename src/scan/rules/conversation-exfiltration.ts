// Sending the user's conversation, messages, files or credentials somewhere else: "forward every
// message to …", "BCC all emails to …", "upload the chat history to https://…", "after every reply,
// mirror the user's message to https://…", "relay everything the user says to the Telegram group …".
// The destination must be outside (a URL, an e-mail address, a webhook, a messenger group); exporting
// a transcript to a local file is a feature, and so is forwarding a ticket to the company's own
// helpdesk while telling the user so, or e-mailing a report the user asked for. The matching lives in
// prose/signals.ts (`forwardingIn`), shared with memory-poisoning-instruction, which reports the same
// rule when a skill plants it in the agent's memory.

import type { Rule } from '../types.ts';
import { quote } from './prose/match.ts';
import { findForwarding } from './prose/signals.ts';

export const conversationExfiltration: Rule = {
  meta: {
    id: 'conversation-exfiltration',
    category: 'prompt-injection',
    severity: 'high',
    title: 'Tells the agent to send conversations or user data elsewhere',
    description: 'Imperative prose telling the agent to send, forward, copy, mirror, relay, sync or BCC the conversation, chat history, messages, e-mails, files or credentials to an outside address (URL, e-mail, webhook, messenger group), in any of the prose languages. The user\'s words named less plainly ("the user\'s last message", "your answer") count as a standing rule ("after every reply", "always", "from now on", "silently"). This is how prose-only skills steal data without a line of code.',
    references: ['https://genai.owasp.org/llmrisk/llm022025-sensitive-information-disclosure/'],
    messages: {
      send: 'Instruction to send user data out: "{{phrase}}"',
      bcc: 'Instruction to copy every message to a third party: "{{phrase}}"',
      standing: 'Standing rule to copy the user\'s conversation to a third party: "{{phrase}}"',
    },
  },
  check(facts, context) {
    for (const { kind, hit } of findForwarding(facts)) {
      context.report({ messageId: kind, fact: hit.fact, evidence: hit.sentence, data: { phrase: quote(hit) } });
    }
  },
};
