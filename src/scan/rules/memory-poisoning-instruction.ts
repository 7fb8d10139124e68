// Instructions to write into the agent's memory or persona (SOUL.md, MEMORY.md, AGENTS.md, "your
// memory", the system prompt): whatever lands there steers every later conversation. Skills that
// edit those files after asking the user are ordinary and not reported.

import type { Rule } from '../types.ts';
import { matchFact, proseFacts, quote } from './prose/match.ts';
import { consentCue, memoryTargets, memoryWrite, persistenceCue } from './prose/phrases.ts';

export const memoryPoisoningInstruction: Rule = {
  meta: {
    id: 'memory-poisoning-instruction',
    category: 'prompt-injection',
    severity: 'medium',
    title: 'Tells the agent to rewrite its own memory or persona',
    description: 'Imperative prose telling the agent to write to SOUL.md, MEMORY.md, AGENTS.md, USER.md, its memory or its system prompt without asking the user. High when the change is meant to last ("always", "from now on") or to stay hidden, since that is how a one-time injection becomes permanent.',
    references: ['https://docs.openclaw.ai/concepts/agent-workspace', 'https://genai.owasp.org/llmrisk/llm01-prompt-injection/'],
    messages: {
      write: 'Instruction to write to the agent\'s memory or persona: "{{phrase}}"',
      persistent: 'Instruction to plant a lasting rule in the agent\'s memory or persona: "{{phrase}}"',
    },
  },
  check(facts, context) {
    for (const fact of proseFacts(facts)) {
      const hit = matchFact(fact, [memoryTargets], { imperative: true });
      if (!hit || !memoryWrite.test(hit.sentence) || consentCue.test(fact.text)) continue;
      const lasting = persistenceCue.test(fact.text) || fact.context.hidden === true;
      context.report({
        messageId: lasting ? 'persistent' : 'write', fact, evidence: hit.sentence,
        data: { phrase: quote(hit) }, severity: lasting ? 'high' : 'medium',
      });
    }
  },
};
