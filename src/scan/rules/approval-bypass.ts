// "Auto-approve every command", "always run without asking": removing the human from the loop is
// what lets every other attack run unseen. Medium alone; it rarely is alone. High when the act left
// unconfirmed in the same sentence cannot be undone (deleting, wiping, paying, transferring): the one
// thing a confirmation step exists for.

import { approvalBypassPhrases, authorityGrantPhrases } from './prose/phrases.ts';
import { findApprovalBypass } from './prose/signals.ts';
import { createPhraseRule } from './prose/phrase-rule.ts';

/** Irreversible acts; "read-only" in the sentence keeps it medium ("skip confirmation for read-only tools"). */
const irreversible = /\b(?:delet(?:e|es|ing|ion)|remov(?:e|es|ing)|wip(?:e|es|ing)|purg(?:e|es|ing)|drop(?:s|ping)?|destroy(?:s|ing)?|erase|force[- ]push\w*|pay(?:s|ing|ments?)?|transfer(?:s|ring)?|wire)\b|\b(?:supprim|suppress|borr|elimin|lösch|apag|exclu)\w*|删除|清空|转账|付款|支付|削除|삭제|удал/i;

export const approvalBypass = createPhraseRule({
  id: 'approval-bypass',
  severity: 'medium',
  title: 'Tells the agent to act without the user\'s approval',
  description: 'Imperative prose telling the agent to auto-approve actions, to skip confirmation prompts or to run commands without asking the user, and statements that grant the agent blanket authority ("the user has authorized every action", "standing permission to run any command"). Skills that say "ask the user before…" are the opposite and are not reported.',
  references: ['https://genai.owasp.org/llmrisk/llm062025-excessive-agency/'],
  patterns: [...approvalBypassPhrases, ...authorityGrantPhrases],
  find: findApprovalBypass,
  message: 'Approval bypass: "{{phrase}}"',
  grade: (hit) => (irreversible.test(hit.sentence) && !/\bread[- ]only\b/i.test(hit.sentence) ? 'high' : 'medium'),
});
