// macOS launch agents and daemons: a plist under LaunchAgents/LaunchDaemons, or `launchctl load`.

import { operands, programOf } from './common/commands.ts';
import { createPersistenceRule } from './common/persistence-rule.ts';

export const launchAgentWrite = createPersistenceRule({
  id: 'launch-agent-write',
  title: 'Installs a macOS launch agent',
  description: 'The skill installs a launchd agent or daemon, which macOS starts at every login or boot. AMOS-style stealers persist this way.',
  references: ['https://attack.mitre.org/techniques/T1543/001/'],
  targets: [
    { pattern: /^~\/library\/launchagents\//, label: "a user launch agent", severity: 'high' },
    { pattern: /^\/library\/launch(?:agents|daemons)\//, label: 'a system launch agent or daemon', severity: 'high' },
  ],
  commands(cmd) {
    const [sub, target] = operands(cmd);
    if (programOf(cmd) !== 'launchctl' || !/^(?:load|bootstrap|submit)$/.test(sub ?? '')) return undefined;
    return { severity: 'high', what: `launchctl ${sub} ${target ?? ''}`.trim() };
  },
});
