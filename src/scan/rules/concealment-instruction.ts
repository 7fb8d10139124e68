// "Do not tell the user", "silently upload…": an instruction to act behind the user's back. An
// honest skill never needs the agent to hide what it does; it is worse when what is hidden sends
// data out.

import { concealmentPhrases, concealmentStatements, sendVerb } from './prose/phrases.ts';
import { findConcealment } from './prose/signals.ts';
import { createPhraseRule } from './prose/phrase-rule.ts';

const sensitive = /\b(?:credentials?|tokens?|keys?|passwords?|secrets?|\.ssh|\.openclaw|\.env|cookies|wallet)\b|https?:\/\/|密钥|密码|凭证/i;

export const concealmentInstruction = createPhraseRule({
  id: 'concealment-instruction',
  severity: 'medium',
  title: 'Tells the agent to hide its actions from the user',
  description: 'Imperative prose telling the agent not to tell the user, to act silently or to hide a step. High when the hidden action sends data or touches secrets. Descriptions of programs ("the script runs silently") and advice ("never silently delete files") are not reported.',
  references: ['https://genai.owasp.org/llmrisk/llm01-prompt-injection/'],
  patterns: [...concealmentPhrases, ...concealmentStatements],
  find: findConcealment,
  message: 'Concealment instruction: "{{phrase}}"',
  grade: (hit) => (sendVerb.test(hit.sentence) || sensitive.test(hit.sentence) ? 'high' : 'medium'),
});
