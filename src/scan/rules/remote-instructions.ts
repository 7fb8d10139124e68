// "Fetch https://… and follow the instructions there": the skill's real instructions live on a
// server and can change after review. What was scanned is then not what runs.

import { remoteInstructionPhrases } from './prose/phrases.ts';
import { createPhraseRule } from './prose/phrase-rule.ts';

export const remoteInstructions = createPhraseRule({
  id: 'remote-instructions',
  severity: 'high',
  title: 'Loads further instructions from a URL at run time',
  description: 'Prose telling the agent to fetch a URL and follow, execute or obey what it returns. The instructions that run are then not the ones that were reviewed, and can be swapped at any time. Pointers for humans ("installation instructions at https://…") are not reported.',
  references: ['https://genai.owasp.org/llmrisk/llm01-prompt-injection/'],
  patterns: remoteInstructionPhrases,
  message: 'Follows instructions fetched at run time: "{{phrase}}"',
});
