// Several different agent-directed manipulations in one skill: it grants itself authority ("the user
// has approved every action", "never ask for confirmation"), hides what it does, works around
// denials, makes itself permanent or loads its real instructions from a URL. Each alone is often
// only medium (a persona skill may say "don't ask follow-up questions"); together they describe an
// agent taken over, which no honest skill needs. Two kinds are high, three or more critical.

import type { Rule, Severity } from '../types.ts';
import { quote } from './prose/match.ts';
import { agentSignals, type Signal, type SignalKind } from './prose/signals.ts';

const labels: Readonly<Record<SignalKind, string>> = {
  override: 'overrides its instructions',
  conceal: 'hides its actions',
  approval: 'skips approval',
  evasion: 'works around denials',
  remote: 'loads remote instructions',
  memory: 'plants lasting memory',
  persist: 'resists removal',
  harvest: 'collects credentials',
  'obey-hidden': 'obeys hidden text',
};

export const agentTakeover: Rule = {
  meta: {
    id: 'agent-takeover',
    category: 'prompt-injection',
    severity: 'high',
    title: 'Combines several ways of taking the agent over',
    description: 'The skill\'s prose (Markdown, reference files, strings in code, text it writes into agent memory) tells the agent to do two or more different kinds of manipulation: override its instructions, skip approvals, hide its actions, work around denials, load instructions from a URL, plant lasting memory, resist removal, collect credentials or obey hidden text. Two kinds are high; three or more are critical. Teaching material is exempt as in every prose rule.',
    references: ['https://genai.owasp.org/llmrisk/llm01-prompt-injection/', 'https://genai.owasp.org/llmrisk/llm062025-excessive-agency/'],
    messages: {
      combined: 'Agent-directed instructions of {{count}} kinds ({{kinds}}): "{{phrase}}"',
    },
  },
  check(facts, context) {
    const byKind = new Map<SignalKind, Signal>();
    for (const s of agentSignals(facts)) if (!byKind.has(s.kind)) byKind.set(s.kind, s);
    if (byKind.size < 2) return;
    const first = [...byKind.values()].sort((a, b) => a.hit.fact.file.localeCompare(b.hit.fact.file) || a.hit.fact.line - b.hit.fact.line)[0]!;
    const severity: Severity = byKind.size >= 3 ? 'critical' : 'high';
    context.report({
      messageId: 'combined', fact: first.hit.fact, evidence: first.hit.sentence, severity,
      data: { count: byKind.size, kinds: [...byKind.keys()].map((k) => labels[k]).join(', '), phrase: quote(first.hit) },
    });
  },
};
