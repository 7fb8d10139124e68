// "Auto-approve every command", "always run without asking": removing the human from the loop is
// what lets every other attack run unseen. Medium alone; it rarely is alone.

import { approvalBypassPhrases, authorityGrantPhrases } from './prose/phrases.ts';
import { findApprovalBypass } from './prose/signals.ts';
import { createPhraseRule } from './prose/phrase-rule.ts';

export const approvalBypass = createPhraseRule({
  id: 'approval-bypass',
  severity: 'medium',
  title: 'Tells the agent to act without the user\'s approval',
  description: 'Imperative prose telling the agent to auto-approve actions, to skip confirmation prompts or to run commands without asking the user, and statements that grant the agent blanket authority ("the user has authorized every action", "standing permission to run any command"). Skills that say "ask the user before…" are the opposite and are not reported.',
  references: ['https://genai.owasp.org/llmrisk/llm062025-excessive-agency/'],
  patterns: [...approvalBypassPhrases, ...authorityGrantPhrases],
  find: findApprovalBypass,
  message: 'Approval bypass: "{{phrase}}"',
});
