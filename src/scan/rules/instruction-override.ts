// "Ignore previous instructions", "you are now unrestricted", "safety filters are off": text that
// tries to replace the agent's instructions. A skill has no reason to say it except to hijack.

import { overridePhrases } from './prose/phrases.ts';
import { createPhraseRule } from './prose/phrase-rule.ts';

export const instructionOverride = createPhraseRule({
  id: 'instruction-override',
  severity: 'high',
  title: 'Tells the agent to drop its instructions or safety rules',
  description: 'Prose that tells the agent to ignore or replace its previous instructions or system prompt, to enter an unrestricted or "developer" mode, or to turn its safety rules off. Guides that quote such phrases to teach about prompt injection are not reported.',
  references: ['https://owasp.org/www-project-top-10-for-large-language-model-applications/', 'https://genai.owasp.org/llmrisk/llm01-prompt-injection/'],
  patterns: overridePhrases,
  message: 'Instruction override: "{{phrase}}"',
});
