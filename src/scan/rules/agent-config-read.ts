// Reads of OpenClaw's own state: the gateway config (model and channel tokens), credentials,
// sessions and the agent's memory. No skill needs them to do its job; stealers go there first.

import { createSensitiveReadRule } from './common/sensitive-read-rule.ts';

export const agentConfigRead = createSensitiveReadRule({
  id: 'agent-config-read',
  classes: ['agent-config'],
  severity: 'medium',
  title: 'Reads OpenClaw config, credentials or agent memory',
  description: 'The skill reads ~/.openclaw (or the legacy ~/.clawdbot) config, credentials, sessions or the agent memory files. These hold the tokens of every connected model and channel; skills get what they need through declared env vars instead.',
  references: ['https://docs.openclaw.ai/gateway/configuration'],
});
