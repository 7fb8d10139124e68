// Writes to the agent's persona and memory files (SOUL.md, AGENTS.md, MEMORY.md… in the OpenClaw
// workspace): what is written there steers every later session. Memory skills append notes to
// MEMORY.md honestly (low); rewriting the persona is medium; a payload there is high.

import { createPersistenceRule } from './common/persistence-rule.ts';

export const agentMemoryWrite = createPersistenceRule({
  id: 'agent-memory-write',
  title: 'Writes agent persona or memory files',
  description: "The skill writes the agent's persona or instruction files (SOUL.md, AGENTS.md, IDENTITY.md, TOOLS.md) or its memory. Instructions planted there persist across sessions: memory poisoning.",
  references: ['https://docs.openclaw.ai/concepts/agent-workspace'],
  targets: [
    { pattern: /(?:^|\/)(?:soul|agents|identity|tools|bootstrap|heartbeat)\.md$/, label: 'an agent persona or instruction file', severity: 'medium' },
    { pattern: /(?:^|\/)(?:memory|user)\.md$|\.(?:openclaw|clawdbot)\/workspace[^/]*\/memory\//, label: 'agent memory', severity: 'low' },
  ],
});
